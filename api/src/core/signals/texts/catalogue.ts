/**
 * Every sentence the signal engine writes, as a typed catalogue per language (issue 10 item 6).
 * A rule assembles the facts (names, values already formatted, periods); the catalogue turns them
 * into a sentence. A wording change or a third language is one file beside `nl.ts` and `en.ts`;
 * the compiler refuses a catalogue that misses a sentence.
 */
export interface SignalTexts {
  /** Decimal separator of this language. */
  decimal: string;
  /** BCP 47 locale for grouped numbers and documents ("nl-NL"). */
  locale: string;
  /** A percentage as written in this language ("12,5 %" in Dutch, "12.5%" in English). */
  percent: (value: string) => string;
  certainty: {
    almostCertain: string;
    veryLikely: (p: string) => string;
    likely: (p: string) => string;
    uncertain: (p: string) => string;
  };
  /** "Ook na correctie voor de 12 reeksen …" — `q` is "< 0,001" or "= 0,012". */
  fdr: (a: { tests: number; q: string }) => string;
  /** A value below the indicator's minimum, inside a sentence. */
  suppressedValue: (minCount: number) => string;
  worse: { higher: string; lower: string };
  rise: { higher: string; lower: string };
  /** An effect too large to state as a percentage. */
  much: string;
  quadrantLine: (a: { quadrant: string; name: string; keyConcept: string; question: string }) => string;
  peers: { unit: string; district: string; municipality: string; neighbourhood: string };
  list: { and: string; others: (n: number) => string };
  versus: string;
  quadrantWord: string;

  risingTrend: {
    title: (a: { indicator: string; rise: string; area: string }) => string;
    explanation: (a: {
      indicator: string; area: string; span: string; value: string; baseline: string; baselineN: number;
      baselineFrom: string; baselineTo: string; change: string; overdispersed: boolean; certainty: string;
    }) => string;
    questionNeighbourhood: (a: { area: string; indicator: string; rise: string }) => string;
    questionPolicy: (a: { area: string; indicator: string; rise: string }) => string;
  };
  peerOutlier: {
    title: (a: { indicator: string; area: string; worse: string; peers: string }) => string;
    /** "2024-Q1–2024-Q4 samen": the pooled periods. */
    together: (a: { from: string; to: string }) => string;
    explanation: (a: {
      span: string; indicator: string; area: string; value: string; peerValue: string; members: number; peers: string;
      effect: string; coverage: string; adjusted: boolean; certainty: string;
    }) => string;
    questionReferrals: (a: { area: string }) => string;
    question: (a: { area: string; indicator: string; worse: string; peers: string }) => string;
  };
  leadingIndicator: {
    aboveOwnLevel: (pct: string) => string;
    title: (a: { leader: string; follower: string; area: string; since: string | null }) => string;
    explanation: (a: { area: string; leader: string; leaderSpan: string; leaderValue: string; follower: string; followerSpan: string; followerValue: string; lag: number; certainty: string }) => string;
    questionArrearsEvictions: string;
    question: (a: { leader: string; follower: string }) => string;
  };
  systemicPattern: {
    title: (a: { indicator: string; rise: string; k: number; total: number; areas: string; period: string }) => string;
    explanation: (a: {
      period: string; indicator: string; share: string; total: number; areas: string; group: string; worse: string;
      chance: string; certainty: string; annotation: { text: string; date: string } | null;
    }) => string;
    question: (a: { period: string; annotation: string | null; indicator: string; areas: string; rise: string }) => string;
  };
  stackedProblems: {
    item: (a: { indicator: string; value: string; peerValue: string; quadrant: string }) => string;
    title: (a: { area: string; k: number; quadrants: number }) => string;
    explanation: (a: { period: string; area: string; k: number; m: number; peers: string; items: string; certainty: string }) => string;
    question: (a: { area: string }) => string;
  };
  escalation: {
    title: (a: { district: string; indicators: string; where: string }) => string;
    neighbourhoods: (n: number) => string;
    explanation: (a: { district: string; members: number; indicators: string; neighbourhoods: string }) => string;
    question: (a: { district: string }) => string;
  };
  earlyWarning: {
    title: (title: string) => string;
    explanation: (a: { leader: string; follower: string; maxLag: number }) => string;
  };
}
