import { buildDemoData } from './demo';
it('prints', () => {
  const d = buildDemoData(__dirname + '/data');
  const { wijken, ...rest } = d.report.synthetic;
  console.log(JSON.stringify({ elan: d.report.elan, synthetic: rest, wijken: Object.fromEntries(Object.entries(wijken).map(([k, v]) => [k, v.length])) }, null, 1));
  console.log(d.units.split('\n').slice(0, 8).join('\n'));
  for (const b of d.batches) console.log(b.source, b.rows, b.csv.length, '\n', b.csv.split('\n').slice(0, 4).join('\n'));
});
