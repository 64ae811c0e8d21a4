import { buildChoroplethOption } from '../overzicht/choropleth-option';
import { buildFunnelOption, buildRankingOption, buildSeriesOption } from './explorer-options';
import { composeExportOption, EXPORT_FOOTER, EXPORT_HEADER, exportSubtitle, sourceCredit } from '../shared/png-export';

type Obj = Record<string, unknown>;
const labels = { title: 'Schuldsignalen, 2024-Q4', subtitle: 'Rotterdam · 2024-Q4 · %', source: 'Bron: CBS' };

describe('sourceCredit', () => {
  it.each([
    ['a licence with its own credit', { source: 'RIVM/GGD’en/CBS Gezondheidsmonitor', licence: 'CC BY 4.0 — Bron: CBS' }, 'Bron', 'Bron: CBS'],
    ['a licence crediting two', { source: 'ELAN', licence: 'MIT (elan-dcc/wijkprofielen); derived from CBS microdata — Bron: CBS, ELAN' }, 'Bron', 'Bron: CBS, ELAN'],
    ['a CBS table synced from open data', { source: 'CBS 85984NED', licence: null }, 'Source', 'Source: CBS'],
    ['a municipal source', { source: 'Gemeente Rotterdam, Vroegsignalering', licence: null }, 'Bron', 'Bron: Gemeente Rotterdam, Vroegsignalering'],
    ['"CBS" only inside a word', { source: 'ABCBSX register', licence: null }, 'Bron', 'Bron: ABCBSX register'],
    ['no source', { source: null, licence: null }, 'Bron', null],
    ['no indicator', null, 'Bron', null],
  ])('%s', (_name, indicator, prefix, expected) => {
    expect(sourceCredit(indicator, prefix)).toBe(expected);
  });
});

describe('exportSubtitle', () => {
  it.each([
    [{ area: 'Rotterdam', period: '2024-Q4', unit: '%' }, 'Rotterdam · 2024-Q4 · %'],
    [{ area: 'Rotterdam', period: '2024', unit: '' }, 'Rotterdam · 2024'],
    [{ area: null, period: '2024', unit: 'per 1000' }, '2024 · per 1000'],
  ])('%p', (parts, expected) => expect(exportSubtitle(parts)).toBe(expected));
});

describe('composeExportOption', () => {
  const rows = [
    { code: 'WK01', name: 'Centrum', value: 12.3, display: '12,3' },
    { code: 'WK02', name: 'Noord', value: 8, display: '8' },
  ];
  const funnel = {
    target: 10,
    limits: [{ denominator: 100, lower95: 5, upper95: 15, lower998: 2, upper998: 20 }],
    points: [{ subject: 'WK01', name: 'Centrum', denominator: 100, value: 12.3, outside: 0 as const, side: 'above' as const }],
  };
  const fl = { title: 't', x: 'Grootte', y: 'Waarde %', target: 'g', l95: '95', l998: '99,8', inside: 'in', out95: 'o95', out998: 'o998' };
  const cases: [string, Obj][] = [
    ['ranking', buildRankingOption(rows, 't') as Obj],
    ['funnel', buildFunnelOption(funnel as never, fl) as Obj],
    ['series', buildSeriesOption([{ indicator: 'x', subject: 'WK01', period: '2024', value: 1, numerator: null, denominator: null, n: null, status: 'final' }], [{ code: 'WK01', name: 'Centrum' }], [], 't') as Obj],
  ];

  it.each(cases)('%s carries title, area/period/unit and the source', (_name, option) => {
    const out = composeExportOption(option, labels) as Obj;
    const titles = out['title'] as Obj[];
    expect(titles[0]).toMatchObject({ text: 'Schuldsignalen, 2024-Q4', subtext: 'Rotterdam · 2024-Q4 · %' });
    expect(titles[1]).toMatchObject({ text: 'Bron: CBS', bottom: expect.any(Number) });
    expect(out['backgroundColor']).toBe('#ffffff');
    expect(out['tooltip']).toEqual({ show: false });
  });

  it.each(cases)('%s keeps the plot clear of the header and footer, labels contained', (_name, option) => {
    const out = composeExportOption(option, labels) as Obj;
    const grids = out['grid'] as Obj[];
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) {
      expect(g['containLabel']).toBe(true);
      expect(g['top'] as number).toBeGreaterThanOrEqual(EXPORT_HEADER);
      expect(g['bottom'] as number).toBeGreaterThanOrEqual(EXPORT_FOOTER + 8);
      expect(g['left'] as number).toBeGreaterThanOrEqual(24);
    }
    // A bottom legend sits above the source line, not on it.
    for (const l of (out['legend'] as Obj[] | undefined) ?? []) expect(l['bottom'] as number).toBeGreaterThanOrEqual(EXPORT_FOOTER);
    // Data labels that would overlap are dropped rather than drawn over each other.
    for (const s of out['series'] as Obj[]) if (s['type'] === 'bar' || s['type'] === 'scatter') expect(s['labelLayout']).toEqual({ hideOverlap: true });
  });

  it('leaves the page’s own option untouched', () => {
    const option = buildRankingOption(rows, 't') as Obj;
    const before = JSON.stringify(option);
    composeExportOption(option, labels);
    expect(JSON.stringify(option)).toBe(before);
  });

  it('places a map between header and footer, without roaming, and omits a missing source', () => {
    const option = buildChoroplethOption('districts-GM0599', [{ code: 'WK01', name: 'Centrum', value: 1, display: '1' }], [], { title: 't', noData: 'geen' });
    const out = composeExportOption(option, { ...labels, source: null }) as Obj;
    const map = (out['series'] as Obj[])[0];
    expect(map).toMatchObject({ type: 'map', top: EXPORT_HEADER + 8, bottom: EXPORT_FOOTER + 8, roam: false });
    expect((out['title'] as Obj[]).length).toBe(1);
    expect(out['grid']).toBeUndefined();
  });
});
