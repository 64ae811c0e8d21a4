import type { SignalTexts } from './catalogue';

/** English. */
export const en: SignalTexts = {
  locale: 'en-GB',
  percent: (v) => `${v}%`,
  decimal: '.',
  certainty: {
    almostCertain: 'almost certain (p < 0.001)',
    veryLikely: (p) => `very likely (p = ${p})`,
    likely: (p) => `likely (p = ${p})`,
    uncertain: (p) => `uncertain (p = ${p})`,
  },
  fdr: ({ tests, q }) => `This holds after correcting for the ${tests} series tested in this run (q ${q}).`,
  suppressedValue: (min) => `(not shown: fewer than ${min} cases)`,
  worse: { higher: 'higher', lower: 'lower' },
  rise: { higher: 'is rising', lower: 'is falling' },
  much: 'much',
  quadrantLine: ({ quadrant, name, keyConcept, question }) => `Quadrant ${quadrant} “${name}” (${keyConcept}): ${question}`,
  peers: { unit: 'units (such as schools)', district: 'districts', municipality: 'municipalities', neighbourhood: 'neighbourhoods' },
  list: { and: 'and', others: (n) => `${n} others` },
  versus: 'vs',
  quadrantWord: 'quadrant',

  risingTrend: {
    title: ({ indicator, rise, area }) => `${indicator} ${rise} in ${area}`,
    explanation: (a) =>
      `${a.indicator} in ${a.area} was ${a.value} in ${a.span}, against ${a.baseline} in the ${a.baselineN} periods before (${a.baselineFrom}–${a.baselineTo})` +
      `${a.change}. ` +
      `That is more than the usual fluctuation of this series explains${a.overdispersed ? ' (allowing for its extra variability)' : ''}; that it is a real change is ${a.certainty}. `,
    questionNeighbourhood: ({ area, indicator, rise }) =>
      `What is changing in ${area} so that ${indicator} ${rise}, and how can we use and strengthen the strength of the neighbourhood? `,
    questionPolicy: ({ area, indicator, rise }) =>
      `Which rule, service or way of working contributes to ${indicator} in ${area} that ${rise}, and what can we agree at the policy table? `,
  },
  peerOutlier: {
    title: ({ indicator, area, worse, peers }) => `${indicator} at ${area} ${worse} than at comparable ${peers}`,
    together: ({ from, to }) => `${from}–${to} together`,
    explanation: (a) =>
      `In ${a.span}, ${a.indicator} at ${a.area} was ${a.value}, against ${a.peerValue} on average across the ${a.members} comparable ${a.peers} in the same group${a.effect}. ` +
      `That lies outside the ${a.coverage}% funnel-plot limits${a.adjusted ? ', even after allowing for the usual spread between ' + a.peers : ''}. That this is more than chance is ${a.certainty}. `,
    questionReferrals: ({ area }) => `What is going on at ${area} that relatively many children are referred to youth care? `,
    question: ({ area, indicator, worse, peers }) => `What is going on at ${area} that ${indicator} is ${worse} here than at comparable ${peers}? `,
  },
  leadingIndicator: {
    aboveOwnLevel: (pct) => ` (${pct} above its own level)`,
    title: ({ leader, follower, area, since }) => `${leader} followed by ${follower} in ${area}${since ? ` (since ${since})` : ''}`,
    explanation: (a) =>
      `In ${a.area}, ${a.leader} rose first (${a.leaderSpan}: ${a.leaderValue}), and within ${a.lag} ${a.lag === 1 ? 'period' : 'periods'} ${a.follower} rose too (${a.followerSpan}: ${a.followerValue}). ` +
      `That fits the known link between the two. That both rises are more than chance is ${a.certainty}. `,
    questionArrearsEvictions: 'Can we make agreements with the housing corporation to prevent evictions caused by payment arrears? ',
    question: ({ leader, follower }) => `Can we make agreements with the organisations involved so that a rise in ${leader} does not end in more ${follower}? `,
  },
  systemicPattern: {
    title: ({ indicator, rise, k, total, areas, period }) => `${indicator} ${rise} in ${k} of ${total} ${areas} at once (${period})`,
    explanation: (a) =>
      `In ${a.period}, ${a.indicator} was clearly ${a.worse} than in their own previous periods in ${a.share}% of the ${a.total} ${a.areas} of ${a.group}; chance alone would give about ${a.chance}%. ` +
      `Such a simultaneous shift points to a cause in rules or their implementation rather than in the areas themselves; that it is not chance is ${a.certainty}. ` +
      (a.annotation ? `Recorded around that date: “${a.annotation.text}” (${a.annotation.date}). ` : 'No event (such as a rule change) is recorded around this date. '),
    question: ({ period, annotation, indicator, areas }) =>
      `Did something change in rules, access or implementation around ${period}${annotation ? ` (such as “${annotation}”)` : ''} that makes ${indicator} change for the worse in so many ${areas} at once? `,
  },
  stackedProblems: {
    item: ({ indicator, value, peerValue, quadrant }) => `${indicator} (${value} vs ${peerValue}, quadrant ${quadrant})`,
    title: ({ area, k, quadrants }) => `Stacked problems in ${area}: ${k} indicators from ${quadrants} quadrants unfavourable at once`,
    explanation: (a) =>
      `In ${a.period}, ${a.area} did worse than comparable ${a.peers} on ${a.k} of the ${a.m} indicators compared: ${a.items}. ` +
      `That so many indicators from different quadrants deviate at once is ${a.certainty} more than chance. `,
    question: ({ area }) =>
      `Problems are stacking up in ${area}. How do we make the organisations involved choose one joint approach here instead of each working separately, and what must the policy table arrange for that? `,
  },
  escalation: {
    title: ({ district, indicators, where }) => `Individual requests for help accumulate in ${district}: ${indicators} in ${where}`,
    neighbourhoods: (n) => `${n} neighbourhoods`,
    explanation: ({ district, members, indicators, neighbourhoods }) =>
      `In ${district}, ${members} signals about individual requests for help (quadrant I/II) coincide: ${indicators} in ${neighbourhoods}. ` +
      'Each on its own is a question of residents; together they point at something that affects the district as a whole. The separate signals are listed below. ',
    question: ({ district }) => `What do these requests for help in ${district} have in common, and is there a collective approach in the district that could prevent them? `,
  },
  earlyWarning: {
    title: (title) => `Early warning: ${title}`,
    explanation: ({ leader, follower, maxLag }) =>
      `A rise in ${leader} often comes before more ${follower} (within ${maxLag} periods); no rise of that is seen here (yet): this is the moment to prevent it.`,
  },
};
