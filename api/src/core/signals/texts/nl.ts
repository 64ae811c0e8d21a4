import type { SignalTexts } from './catalogue';

/** Dutch: the default language of every signal, mail and brief. */
export const nl: SignalTexts = {
  locale: 'nl-NL',
  percent: (v) => `${v} %`,
  decimal: ',',
  certainty: {
    almostCertain: 'vrijwel zeker (p < 0,001)',
    veryLikely: (p) => `zeer waarschijnlijk (p = ${p})`,
    likely: (p) => `waarschijnlijk (p = ${p})`,
    uncertain: (p) => `onzeker (p = ${p})`,
  },
  fdr: ({ tests, q }) => `Ook na correctie voor de ${tests} reeksen die in deze ronde zijn getoetst blijft dit staan (q ${q}).`,
  suppressedValue: (min) => `(niet getoond: minder dan ${min} gevallen)`,
  worse: { higher: 'hoger', lower: 'lager' },
  rise: { higher: 'stijgt', lower: 'daalt' },
  much: 'veel',
  quadrantLine: ({ quadrant, name, keyConcept, question }) => `Kwadrant ${quadrant} “${name}” (${keyConcept}): ${question}`,
  peers: { unit: 'eenheden (zoals scholen)', district: 'wijken', municipality: 'gemeenten', neighbourhood: 'buurten' },
  list: { and: 'en', others: (n) => `${n} andere` },
  versus: 'tegen',
  quadrantWord: 'kwadrant',

  risingTrend: {
    title: ({ indicator, rise, area }) => `${indicator} ${rise} in ${area}`,
    explanation: (a) =>
      `${a.indicator} in ${a.area} was in ${a.span} ${a.value}, tegen ${a.baseline} in de ${a.baselineN} perioden daarvoor (${a.baselineFrom}–${a.baselineTo})` +
      `${a.change}. ` +
      `Dat is meer dan de gewone schommelingen van deze reeks verklaren${a.overdispersed ? ' (rekening houdend met de extra spreiding van deze reeks)' : ''}; dat het een echte verandering is, is ${a.certainty}. `,
    questionNeighbourhood: ({ area, indicator, rise }) =>
      `Wat verandert er in ${area} waardoor ${indicator} ${rise}, en hoe kunnen we de kracht van de wijk benutten en versterken? `,
    questionPolicy: ({ area, indicator, rise }) =>
      `Welke regel, voorziening of werkwijze draagt eraan bij dat ${indicator} in ${area} ${rise}, en wat kunnen we aan de beleidstafel afspreken? `,
  },
  peerOutlier: {
    title: ({ indicator, area, worse, peers }) => `${indicator} bij ${area} ${worse} dan bij vergelijkbare ${peers}`,
    together: ({ from, to }) => `${from}–${to} samen`,
    explanation: (a) =>
      `In ${a.span} was ${a.indicator} bij ${a.area} ${a.value}, tegen ${a.peerValue} gemiddeld bij de ${a.members} vergelijkbare ${a.peers} in dezelfde groep${a.effect}. ` +
      `Dat ligt buiten de ${a.coverage}%-grenzen van de trechtergrafiek${a.adjusted ? ', ook na correctie voor de gewone spreiding tussen ' + a.peers : ''}. Dat dit meer is dan toeval, is ${a.certainty}. `,
    questionReferrals: ({ area }) => `Wat speelt er bij ${area} dat relatief veel kinderen naar de jeugdzorg worden verwezen? `,
    question: ({ area, indicator, worse, peers }) => `Wat speelt er bij ${area} dat ${indicator} hier ${worse} ligt dan bij vergelijkbare ${peers}? `,
  },
  leadingIndicator: {
    aboveOwnLevel: (pct) => ` (${pct} boven het eigen niveau)`,
    title: ({ leader, follower, area, since }) => `${leader} gevolgd door ${follower} in ${area}${since ? ` (sinds ${since})` : ''}`,
    explanation: (a) =>
      `In ${a.area} steeg eerst ${a.leader} (${a.leaderSpan}: ${a.leaderValue}), en binnen ${a.lag} ${a.lag === 1 ? 'periode' : 'perioden'} daarna ook ${a.follower} (${a.followerSpan}: ${a.followerValue}). ` +
      `Dat past bij het bekende verband tussen deze twee. Dat beide stijgingen meer zijn dan toeval, is ${a.certainty}. `,
    questionArrearsEvictions: 'Kunnen we afspraken maken met de woningcorporatie om huisuitzettingen door betalingsachterstanden te voorkomen? ',
    question: ({ leader, follower }) => `Kunnen we afspraken maken met de betrokken organisaties zodat een stijging van ${leader} niet uitmondt in meer ${follower}? `,
  },
  systemicPattern: {
    title: ({ indicator, rise, k, total, areas, period }) => `${indicator} ${rise} in ${k} van de ${total} ${areas} tegelijk (${period})`,
    explanation: (a) =>
      `In ${a.period} was ${a.indicator} in ${a.share}% van de ${a.total} ${a.areas} van ${a.group} duidelijk ${a.worse} dan in hun eigen voorgaande perioden; bij toeval zou dat in ongeveer ${a.chance}% gebeuren. ` +
      `Zo'n gelijktijdige verschuiving wijst eerder op een oorzaak in regels of uitvoering dan op de buurten zelf; dat het geen toeval is, is ${a.certainty}. ` +
      (a.annotation ? `Rond die datum is vastgelegd: “${a.annotation.text}” (${a.annotation.date}). ` : 'Er is rond deze datum geen gebeurtenis (zoals een regelwijziging) vastgelegd. '),
    question: ({ period, annotation, indicator, areas, rise }) =>
      `Is er rond ${period} iets veranderd in regels, toegang of uitvoering${annotation ? ` (zoals “${annotation}”)` : ''} waardoor ${indicator} in zoveel ${areas} tegelijk ${rise}? `,
  },
  stackedProblems: {
    item: ({ indicator, value, peerValue, quadrant }) => `${indicator} (${value} tegen ${peerValue}, kwadrant ${quadrant})`,
    title: ({ area, k, quadrants }) => `Gestapelde problematiek in ${area}: ${k} indicatoren uit ${quadrants} kwadranten tegelijk ongunstig`,
    explanation: (a) =>
      `In ${a.period} scoorde ${a.area} op ${a.k} van de ${a.m} vergeleken indicatoren ongunstiger dan vergelijkbare ${a.peers}: ${a.items}. ` +
      `Dat zoveel indicatoren uit verschillende kwadranten tegelijk afwijken, is ${a.certainty} meer dan toeval. `,
    question: ({ area }) =>
      `In ${area} stapelen problemen zich op. Hoe zorgen we dat de instanties hier samen één aanpak kiezen in plaats van ieder apart, en wat moet daarvoor aan de beleidstafel geregeld worden? `,
  },
  escalation: {
    title: ({ district, indicators, where }) => `Individuele hulpvragen stapelen zich op in ${district}: ${indicators} in ${where}`,
    neighbourhoods: (n) => `${n} buurten`,
    explanation: ({ district, members, indicators, neighbourhoods }) =>
      `In ${district} vallen ${members} signalen over individuele hulpvragen (kwadrant I/II) samen: ${indicators} in ${neighbourhoods}. ` +
      'Elk afzonderlijk is een vraag van bewoners; samen wijzen ze op iets wat de wijk als geheel raakt. De afzonderlijke signalen staan hieronder. ',
    question: ({ district }) => `Wat hebben deze hulpvragen in ${district} gemeen, en is er een collectieve aanpak in de wijk die ze kan voorkomen? `,
  },
  earlyWarning: {
    title: (title) => `Vroege waarschuwing: ${title}`,
    explanation: ({ leader, follower, maxLag }) =>
      `Een stijging van ${leader} gaat vaak vooraf aan meer ${follower} (binnen ${maxLag} perioden); daar is hier (nog) geen stijging van te zien: dit is het moment om het te voorkomen.`,
  },
};
