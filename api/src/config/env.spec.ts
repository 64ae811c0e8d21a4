import { ConfigError } from './config-error';
import { wholeNumber, yesNo } from './env';

describe('settings from the environment', () => {
  it.each([
    [undefined, 7],
    ['', 7],
    ['  ', 7],
    ['12', 12],
    [' 3 ', 3],
  ])('wholeNumber(%p) → %p', (raw, want) => {
    expect(wholeNumber(raw, 'X', 7, 1, 100)).toBe(want);
  });

  it.each([
    ['abc', 'X must be a whole number 1–100, got "abc"'],
    ['1.5', 'X must be a whole number 1–100, got "1.5"'],
    ['0', 'X must be a whole number 1–100, got "0"'],
    ['101', 'X must be a whole number 1–100, got "101"'],
    ['1e9', 'X must be a whole number 1–100, got "1e9"'],
  ])('wholeNumber refuses %p in one line', (raw, message) => {
    expect(() => wholeNumber(raw, 'X', 7, 1, 100)).toThrow(new ConfigError(message));
  });

  it('names an open range as ≥ min', () => {
    expect(() => wholeNumber('-1', 'Y', 0, 0)).toThrow('Y must be a whole number ≥ 0, got "-1"');
  });

  it.each([
    [undefined, false],
    ['TRUE', true],
    ['yes', true],
    ['1', true],
    ['no', false],
    ['0', false],
  ])('yesNo(%p) → %p', (raw, want) => {
    expect(yesNo(raw, 'F', false)).toBe(want);
  });

  it('refuses anything else for a switch', () => {
    expect(() => yesNo('maybe', 'F', false)).toThrow('F must be true or false, got "maybe"');
  });
});
