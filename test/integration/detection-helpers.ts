/** Data and snapshots shared by the detection tests (issue 14). */

/**
 * A quarterly series of `indicator` for every district and neighbourhood of `municipalities`,
 * 2022–2024, with a rise in the last quarters of the first district of each (signals to find).
 */
export async function plantSeries(q: (sql: string, params?: unknown[]) => Promise<unknown[]>, indicator: string, municipalities: string[], seed = 0): Promise<void> {
  await q(
    `WITH planted AS (SELECT DISTINCT ON (municipality_code) code FROM area WHERE level = 'district' AND municipality_code = ANY($2) ORDER BY municipality_code, code)
     INSERT INTO observation (indicator_code, subject_code, granularity, period_start, value, numerator, denominator, batch_id)
     SELECT $1, a.code, 'quarter', make_date(2022 + k / 4, (k % 4) * 3 + 1, 1),
            num / 2000.0 * 100, num, 2000, gen_random_uuid()
       FROM area a CROSS JOIN generate_series(0, 11) AS k
       CROSS JOIN LATERAL (SELECT CASE WHEN a.code IN (SELECT code FROM planted) AND k >= 8 THEN 300 + (k - 8) * 60
                                       ELSE 190 + abs(hashtext(a.code || ':' || k || ':' || $3::text)) % 21 END AS num) n
      WHERE a.municipality_code = ANY($2) AND a.level IN ('district', 'neighbourhood')
     ON CONFLICT (indicator_code, subject_code, granularity, period_start) DO UPDATE SET value = EXCLUDED.value, numerator = EXCLUDED.numerator`,
    [indicator, municipalities, seed],
  );
}

/** What a run decided, comparable between runs (ids and times aside). */
export const SNAPSHOT = `SELECT dedupe_key, rule, severity, status, subjects, indicators, period, municipality_code, pattern_active,
                                (SELECT d.dedupe_key FROM signal d WHERE d.id = s.group_id) AS group_key,
                                strength->>'q' AS q
                           FROM signal s ORDER BY dedupe_key`;
