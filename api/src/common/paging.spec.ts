import { InvalidInputError } from './errors';
import { decodeCursor, encodeCursor, pageRequest, toPage } from './paging';

describe('paging', () => {
  it('defaults to 100 rows and the first page', () => {
    expect(pageRequest({})).toEqual({ limit: 100, after: null });
  });

  it.each([['0'], ['1001'], ['-1'], ['1.5'], ['abc'], [['1', '2']]])('refuses limit=%p naming the field', (limit) => {
    expect(() => pageRequest({ limit })).toThrow(InvalidInputError);
    try {
      pageRequest({ limit });
    } catch (e) {
      expect((e as InvalidInputError).errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    }
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const key = ['2026-12-04T10:00:00.000Z', 'a1b2'];
    expect(pageRequest({ cursor: encodeCursor(key) }).after).toEqual(key);
    expect(decodeCursor('!!')).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
    expect(() => pageRequest({ cursor: 'not json' })).toThrow(InvalidInputError);
  });

  it('cuts the extra row and gives the last served key as the next cursor', () => {
    const rows = [1, 2, 3].map((id) => ({ id }));
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({ items: [{ id: 1 }, { id: 2 }], next: [2] });
    expect(toPage(rows, 3, (r) => [r.id])).toEqual({ items: rows, next: null });
  });
});
