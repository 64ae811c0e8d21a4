import { columnUnit, measureMismatch, tableSignature } from './column-mapping';

describe('StatLine column mapping rules', () => {
  it('signs a table by its columns, in any order', () => {
    expect(tableSignature(['a (%)', 'b (aantal)'])).toBe(tableSignature(['b (aantal)', 'a (%)']));
    expect(tableSignature(['a (%)'])).not.toBe(tableSignature(['a (%)', 'b (aantal)']));
  });

  it('reads the unit at the end of a header, nested parentheses included', () => {
    expect(columnUnit('Roker (%)')).toBe('%');
    expect(columnUnit('Bevolking/Geslacht/Mannen (aantal)')).toBe('aantal');
    expect(columnUnit('Jongeren met jeugdhulp in natura (% (zie toelichting))')).toBe('% (zie toelichting)');
    expect(columnUnit('Wijken en buurten')).toBeNull();
  });

  it('refuses a count into a proportion and a percentage into a count, naming the column', () => {
    expect(measureMismatch('Roker (%)', 'proportion')).toBeNull();
    expect(measureMismatch('Bevolking/Mannen (aantal)', 'count')).toBeNull();
    expect(measureMismatch('Bevolking/Mannen (aantal)', 'proportion')).toMatch(/"Bevolking\/Mannen \(aantal\)" holds counts/);
    expect(measureMismatch('Roker (%)', 'count')).toMatch(/"Roker \(%\)" holds percentages/);
    expect(measureMismatch('Jongeren met jeugdhulp in natura (% (zie toelichting))', 'proportion')).toBeNull();
    expect(measureMismatch('Inkomen/Gemiddeld (1 000 euro)', 'mean')).toBeNull();
  });
});
