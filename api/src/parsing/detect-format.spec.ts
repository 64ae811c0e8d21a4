import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from './detect-format';

const REAL = join(__dirname, '../../../test/fixtures/real'); // copies of the CBS/PDOK open data the project was given (provenance in test/fixtures/real) (CBS/PDOK open data)
const head = (rel: string) => readFileSync(join(REAL, rel)).subarray(0, 64 * 1024);

describe('detectFormat', () => {
  it('recognises the long format header, in any column order and case', () => {
    expect(detectFormat('indicator,subject,period,value\nx,GM0599,2022,1\n')).toMatchObject({ format: 'long', sure: true });
    expect(detectFormat('\uFEFFPeriod;Subject;Indicator;Numerator;Denominator\n')).toMatchObject({ format: 'long', sure: true });
  });

  it.each([
    'rotterdam-krimpenerwaard-gezondheid/Gezondheid_per_wijk_en_buurt__2022_18062025_140356.csv',
    'amsterdam-ses-woa-2019/SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv',
    'amsterdam-ses-woa-2019/table__85231ENG.csv',
    'amsterdam-ses-woa-2019/Nabijheid_voorzieningen__afstand_locatie__wijk__en_buurtcijfers_2021_17012023_183355.csv',
    'nl-kwb-2024-statline/Kerncijfers_wijken_en_buurten_2024_10122025_135731.csv',
    'nl-kwb-2024-statline/Regionale_kerncijfers_Nederland_11122025_133649.csv',
    'amsterdam-kwb-2015-2019/Kerncijfers_wijken_en_buurten_2017.csv',
    'amsterdam-kwb-2015-2019/Kerncijfers_wijken_en_buurten_2015.csv',
    'jeugdhulp-scp-cbs/Indicatoren_jeugdzorg__gemeenten_24062023_110530.csv',
  ])('recognises the real StatLine download %s', (rel) => {
    const d = detectFormat(head(rel));
    expect(d.format).toBe('statline');
    expect(d.sure).toBe(true);
  });

  it('matches no format for a CSV that is neither (the Leefbaarometer file), naming what was expected', () => {
    const d = detectFormat(head('amstelveen-leefbaarometer-wijken/AmstelveenDataWithDimensions.csv'));
    expect(d.format).toBeNull();
    expect(d.code).toBe('import.format.unknown');
    expect(d.reason).toContain('indicator,subject,period');
    expect(d.reason).toContain('wk_code');
  });

  it('assumes StatLine for a lone title over a blank line and says why', () => {
    const d = detectFormat('"Mijn tabel 2022"\n""\n"";"";"x"\n');
    expect(d).toMatchObject({ format: 'statline', sure: false, code: 'import.format.statline-assumed', params: { title: 'Mijn tabel 2022' } });
    expect(d.reason).toContain('Mijn tabel 2022');
  });

  it('calls an empty file empty and a binary file not text (the readers explain those)', () => {
    expect(detectFormat(new Uint8Array(0))).toMatchObject({ format: null, code: 'import.format.empty' });
    expect(detectFormat('\n\n')).toMatchObject({ format: null, code: 'import.format.empty' });
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({ format: null, code: 'import.format.not-text' });
    expect(detectFormat(new Uint8Array(Buffer.from('indicator,subject\n', 'utf16le')))).toMatchObject({ code: 'import.format.not-text' });
  });

  it('takes a long header with mistakes as long (unsure), so each mistake is named by the long reader', () => {
    // The reason reaches the web as a message key with its details, not as an English sentence.
    expect(detectFormat('indicator,subject,value\nx,y,1\n')).toMatchObject({ format: 'long', sure: false, code: 'import.format.long-assumed', params: { columns: 'indicator, subject, value' } });
    expect(detectFormat('indicator|subject|period|value\n')).toMatchObject({ format: 'long', sure: false });
  });

  it('never throws on any real file (binary GeoJSON/ODS included)', () => {
    for (const dir of readdirSync(REAL)) {
      if (!statSync(join(REAL, dir)).isDirectory()) continue;
      for (const f of readdirSync(join(REAL, dir))) expect(() => detectFormat(head(join(dir, f)))).not.toThrow();
    }
  });
});
