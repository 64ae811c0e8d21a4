import { municipalityOf, nameOf } from './area-names';

describe('area names for bare codes', () => {
  it('finds the municipality of a wijk or buurt code', () => {
    expect(municipalityOf('WK051837')).toBe('GM0518');
    expect(municipalityOf('BU05183701')).toBe('GM0518');
    expect(municipalityOf('GM0599')).toBe('GM0599');
    expect(municipalityOf('NL00')).toBeNull();
    expect(municipalityOf('debt-signals')).toBeNull();
  });

  it('falls back to the code when no name is known', () => {
    const names = new Map([['WK051837', 'Groente- en Fruitmarkt']]);
    expect(nameOf(names, 'WK051837')).toBe('Groente- en Fruitmarkt');
    expect(nameOf(names, 'WK051899')).toBe('WK051899');
  });
});
