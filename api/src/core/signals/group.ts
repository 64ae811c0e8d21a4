/**
 * One real-world pattern, one signal (issue 11). Pure post-processing of a run's candidate signals:
 *
 * - Subsumption: a signal that a broader signal of the same run explains becomes its member
 *   (`parentKey` = the broader signal's dedupe key): a buurt's rise inside a systemic pattern of
 *   its peer group (the newest period's systemic signal is the group; earlier periods of the same
 *   shift are members too), single indicators inside stacked problems of the same area, the leader
 *   and follower inside a chain.
 * - Escalation: individual help requests (indicators of quadrant I or II) that still stand alone
 *   and accumulate in one wijk — over several buurten or several indicators — are raised as one
 *   collective signal (quadrant III/IV) whose members name what it is built from.
 *
 * Groups are one level deep: a group that another group explains hands its members to it.
 * Deterministic: the same candidates give the same groups (stable inbox).
 */
import type { Quadrant, RuleName } from 'contracts';
import { both, collectiveSide, fdrSentence, list, quadrantLine, severityOf, TEXTS, type Lang } from './text';
import type { CandidateSignal, IndicatorMeta, ProfileEvidence, SeveritySettings, SubjectMeta } from './types';

export interface GroupInput {
  signals: CandidateSignal[];
  indicators: Map<string, IndicatorMeta>;
  subjects: Map<string, SubjectMeta>;
  severity: SeveritySettings;
  /** BH family size of the run (for the text). */
  tests: number;
  /** Minimum distinct buurten or indicators for an escalation (default 2). */
  minEscalation?: number;
}

const SINGLE: RuleName[] = ['peer-outlier', 'rising-trend'];

/** The dedupe key of the escalation signal of a wijk. */
export function escalationKey(wijk: string): string {
  return `stacked-problems|escalation|${wijk}`;
}

/** Peer group of a systemic-pattern signal (from its dedupe key `systemic-pattern|ind|peerGroup|period`). */
function systemicPeerGroup(s: CandidateSignal): string {
  const parts = s.dedupeKey.split('|');
  return parts.slice(2, parts.length - 1).join('|');
}

function byKey(a: CandidateSignal, b: CandidateSignal): number {
  return a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0;
}

/**
 * Assigns `parentKey` to the signals that a broader one explains and adds escalation signals.
 * Returns a new array (the input objects are copied, not changed).
 */
export function groupSignals(input: GroupInput): CandidateSignal[] {
  const signals = input.signals.map((s) => ({ ...s, parentKey: undefined as string | undefined }));
  const free = (s: CandidateSignal): boolean => s.parentKey === undefined;
  const sorted = [...signals].sort(byKey);

  // 1. Systemic patterns: per indicator and peer group, the newest period is the group.
  const systemic = new Map<string, CandidateSignal[]>();
  for (const s of sorted) {
    if (s.rule !== 'systemic-pattern') continue;
    const k = `${s.indicators[0]}|${systemicPeerGroup(s)}`;
    const list = systemic.get(k) ?? [];
    list.push(s);
    systemic.set(k, list);
  }
  for (const list of systemic.values()) {
    list.sort((a, b) => periodOrder(b.period, a.period) || byKey(a, b));
    const head = list[0];
    const covered = new Set<string>();
    for (const s of list) for (const subj of s.subjects) covered.add(subj);
    for (const s of list.slice(1)) s.parentKey = head.dedupeKey;
    const peerGroup = systemicPeerGroup(head);
    for (const s of sorted) {
      if (!free(s) || s.rule !== 'rising-trend' || s.indicators[0] !== head.indicators[0]) continue;
      const subj = s.subjects[0];
      if (covered.has(subj) || input.subjects.get(subj)?.peerGroup === peerGroup) s.parentKey = head.dedupeKey;
    }
  }

  // 2. Stacked problems in one area: its indicators' single signals and chains inside it.
  for (const g of sorted) {
    if (g.rule !== 'stacked-problems' || !free(g)) continue;
    const subj = g.subjects[0];
    const inds = new Set(g.indicators);
    for (const s of sorted) {
      if (s === g || !free(s) || s.subjects.length !== 1 || s.subjects[0] !== subj) continue;
      if ((SINGLE.includes(s.rule) || s.rule === 'leading-indicator') && s.indicators.every((i) => inds.has(i))) s.parentKey = g.dedupeKey;
    }
  }

  // 3. Chains: the leader's and the follower's own signals in the same area.
  for (const g of sorted) {
    if (g.rule !== 'leading-indicator') continue;
    const subj = g.subjects[0];
    for (const s of sorted) {
      if (!free(s) || !SINGLE.includes(s.rule) || s.subjects[0] !== subj) continue;
      if (g.indicators.includes(s.indicators[0])) s.parentKey = g.parentKey ?? g.dedupeKey;
    }
  }

  // 3b. One series, one signal: a series that rises above its own past is also beyond its peers
  // now; the rise explains the outlier (the peer comparison stays one click away as a member).
  const trends = new Map<string, CandidateSignal>();
  for (const s of sorted) if (s.rule === 'rising-trend') trends.set(`${s.indicators[0]}|${s.subjects[0]}`, s);
  for (const s of sorted) {
    if (!free(s) || s.rule !== 'peer-outlier') continue;
    const t = trends.get(`${s.indicators[0]}|${s.subjects[0]}`);
    if (t) s.parentKey = t.parentKey ?? t.dedupeKey;
  }

  // 4. Escalation: I/II signals that stand alone, per wijk.
  const out: CandidateSignal[] = [...signals];
  const min = input.minEscalation ?? 2;
  const perWijk = new Map<string, CandidateSignal[]>();
  for (const s of sorted) {
    if (!free(s) || s.subjects.length !== 1) continue;
    // A chain is already a collective (quadrant IV) signal of its own.
    if (!SINGLE.includes(s.rule)) continue;
    if (!s.indicators.every((i) => individual(input.indicators.get(i)?.quadrant))) continue;
    const meta = input.subjects.get(s.subjects[0]);
    if (!meta || meta.kind !== 'area' || meta.level !== 'neighbourhood' || !meta.parent) continue;
    const list = perWijk.get(meta.parent) ?? [];
    list.push(s);
    perWijk.set(meta.parent, list);
  }
  for (const [wijk, members] of [...perWijk].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const buurten = new Set(members.map((s) => s.subjects[0]));
    const inds = new Set(members.flatMap((s) => s.indicators));
    if (buurten.size < min && inds.size < min) continue;
    const e = escalation(input, wijk, members, [...buurten].sort(), [...inds].sort());
    for (const s of members) s.parentKey = e.dedupeKey;
    out.push(e);
  }

  // 5. Early warning (issue 11, chains form a): a leader rose and its follower has not (yet) in
  // that area — the true feedforward case. The rise is titled as a warning and names the follower.
  const chainAt = new Set(signals.filter((s) => s.rule === 'leading-indicator').map((s) => `${s.indicators[0]}|${s.subjects[0]}`));
  const followerAt = new Set(signals.filter((s) => SINGLE.includes(s.rule)).map((s) => `${s.indicators[0]}|${s.subjects[0]}`));
  for (const s of signals) {
    if (s.rule !== 'rising-trend' || chainAt.has(`${s.indicators[0]}|${s.subjects[0]}`)) continue;
    const leader = input.indicators.get(s.indicators[0]);
    const pair = leader?.leadsTo.find((l) => input.indicators.has(l.indicator) && !followerAt.has(`${l.indicator}|${s.subjects[0]}`));
    if (!leader || !pair) continue;
    const follower = input.indicators.get(pair.indicator)!;
    const title = s.title;
    const explanation = s.explanation;
    s.title = both((l) => TEXTS[l].earlyWarning.title(title[l]));
    s.explanation = both(
      (l) =>
        `${explanation[l]} ` +
        TEXTS[l].earlyWarning.explanation({ leader: leader.name[l].toLowerCase(), follower: follower.name[l].toLowerCase(), maxLag: pair.maxLag }),
    );
  }

  // One level deep: members of a member move up to the root.
  const index = new Map(out.map((s) => [s.dedupeKey, s]));
  for (const s of out) {
    let p = s.parentKey;
    const seen = new Set<string>([s.dedupeKey]);
    while (p && index.get(p)?.parentKey && !seen.has(p)) {
      seen.add(p);
      p = index.get(p)!.parentKey;
    }
    if (p === s.dedupeKey) p = undefined;
    if (p) s.parentKey = p;
    else delete s.parentKey;
  }
  return out;
}

function individual(q: Quadrant | undefined): boolean {
  return q === 'I' || q === 'II';
}

/** Chronological order of two period labels of one granularity ('2024-Q1' < '2024-Q2'). */
function periodOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escalation(input: GroupInput, wijk: string, members: CandidateSignal[], buurten: string[], inds: string[]): CandidateSignal {
  const name = input.subjects.get(wijk)?.name ?? wijk;
  const indMeta = inds.map((c) => input.indicators.get(c)).filter((m): m is IndicatorMeta => !!m);
  const sides = new Set(indMeta.map((m) => collectiveSide(m.quadrant)));
  const quadrant: Quadrant = sides.size === 1 ? [...sides][0] : 'IV';
  const q = Math.min(...members.map((s) => s.q));
  const p = Math.min(...members.map((s) => s.p));
  const effects = members.map((s) => s.effect).filter((e): e is number => e !== null && Number.isFinite(e));
  const effect = effects.length ? Math.max(...effects) : null;
  const period = members.map((s) => s.period).sort().at(-1)!;
  const buurtNames = (l: Lang): string => list(buurten.map((b) => input.subjects.get(b)?.name ?? b), l);
  const indNames = (l: Lang): string => list(indMeta.map((m) => m.name[l].toLowerCase()), l);
  const evidence: ProfileEvidence = {
    kind: 'profile',
    subject: wijk,
    period,
    indicators: indMeta.map((m) => {
      const best = members.filter((s) => s.indicators.includes(m.code)).sort((a, b) => a.p - b.p)[0];
      return { indicator: m.code, quadrant: m.quadrant, z: best.z ?? 0, p: best.p, value: null, peerValue: null, suppressed: false, counted: true };
    }),
  };
  return {
    rule: 'stacked-problems',
    quadrant,
    indicators: inds,
    subjects: [wijk],
    period,
    p,
    q,
    z: null,
    effect,
    severity: severityOf(q, effect, input.severity),
    dedupeKey: escalationKey(wijk),
    title: both((l) =>
      TEXTS[l].escalation.title({ district: name, indicators: indNames(l), where: buurten.length === 1 ? buurtNames(l) : TEXTS[l].escalation.neighbourhoods(buurten.length) }),
    ),
    explanation: both(
      (l) =>
        TEXTS[l].escalation.explanation({ district: name, members: members.length, indicators: indNames(l), neighbourhoods: buurtNames(l) }) +
        fdrSentence(q, input.tests, l),
    ),
    question: both((l) => TEXTS[l].escalation.question({ district: name }) + quadrantLine(quadrant, l)),
    evidence,
  };
}
