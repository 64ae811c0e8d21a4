/**
 * Disclosure-pattern benchmark (issue 9).
 *
 *   npm run bench:disclosure            (or: node dist/api/bench/disclosure.js [--runs 3])
 *
 * Times deciding the suppression pattern of ONE indicator at national scale, the work an import
 * adds per touched indicator inside its transaction (api/src/disclosure/pattern.ts): 342
 * gemeenten, ~3,300 wijken, ~14,500 buurten (numbers of CBS 2024), 8 quarters and 2 years
 * (~181,000 cells), numerators drawn so that about a third of the buurt cells are below 5.
 * Reports cells, hidden (primary / secondary), and the time per run.
 */
import { decidePattern, type DisclosureCell } from '../api/src/disclosure/pattern';
import { mulberry32 } from '../api/src/core/statistics/random';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const rand = mulberry32(9);
const parent = new Map<string, string>();
const buurten: string[] = [];
const wijken: string[] = [];
const gemeenten: string[] = [];
for (let g = 0; g < 342; g++) {
  const gm = `GM${String(g).padStart(4, '0')}`;
  gemeenten.push(gm);
  parent.set(gm, 'NL01');
  const nw = 4 + Math.floor(rand() * 12); // ≈ 3,300 wijken in all
  for (let w = 0; w < nw; w++) {
    const wk = `WK${gm.slice(2)}${String(w).padStart(2, '0')}`;
    wijken.push(wk);
    parent.set(wk, gm);
    const nb = 1 + Math.floor(rand() * 8); // ≈ 4.4 buurten per wijk
    for (let b = 0; b < nb; b++) {
      const bu = `BU${wk.slice(2)}${String(b).padStart(2, '0')}`;
      buurten.push(bu);
      parent.set(bu, wk);
    }
  }
}
const QUARTERS = ['2023-01-01', '2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'];
const cells: DisclosureCell[] = [];
const sums = new Map<string, [number, number]>();
const add = (subject: string, granularity: DisclosureCell['granularity'], start: string, n: number, d: number) => {
  cells.push({ subject, granularity, start, numerator: n, denominator: d, value: null, n: null });
  for (const k of [`${parent.get(subject) ?? ''}|${granularity}|${start}`, `${subject}|year|${start.slice(0, 4)}-01-01`]) {
    if (granularity === 'year' && k.startsWith(subject)) continue;
    const s = sums.get(k) ?? [0, 0];
    s[0] += n;
    s[1] += d;
    sums.set(k, s);
  }
};
for (const q of QUARTERS) for (const b of buurten) add(b, 'quarter', q, rand() < 0.33 ? Math.floor(rand() * 5) : 5 + Math.floor(rand() * 60), 200 + Math.floor(rand() * 4000));
for (const level of [wijken, gemeenten]) {
  for (const q of QUARTERS) for (const s of level) add(s, 'quarter', q, ...(sums.get(`${s}|quarter|${q}`) ?? [0, 0]));
}
for (const s of [...buurten, ...wijken, ...gemeenten]) for (const y of ['2023', '2024']) add(s, 'year', `${y}-01-01`, ...(sums.get(`${s}|year|${y}-01-01`) ?? [0, 0]));

console.log(`Disclosure pattern, one indicator: ${gemeenten.length} gemeenten, ${wijken.length} wijken, ${buurten.length} buurten, ${cells.length} cells`);
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  const pattern = decidePattern(cells, 'rate', 5, (s) => parent.get(s) ?? null);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const secondary = [...pattern.values()].filter((v) => v === 'secondary').length;
  console.log(`run ${r + 1}: ${ms.toFixed(0)} ms; hidden ${pattern.size} (${pattern.size - secondary} primary, ${secondary} secondary)`);
}
