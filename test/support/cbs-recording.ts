import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseStatline } from '../../api/src/imports/parsing';

/**
 * A local stand-in for the CBS open-data service, for tests (issue 16): no test reaches the
 * internet. v4 `Observations` pages are built from the real Kerncijfers wijken en buurten 2024
 * download (85984NED: the country, 's-Gravenhage and its wijken and buurten); v3 serves the real
 * `TypedDataSet` answer of 84489NED byte for byte. `mode` makes it slow, answer garbage or fail.
 */
const REAL = join(__dirname, '..', 'fixtures', 'real');
const KWB = readFileSync(join(REAL, 'nl-kwb-2024-statline', 'Kerncijfers_wijken_en_buurten_2024_geslachten.csv'));
const V3_BYTES = readFileSync(join(REAL, 'odata-typeddataset-example', 'TypedDataSet.json'));
const MEASURES: Record<string, { column: string; title: string }> = {
  T001036: { column: 'Bevolking/Aantal inwoners (aantal)', title: 'Aantal inwoners' },
  '3000': { column: 'Bevolking/Geslacht/Mannen (aantal)', title: 'Mannen' },
  '4000': { column: 'Bevolking/Geslacht/Vrouwen (aantal)', title: 'Vrouwen' },
};
export const PAGE = 200;

export interface Recording {
  base: string;
  mode: 'ok' | 'slow' | 'garbage' | 'error';
  records: Record<string, unknown>[];
  requests: string[];
}

export async function recordedCbs(): Promise<{ server: Server; rec: Recording; expected: Map<string, number> }> {
  const table = await parseStatline(KWB);
  const records: Record<string, unknown>[] = [];
  const expected = new Map<string, number>();
  for (const r of table.rows) {
    const code = r.areaCode ?? '';
    if (!(code === 'NL00' || /^(GM|WK|BU)0518/.test(code))) continue;
    for (const [measure, m] of Object.entries(MEASURES)) {
      const v = r.cells[m.column].value;
      records.push({ Id: records.length, Measure: measure, ValueAttribute: v === null ? 'Impossible' : 'None', Value: v, WijkenEnBuurten: code.padEnd(10, ' ') });
      if (measure === 'T001036' && v !== null) expected.set(code, v);
    }
  }
  const rec: Recording = { base: '', mode: 'ok', records, requests: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', rec.base);
    rec.requests.push(url.pathname + url.search);
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (rec.mode === 'slow') return void setTimeout(() => send(200, '{"value":[]}'), 3000);
    if (rec.mode === 'garbage') return send(200, '<html><body>Service Unavailable</body></html>', 'text/html');
    if (rec.mode === 'error') return send(503, 'busy', 'text/plain');
    if (url.pathname === '/v3/ODataApi/OData/84489NED/TypedDataSet') return send(200, V3_BYTES.toString('utf8'));
    if (url.pathname === '/v4/CBS/85984NED/MeasureCodes') {
      return send(200, JSON.stringify({ value: Object.entries(MEASURES).map(([Identifier, m]) => ({ Identifier, Title: m.title, Unit: 'aantal' })) }));
    }
    if (url.pathname === '/v4/CBS/85984NED/Observations') {
      const wanted = [...(url.searchParams.get('$filter') ?? '').matchAll(/Measure eq '([^']+)'/g)].map((m) => m[1]);
      const all = rec.records.filter((r) => wanted.length === 0 || wanted.includes(r.Measure as string));
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const next = new URL(url);
      next.searchParams.set('$skip', String(skip + PAGE));
      return send(200, JSON.stringify({
        '@odata.context': `${rec.base}/v4/CBS/85984NED/$metadata#Observations`,
        value: all.slice(skip, skip + PAGE),
        ...(skip + PAGE < all.length ? { '@odata.nextLink': next.toString() } : {}),
      }));
    }
    send(404, '{"error":"not found"}');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  rec.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, rec, expected };
}

