import { DB_KINDS, startTestApp, type TestApp } from './harness';

/**
 * Issue 11: one pattern, one signal. Two buurten of one wijk with a loneliness rise escalate to one
 * collective signal with both rises as members; a member that a manager already interpreted keeps
 * its status and comment inside the group; when the broader pattern ends the member that still
 * holds is top level again; an unchanged re-run changes nothing; GET /signals pages by keyset.
 */
const MUNI = 'GM0518';
const quarters = (): string[] => {
  const out: string[] = [];
  for (let y = 2022; y <= 2024; y++) for (let q = 1; q <= 4; q++) out.push(`${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`);
  return out;
};

interface Member { id: string; rule: string; indicators: string[]; subjects: string[]; period: string; status: string; title: { nl: string; en: string } }
interface Sig {
  id: string;
  rule: string;
  quadrant: string;
  indicators: string[];
  subjects: string[];
  status: string;
  title: { nl: string; en: string };
  groupId: string | null;
  memberCount: number;
  members: Member[];
  history?: { actor: string; from: string | null; to: string; comment: string | null }[];
}

describe.each(DB_KINDS)('signal groups on %s', (kind) => {
  let app: TestApp;
  let wijk: { code: string; name: string };
  let hoods: string[];
  const q = (sql: string, params: unknown[] = []): Promise<unknown[]> => app.running.database.dataSource.query(sql, params);
  const loneliness = async (hood: string, rise: boolean): Promise<void> => {
    for (const [k, start] of quarters().entries()) {
      const num = k < 8 || !rise ? 198 + ((k * 7 + hood.length) % 5) : 300 + (k - 8) * 40;
      await q(
        `INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
         VALUES ('loneliness', $1, 'quarter', $2, $3, $4, 2000, gen_random_uuid())
         ON CONFLICT (indicator_code, subject_code, granularity, period_start)
         DO UPDATE SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator`,
        [hood, start, (num / 2000) * 100, num],
      );
    }
  };
  const list = async (query = '', role: 'analyst' | 'manager' = 'analyst'): Promise<Sig[]> => {
    const res = await app.request(`/api/v1/signals${query}`, { role });
    expect(res.status).toBe(200);
    return res.json();
  };
  const get = async (id: string): Promise<Sig> => (await app.request(`/api/v1/signals/${id}`, { role: 'manager' })).json();
  const run = async (): Promise<{ created: number; updated: number; resolved: number }> => {
    const res = await app.request('/api/v1/signals/run', { method: 'POST', role: 'analyst' });
    expect(res.status).toBe(200);
    return res.json();
  };
  const events = async (): Promise<number> => ((await q(`SELECT count(*)::int AS n FROM signal_event`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const rows = (await q(
      `SELECT w.code, w.name, array_agg(b.code ORDER BY b.code) AS hoods FROM area w JOIN area b ON b.parent_code = w.code
       WHERE w.municipality_code = $1 AND w.level = 'district' GROUP BY w.code, w.name HAVING count(*) >= 3 ORDER BY w.code LIMIT 1`,
      [MUNI],
    )) as { code: string; name: string; hoods: string[] }[];
    wijk = { code: rows[0].code, name: rows[0].name };
    hoods = rows[0].hoods;
    await loneliness(hoods[0], true);
    await loneliness(hoods[1], true);
    await loneliness(hoods[2], false);
  });
  afterAll(() => app?.close());

  let groupId: string;
  let memberId: string;

  it('raises I/II requests of two buurten in one wijk as one collective signal with its members', async () => {
    const res = await run();
    expect(res.created).toBeGreaterThanOrEqual(3);
    const top = await list();
    const group = top.find((s) => s.subjects[0] === wijk.code)!;
    expect(group).toBeDefined();
    expect(group.rule).toBe('stacked-problems');
    expect(group.quadrant).toBe('III');
    expect(group.groupId).toBeNull();
    expect(group.title.nl).toContain(wijk.name);
    expect(group.memberCount).toBe(2);
    expect(group.members.map((m) => m.subjects[0]).sort()).toEqual([hoods[0], hoods[1]]);
    expect(group.members[0]).toEqual({
      id: expect.any(String), rule: 'rising-trend', indicators: ['loneliness'], subjects: [expect.any(String)], period: '2024-Q4', status: 'open',
      title: { nl: expect.any(String), en: expect.any(String) }, quadrant: 'III', severity: expect.any(String),
    });
    // Members are no inbox items of their own, but ?include=members lists them flat with their group.
    expect(top.filter((s) => s.rule === 'rising-trend' && hoods.includes(s.subjects[0]))).toHaveLength(0);
    const all = await list('?include=members');
    const flat = all.filter((s) => s.groupId === group.id);
    expect(flat.map((s) => s.id).sort()).toEqual(group.members.map((m) => m.id).sort());
    expect((await app.request('/api/v1/signals?include=everything', { role: 'analyst' })).status).toBe(400);
    groupId = group.id;
    memberId = group.members.find((m) => m.subjects[0] === hoods[0])!.id;
    const detail = await get(groupId);
    expect(detail.memberCount).toBe(2);
    const member = await get(memberId);
    expect(member.groupId).toBe(groupId);
  });

  it('keeps what a person wrote on a member inside the group, and an unchanged re-run changes nothing', async () => {
    const patched = await app.request(`/api/v1/signals/${memberId}`, {
      method: 'PATCH', role: 'manager', json: { status: 'interpreted', comment: 'Wijkteam kent dit: nieuwe seniorenflat' },
    });
    expect(patched.status).toBe(200);
    const before = await events();
    const r = await run();
    expect(r).toEqual({ created: 0, updated: expect.any(Number), resolved: 0 });
    expect(await events()).toBe(before);
    const group = (await list()).find((s) => s.id === groupId)!;
    expect(group.members.find((m) => m.id === memberId)!.status).toBe('interpreted');
    const member = await get(memberId);
    expect(member.groupId).toBe(groupId);
    expect(member.status).toBe('interpreted');
  });

  it('makes a member that still holds top level again when the broader pattern ends, with its state and comment', async () => {
    await loneliness(hoods[1], false);
    const r = await run();
    expect(r.resolved).toBeGreaterThanOrEqual(2);
    const top = await list();
    const member = top.find((s) => s.id === memberId)!;
    expect(member).toBeDefined();
    expect(member.groupId).toBeNull();
    expect(member.status).toBe('interpreted');
    const detail = await get(memberId);
    expect(detail.history!.map((e) => e.comment)).toEqual(expect.arrayContaining(['Wijkteam kent dit: nieuwe seniorenflat']));
    expect(detail.history!.at(-1)!.comment).toMatch(/pattern ended/);
    const ended = await get(groupId);
    expect(ended.status).toBe('closed');
    expect((await list('?status=open,interpreted')).map((s) => s.id)).not.toContain(groupId);
    expect((await list('?status=closed')).map((s) => s.id)).toContain(groupId);
  });

  it('pages GET /signals by keyset with a Link to the next page', async () => {
    const all = await list('?include=members');
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let url: string | null = '/api/v1/signals?include=members&limit=1';
    while (url) {
      const res: Response = await app.request(url, { role: 'analyst' });
      expect(res.status).toBe(200);
      const page = (await res.json()) as Sig[];
      expect(page.length).toBeLessThanOrEqual(1);
      seen.push(...page.map((s) => s.id));
      const link = res.headers.get('link');
      url = link ? /<([^>]+)>; rel="next"/.exec(link)![1] : null;
      expect(seen.length).toBeLessThanOrEqual(all.length);
    }
    expect(seen).toEqual(all.map((s) => s.id));
    expect((await app.request('/api/v1/signals?limit=1001', { role: 'analyst' })).status).toBe(400);
    expect((await app.request('/api/v1/signals?cursor=nonsense!', { role: 'analyst' })).status).toBe(400);
  });
});
