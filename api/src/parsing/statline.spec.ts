import { createReadStream, readFileSync } from 'fs';
import { join } from 'path';
import { dimensionValues, isTotalDimensionValue, parseStatline, StatlineTable, totalRows } from './statline';

const FIXTURES = join(__dirname, '../../../test/fixtures/statline');
const file = (name: string): string => join(FIXTURES, name);
/** Streams the file in small chunks, like a request body. */
const stream = (name: string) => createReadStream(file(name), { highWaterMark: 4096 });

function row(t: StatlineTable, code: string) {
  const r = t.rows.find((x) => x.areaCode === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
}
function rowByName(t: StatlineTable, name: string) {
  const r = t.rows.find((x) => x.areaName === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
}

const LONELY = 'Eenzaamheid/Ernstig/zeer ernstig eenzaam (%)';

describe('StatLine layout A (flat with symbols)', () => {
  it('reads the Gezondheidsmonitor per wijk en buurt (Rotterdam, Krimpenerwaard) 2020', async () => {
    const t = await parseStatline(stream('Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv'));
    expect(t.errors).toEqual([]);
    expect(t.layout).toBe('flat-symbols');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toHaveLength(195);
    expect(t.areaCodeColumn).toBe('Regioaanduiding/Codering (code)');
    expect(t.periodColumn).toBe('Perioden');
    expect(t.dimColumns).toEqual(['Leeftijd', 'Marges']);
    expect(t.columns).toHaveLength(13);
    expect(t.columns[12]).toBe(LONELY);
    // line 92: "…";"Delfshaven";…;"WK059903            ";…;"    12.2";"    18.2"
    const delfshaven = row(t, 'WK059903');
    expect(delfshaven.line).toBe(92);
    expect(delfshaven.areaName).toBe('Delfshaven');
    expect(delfshaven.period).toEqual({ label: '2020', start: '2020-01-01', granularity: 'year', provisional: false });
    expect(delfshaven.dims).toEqual({ Leeftijd: '18 jaar of ouder', Marges: 'Waarde' });
    expect(delfshaven.cells[LONELY]).toEqual({ value: 18.2, raw: '    18.2', column: 20, line: 92 });
    expect(delfshaven.cells['Psychische klachten (%)'].value).toBeNull(); // "       ." in 2020
    expect(row(t, 'NL01').cells['Ervaren gezondheid (goed/zeer goed) (%)'].value).toBe(78.4);
    expect(row(t, 'GM0599').cells[LONELY].value).toBe(16.1);
    expect(row(t, 'BU05991087').cells[LONELY].value).toBe(23.8);
    expect(delfshaven.attributes['Regioaanduiding/Soort regio (omschrijving)']).toBe('Wijk');
    // the only Leeftijd value and Marges "Waarde" are totals: every row is kept
    expect(totalRows(t)).toHaveLength(195);
    // no cell in the file fails to parse
    expect(t.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.error)).toEqual([]);
  });

  it('reads SES-WOA Amsterdam 2019 (LF, negative numbers, missing)', async () => {
    const t = await parseStatline(readFileSync(file('SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv')));
    expect(t.errors).toEqual([]);
    expect(t.layout).toBe('flat-symbols');
    expect(t.rows).toHaveLength(579);
    expect(t.areaCodeColumn).toBe('Regiocode (gemeente, wijk, buurt) (code)');
    const gm = row(t, 'GM0363');
    expect(gm.cells['Particuliere huishoudens (Aantal)'].value).toBe(457400);
    expect(gm.cells['SES-WOA/Totaalscore/Gemiddelde score (Getal)'].value).toBe(-0.1);
    expect(gm.cells['Spreiding/Spreiding totaal/Waarde (Getal)'].value).toBe(1.01);
    const station = row(t, 'BU03630100');
    expect(station.line).toBe(10);
    expect(station.cells['Particuliere huishoudens (Aantal)'].value).toBe(0);
    expect(station.cells['Opleidingsniveau/Laag/Waarde (%)']).toMatchObject({ value: null, raw: '       .' });
    expect(row(t, 'WK036300').cells['Opleidingsniveau/Hoog/Waarde (%)'].value).toBe(58.2);
  });
});

describe('StatLine layout B (flat, decimal comma, empty missing)', () => {
  it('reads Indicatoren jeugdzorg (names only, provisional 2022*) when codes are resolved by name', async () => {
    const codes: Record<string, string> = { Nederland: 'NL00', Almelo: 'GM0141', 'Aa en Hunze': 'GM1680', 'Utrecht (gemeente)': 'GM0344' };
    const t = await parseStatline(stream('Indicatoren_jeugdzorg__gemeenten_24062023_110530.csv'), {
      resolveAreaName: (name) => codes[name],
    });
    expect(t.layout).toBe('flat');
    expect(t.areaNameColumn).toBe("Regio's");
    const almelo = row(t, 'GM0141');
    expect(almelo.line).toBe(10);
    expect(almelo.period).toEqual({ label: '2022', start: '2022-01-01', granularity: 'year', provisional: true });
    expect(almelo.cells['Jongeren met jeugdhulp in natura (% (zie toelichting))']).toEqual({ value: 14.5, raw: '14,5', column: 3, line: 10 });
    expect(row(t, 'GM1680').cells['Jongeren met jeugdreclassering (% (zie toelichting))']).toMatchObject({ value: null, raw: '' });
    expect(row(t, 'GM0344').cells['Jongeren met jeugdhulp in natura (% (zie toelichting))'].value).toBe(15.2);
    expect(row(t, 'NL00').cells['Jongeren met jeugdhulp in natura (% (zie toelichting))'].value).toBe(13.2);
    // the other 352 names are unknown to this resolver: one error each, naming line and column
    expect(t.errorCount).toBe(352);
    expect(t.errors[0]).toEqual({ line: 4, column: "Regio's", message: 'unknown area name "Aalsmeer"', code: 'import.statline.unknownAreaName', params: { value: 'Aalsmeer' } });
  });

  it('refuses a names-only table by default with a clear error', async () => {
    const t = await parseStatline(stream('Indicatoren_jeugdzorg__gemeenten_24062023_110530.csv'));
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([{ line: 1, column: "Regio's", message: expect.stringMatching(/has no area codes .*region names only/), code: 'import.statline.noAreaCodes' }]);
  });

  it('reads KWB 2024 per gemeente (header names containing ;)', async () => {
    const t = await parseStatline(stream('Kerncijfers_wijken_en_buurten_2024_10122025_135731.csv'), { allowMissingAreaCodes: true });
    expect(t.errors).toEqual([]);
    expect(t.rows).toHaveLength(100);
    expect(t.columns).toHaveLength(55);
    expect(t.columns).toContain('Sociale zekerheid/Personen per soort uitkering; Bijstand (aantal)');
    expect(t.periodColumn).toBeNull();
    const ams = rowByName(t, 'Amsterdam');
    expect(ams.line).toBe(17);
    expect(ams.areaCode).toBeNull();
    expect(ams.cells['Bevolking/Aantal inwoners (aantal)'].value).toBe(931298);
    expect(ams.cells['Bevolking/Particuliere huishoudens/Gemiddelde huishoudensgrootte (aantal)'].value).toBe(1.8);
    expect(rowByName(t, 'Aa en Hunze').cells['Bevolking/Aantal inwoners (aantal)'].value).toBe(25845);
  });

  it('reads Regionale kerncijfers 2025', async () => {
    const t = await parseStatline(stream('Regionale_kerncijfers_Nederland_11122025_133649.csv'), { resolveAreaName: (n) => (n === 'Nederland' ? 'NL00' : 'GM9999') });
    expect(t.errors).toEqual([]);
    expect(t.rows).toHaveLength(729);
    const nl = row(t, 'NL00');
    expect(nl.period?.label).toBe('2025');
    expect(nl.cells['Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)'].value).toBe(18044027);
  });

  it('reads an R-rewritten KWB 2019 file (comma, mangled headers, NA, row-number column)', async () => {
    const t = await parseStatline(stream('Kerncijfers_wijken_en_buurten_2019.csv'));
    expect(t.errors).toEqual([]);
    expect(t.delimiter).toBe(',');
    expect(t.rows).toHaveLength(580);
    expect(t.areaCodeColumn).toBe('Regioaanduiding.Codering..code.');
    expect(t.areaNameColumn).toBe('Wijken.en.buurten');
    const ams = row(t, 'GM0363');
    expect(ams.cells['Bevolking.Aantal.inwoners..aantal.'].value).toBe(862965);
    expect(ams.cells['Bevolking.Particuliere.huishoudens.Gemiddelde.huishoudensgrootte..aantal.']).toMatchObject({ value: 1.8, raw: '1,8', column: 34 });
    expect(row(t, 'WK036300').cells['Bevolking.Aantal.inwoners..aantal.'].value).toBe(4295);
    expect(row(t, 'NL00').areaName).toBe('Nederland');
  });

  it('reads the English export (comma, footer "Source: CBS.")', async () => {
    const t = await parseStatline(stream('table__85231ENG.csv'), { allowMissingAreaCodes: true });
    expect(t.errors).toEqual([]);
    expect(t.delimiter).toBe(',');
    expect(t.rows).toHaveLength(100);
    expect(t.areaNameColumn).toBe('Districts and neighbourhoods');
    expect(t.rows[0]).toMatchObject({ line: 2, areaName: 'Netherlands', areaCode: null });
    expect(t.attributeColumns).toEqual(['Regional designation Change in district or neighbourhood (code)']);
    const strict = await parseStatline(stream('table__85231ENG.csv'));
    expect(strict.errors[0].message).toMatch(/no area codes/);
  });
});

describe('StatLine layout C (pivot/table)', () => {
  it('reads a transposed table with codes (regions as columns)', async () => {
    const t = await parseStatline(stream('Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv'));
    expect(t.errors).toEqual([]);
    expect(t.layout).toBe('pivot');
    expect(t.title).toBe('Nabijheid voorzieningen; afstand locatie, wijk- en buurtcijfers 2021');
    expect(t.titlePeriod?.label).toBe('2021');
    expect(t.areaCodeColumn).toBe('Regioaanduiding|Codering');
    expect(t.rows.map((r) => r.areaCode)).toEqual(['NL00', 'GM1680', 'WK168000', 'BU16800000', 'BU16800009', 'WK168001', 'BU16800100', 'BU16800109']);
    const afstand = 'Gezondheid en welzijn|Huisartsenpraktijk|Afstand tot huisartsenpraktijk';
    expect(t.units[afstand]).toBe('km');
    expect(row(t, 'NL00').cells[afstand]).toEqual({ value: 1, raw: '1,0', column: 3, line: 9 });
    expect(row(t, 'GM1680').cells[afstand].value).toBe(2.5);
    expect(row(t, 'BU16800109').cells['Gezondheid en welzijn|Huisartsenpraktijk|Aantal huisartsenpraktijken|Binnen 5 km'].value).toBe(2.2);
    expect(row(t, 'GM1680').cells['Gezondheid en welzijn|Fysiotherapeut|Aantal fysiotherapeuten|Binnen 1 km'].value).toBeNull();
    expect(row(t, 'WK168000').areaName).toBe('Wijk 00 Annen');
    expect(row(t, 'WK168000').attributes['Regioaanduiding|Soort regio']).toBe('Wijk');
    expect(t.columns).not.toContain('Bron: CBS');
    expect(t.columns[t.columns.length - 1]).toBe('Afstand tot brandweerkazerne');
  });

  it('refuses a pivot table with region names only, and reads it when names are resolved', async () => {
    const strict = await parseStatline(stream('Kerncijfers_wijken_en_buurten_2015.csv'));
    expect(strict.layout).toBe('pivot');
    expect(strict.rows).toEqual([]);
    expect(strict.errors).toEqual([{ line: 3, column: 'Wijken en buurten', message: expect.stringMatching(/no area codes/), code: 'import.statline.noAreaCodes' }]);

    const t = await parseStatline(stream('Kerncijfers_wijken_en_buurten_2015.csv'), { allowMissingAreaCodes: true });
    expect(t.errors).toEqual([]);
    expect(t.rows).toHaveLength(106);
    expect(t.titlePeriod?.label).toBe('2015');
    expect(t.columns[0]).toBe('Inkomen|Inkomen van personen|Aantal inkomensontvangers'); // NBSPs trimmed
    expect(t.units[t.columns[0]]).toBe('aantal');
    const ams = rowByName(t, 'Amsterdam');
    expect(ams.line).toBe(6);
    expect(ams.cells[t.columns[0]].value).toBe(641700);
    expect(ams.cells['Inkomen|Inkomen van personen|Gemiddeld inkomen per inwoner'].value).toBe(26.9);
    const bos = rowByName(t, 'Burgwallen-Oude Zijde');
    expect(bos.cells[t.columns[9]]).toEqual({ value: 15.1, raw: '15,1', column: 11, line: 8 });
    expect(rowByName(t, 'Spieringhorn').cells[t.columns[1]].value).toBeNull();
  });
});

describe('bad StatLine input', () => {
  it('reports an empty file, binary data and a ragged row', async () => {
    expect((await parseStatline('')).errors).toEqual([{ line: 1, column: null, message: 'file is empty', code: 'import.statline.emptyFile' }]);
    expect((await parseStatline(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).errors[0]).toMatchObject({ message: expect.stringMatching(/^file is not text/), code: 'import.notText.zip' });
    const ragged = await parseStatline('"Perioden";"Regiocode (code)";"X (aantal)"\n"2024";"GM0599    ";"  1"\n"2024";"GM0363"\n');
    expect(ragged.errors).toEqual([{ line: 3, column: null, message: 'expected 3 fields, found 2', code: 'import.fieldCount', params: { expected: 3, found: 2 } }]);
    expect(ragged.rows[0].cells['X (aantal)'].value).toBe(1);
  });

  it('keeps formula-like text as raw and flags it, never evaluates it', async () => {
    const t = await parseStatline('"Perioden";"Regiocode (code)";"X (aantal)";"Y (%)"\n"2024KW01";"BU0363NL01";"=CMD()";"14,5"\n');
    const r = t.rows[0];
    expect(r.areaCode).toBe('BU0363NL01');
    expect(r.period?.label).toBe('2024-Q1');
    expect(r.cells['X (aantal)']).toMatchObject({ value: null, raw: '=CMD()', error: expect.stringMatching(/formula-like/) });
    expect(r.cells['Y (%)'].value).toBe(14.5);
  });

  it('reports a bad period with line and column', async () => {
    const t = await parseStatline('"Perioden";"Regiocode (code)";"X (aantal)"\n"2024X000";"GM0599";"1"\n');
    expect(t.errors).toEqual([{ line: 2, column: 'Perioden', message: expect.stringMatching(/invalid period "2024X000"/), code: 'import.badPeriod', params: { value: '2024X000' } }]);
  });
});

describe('isTotalDimensionValue', () => {
  it('applies the documented rule', () => {
    expect(isTotalDimensionValue('Marges', 'Waarde')).toBe(true);
    expect(isTotalDimensionValue('Marges', 'Ondergrens 95%-interval')).toBe(false);
    expect(isTotalDimensionValue('Geslacht', 'Totaal mannen en vrouwen')).toBe(true);
    expect(isTotalDimensionValue('Geslacht', 'Mannen')).toBe(false);
    expect(isTotalDimensionValue('Leeftijd', 'Totaal')).toBe(true);
    expect(isTotalDimensionValue('Leeftijd', '18 jaar of ouder')).toBe(false);
    expect(isTotalDimensionValue('Leeftijd', '18 jaar of ouder', ['18 jaar of ouder'])).toBe(true);
    expect(isTotalDimensionValue('Leeftijd', '18 jaar of ouder', ['18 jaar of ouder', '65 jaar of ouder'])).toBe(false);
  });

  it('keeps only value rows of a table with margins and age groups', async () => {
    const csv = [
      '"Leeftijd";"Marges";"Perioden";"Wijken en buurten";"Regioaanduiding/Codering (code)";"Eenzaam (%)"',
      '"18 jaar of ouder";"Waarde";"2022";"Rotterdam";"GM0599    ";"    16.1"',
      '"18 jaar of ouder";"Ondergrens 95%-interval";"2022";"Rotterdam";"GM0599    ";"    15.0"',
      '"65 jaar of ouder";"Waarde";"2022";"Rotterdam";"GM0599    ";"    20.0"',
      '"Totaal";"Waarde";"2022";"Rotterdam";"GM0599    ";"    17.0"',
    ].join('\r\n');
    const t = await parseStatline(csv);
    expect(dimensionValues(t).Marges).toEqual(['Waarde', 'Ondergrens 95%-interval']);
    expect(totalRows(t).map((r) => r.line)).toEqual([5]);
  });
});
