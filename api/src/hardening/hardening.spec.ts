import { classifyDatabaseError } from '../common/database-errors';
import { findNul, jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  const b = (s: string) => Buffer.from(s);
  it('counts the deepest nesting and ignores brackets inside strings', () => {
    expect(jsonDepth(b('1'))).toBe(0);
    expect(jsonDepth(b('{"a":[1,{"b":2}]}'))).toBe(3);
    expect(jsonDepth(b('{"a":"[[[[{{{\\"]]"}'))).toBe(1);
    expect(jsonDepth(b('[[],[[]]]'))).toBe(3);
  });
  it('stops early past the limit on hostile input', () => {
    expect(jsonDepth(b('['.repeat(1_000_000)), 32)).toBe(33);
  });
});

describe('findNul', () => {
  it('names the first field holding a NUL, keys included', () => {
    expect(findNul({ a: 'x', b: ['ok', 'n\u0000'] })).toBe('b[1]');
    expect(findNul({ observations: [{ subject: 'W\u0000' }] })).toBe('observations[0].subject');
    expect(findNul({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findNul({ a: 1, b: null, c: 'clean' })).toBeNull();
  });
});

describe('classifyDatabaseError', () => {
  it('maps pool timeouts and lost connections to 503, data exceptions to 400, the rest to null', () => {
    expect(classifyDatabaseError(new Error('timeout exceeded when trying to connect'))?.status).toBe(503);
    expect(classifyDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))?.status).toBe(503);
    expect(classifyDatabaseError({ message: 'query failed', driverError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) })?.status).toBe(503);
    expect(classifyDatabaseError(new Error('Connection terminated unexpectedly'))?.status).toBe(503);
    expect(classifyDatabaseError({ message: 'x', driverError: { code: '22P05', message: 'unsupported Unicode escape sequence' } })?.status).toBe(400);
    expect(classifyDatabaseError({ message: 'x', driverError: { code: '23505', message: 'duplicate key' } })).toBeNull();
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toBeNull();
  });
});
