/**
 * Seeded, plausible synthetic series for what no public source has per wijk or per school:
 * debt signals, evictions, social cohesion, youth care referrals per school, exceptions granted.
 *
 * Real areas: the wijken of 's-Gravenhage (GM0518) and Rotterdam (GM0599) from the 2024 register, with
 * ≥ 1,000 inhabitants. Households ≈ population / 2.1 (the register file has no households column).
 * Deterministic: the same seed gives byte-identical output (mulberry32 PRNG, fixed iteration order).
 *
 * Planted patterns (one per signal rule, see `demoPlantedPatterns`) give every rule something real to
 * find. Output is what the importers take: units CSV `code,name,kind,area` and a long CSV with `n`.
 */
import type { Indicator, LocalizedText } from 'contracts';
import type { RegisterArea } from '../areas';
import { toCsv } from '../csv';
import { demoStandardIndicators, demoSystemIndicators } from './indicators';
import { mulberry32 } from '../../core/statistics/random';

export const DEFAULT_SEED = 20240601;
export const SYNTHETIC_MUNICIPALITIES = ['GM0518', 'GM0599'] as const;
/** Municipality whose wijken also get schools and exceptions-granted (every quadrant filled). */
export const FULL_DEMO_MUNICIPALITY = 'GM0518';
export const MIN_POPULATION = 1000;
export const PERSONS_PER_HOUSEHOLD = 2.1;
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const QUARTERS: readonly string[] = YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
export const LONG_HEADER_WITH_N = ['indicator', 'subject', 'period', 'value', 'numerator', 'denominator', 'n'] as const;
export const UNITS_HEADER = ['code', 'name', 'kind', 'area'] as const;

export interface DemoAnnotation {
  date: string;
  indicators: string[];
  text: LocalizedText;
}

/** The facts planted in the synthetic data; the signal engine should find each of them. */
export const demoPlantedPatterns = {
  peerOutlier: {
    rule: 'peer-outlier',
    indicator: 'youth-care-referrals',
    subject: 'SCH0518201',
    name: 'Basisschool De Regenboog',
    area: 'WK051820',
    municipality: 'GM0518',
    periods: YEARS.map(String),
    /** Referral rate relative to the school's peers (~4.5 % → ~16 %), at a large school. */
    factor: 3.5,
    pupils: 420,
  },
  risingTrend: {
    rule: 'rising-trend',
    indicator: 'debt-signals',
    subject: 'WK051833',
    from: '2023-Q3',
    to: '2024-Q4',
    /** Compound growth per quarter on top of the wijk's level (×1.97 by 2024-Q4). */
    growthPerQuarter: 0.12,
  },
  leadingIndicator: {
    rule: 'leading-indicator',
    leader: 'debt-signals',
    follower: 'evictions',
    subject: 'WK051836',
    leaderRiseFrom: '2024-Q1',
    leaderFactor: 1.6,
    followerRiseFrom: '2024-Q2',
    followerFactor: 3.5,
    lag: 1,
  },
  systemicPattern: {
    rule: 'systemic-pattern',
    indicator: 'debt-signals',
    period: '2023-Q1',
    annotationDate: '2023-01-01',
    factor: 1.35,
    municipalities: ['GM0518', 'GM0599'],
    /** Wijken that do NOT shift; every other synthetic wijk does (step from 2023-Q1 on). */
    exempt: ['WK051804', 'WK051809', 'WK051826', 'WK051840', 'WK059906', 'WK059914'],
  },
  stackedProblems: {
    rule: 'stacked-problems',
    subject: 'WK051837',
    indicators: ['debt-signals', 'evictions', 'social-cohesion'],
    quadrants: ['II', 'III'],
    debtFactor: 2.2,
    evictionFactor: 3,
    cohesionShift: -1.4,
  },
} as const;

export const demoAnnotations: DemoAnnotation[] = [
  {
    date: demoPlantedPatterns.systemicPattern.annotationDate,
    indicators: ['debt-signals'],
    text: {
      nl: 'Verruiming vroegsignalering (fictief, demo): vanaf 1 januari 2023 melden zorgverzekeraars en energieleveranciers een betalingsachterstand al na één maand in plaats van na drie.',
      en: 'Broader early debt signalling (fictional, demo): from 1 January 2023 health insurers and energy suppliers report payment arrears after one month instead of three.',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

export { mulberry32 };

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(): number {
    return this.next();
  }
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  binomial(n: number, p: number): number {
    const mean = n * p;
    const x = mean < 40 ? this.poisson(mean) : Math.round(this.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.min(n, Math.max(0, x));
  }
}

// ---------------------------------------------------------------------------------------------

const SCHOOL_PREFIXES = ['Basisschool', 'Openbare Basisschool', 'Christelijke Basisschool', 'Montessorischool', 'Daltonschool', 'Katholieke Basisschool'];
const SCHOOL_NAMES = [
  'De Regenboog', 'De Springplank', 'Het Kompas', 'De Vlinder', 'De Wereldboom', 'Het Palet', 'De Zonnewijzer', 'De Horizon',
  'Het Octaaf', 'De Vuurvogel', 'De Piramide', 'De Klimop', 'Het Startpunt', 'De Sterrenwacht', 'De Kleine Prins', 'De Pionier',
  'De Schakel', 'De Watertoren', 'Het Mozaïek', 'De Duinroos', 'De Meeuw', 'Het Zeepaardje', 'De Botter', 'De Fontein',
  'Het Baken', 'De Toermalijn', 'De Parkschool', 'De Lindeboom', 'De Kraanvogel', 'Het Anker',
];

export interface SyntheticReport {
  seed: number;
  wijken: Record<string, string[]>;
  skippedSmallWijken: string[];
  schools: number;
  rowsPerIndicator: Record<string, number>;
  rows: number;
}

export interface SyntheticDemo {
  indicators: Indicator[];
  /** Units CSV `code,name,kind,area`. */
  units: string;
  /** Long CSV `indicator,subject,period,value,numerator,denominator,n`. */
  longCsv: string;
  annotations: DemoAnnotation[];
  planted: typeof demoPlantedPatterns;
  report: SyntheticReport;
}

type Row = [string, string, string, number | null, number | null, number | null, number | null];

/** Builds the synthetic demo data for the real wijken in `register` (see module comment). */
export function buildSyntheticDemo(register: readonly RegisterArea[], seed = DEFAULT_SEED): SyntheticDemo {
  const rng = new Rng(seed);
  const P = demoPlantedPatterns;
  const wijkenBy: Record<string, RegisterArea[]> = {};
  const skipped: string[] = [];
  for (const gm of SYNTHETIC_MUNICIPALITIES) {
    const all = register.filter((a) => a.level === 'district' && a.parent === gm).sort((a, b) => (a.code < b.code ? -1 : 1));
    wijkenBy[gm] = all.filter((a) => (a.population ?? 0) >= MIN_POPULATION);
    skipped.push(...all.filter((a) => (a.population ?? 0) < MIN_POPULATION).map((a) => a.code));
  }
  const planted = [P.peerOutlier.area, P.risingTrend.subject, P.leadingIndicator.subject, P.stackedProblems.subject, ...P.systemicPattern.exempt];
  const eligible = new Set(Object.values(wijkenBy).flat().map((a) => a.code));
  for (const code of planted) {
    if (!eligible.has(code)) throw new Error(`Synthetic demo: planted wijk ${code} is not an eligible register wijk`);
  }

  const rows: Row[] = [];
  const units: Array<[string, string, string, string]> = [];
  const quarterIndex = (period: string): number => QUARTERS.indexOf(period);

  for (const gm of SYNTHETIC_MUNICIPALITIES) {
    for (const wijk of wijkenBy[gm]!) {
      const code = wijk.code;
      const households0 = Math.round((wijk.population ?? 0) / PERSONS_PER_HOUSEHOLD);
      const households = (t: number): number => Math.round(households0 * (1 + 0.002 * t));
      const stacked = code === P.stackedProblems.subject;

      // Debt signals: households with reported arrears per quarter.
      // The stacked wijk gets no random level, so that its planted factor is not undone by chance.
      const debtLevel = Math.exp(rng.normal(0, 0.25));
      const debtBase = 0.015 * (stacked ? 1 : debtLevel);
      const shifts = !(P.systemicPattern.exempt as readonly string[]).includes(code);
      QUARTERS.forEach((period, t) => {
        let p = debtBase * (period.endsWith('Q1') ? 1.05 : 1) * Math.exp(rng.normal(0, 0.03));
        if (shifts && t >= quarterIndex(P.systemicPattern.period)) p *= P.systemicPattern.factor;
        if (stacked) p *= P.stackedProblems.debtFactor;
        if (code === P.risingTrend.subject && t >= quarterIndex(P.risingTrend.from)) {
          p *= (1 + P.risingTrend.growthPerQuarter) ** (t - quarterIndex(P.risingTrend.from) + 1);
        }
        if (code === P.leadingIndicator.subject && t >= quarterIndex(P.leadingIndicator.leaderRiseFrom)) p *= P.leadingIndicator.leaderFactor;
        const hh = households(t);
        rows.push(['debt-signals', code, period, null, rng.binomial(hh, Math.min(p, 0.5)), hh, null]);
      });

      // Evictions: small counts, about 0.4 per 1,000 households per quarter.
      const evictionLevel = Math.exp(rng.normal(0, 0.2));
      const evictionBase = 0.0004 * (stacked ? 1 : evictionLevel);
      QUARTERS.forEach((period, t) => {
        let rate = evictionBase;
        if (stacked) rate *= P.stackedProblems.evictionFactor;
        if (code === P.leadingIndicator.subject && t >= quarterIndex(P.leadingIndicator.followerRiseFrom)) rate *= P.leadingIndicator.followerFactor;
        const hh = households(t);
        rows.push(['evictions', code, period, null, Math.min(hh, rng.poisson(hh * rate)), hh, null]);
      });

      // Social cohesion: yearly survey mean (0–10) with n respondents.
      const cohesionLevel = rng.normal(0, 0.3);
      const cohesionBase = 6.5 + (stacked ? P.stackedProblems.cohesionShift : cohesionLevel);
      const nBase = Math.min(350, Math.max(60, Math.round((wijk.population ?? 0) / 100)));
      for (const year of YEARS) {
        const n = Math.round(nBase * (0.9 + 0.2 * rng.uniform()));
        const mean = Math.min(10, Math.max(0, cohesionBase + rng.normal(0, 1.6 / Math.sqrt(n))));
        rows.push(['social-cohesion', code, String(year), Math.round(mean * 100) / 100, null, null, n]);
      }

      if (gm !== FULL_DEMO_MUNICIPALITY) continue;

      // Exceptions granted (quadrant IV): yearly, per 1,000 households.
      const exceptionBase = 0.003 * Math.exp(rng.normal(0, 0.2));
      YEARS.forEach((year, i) => {
        const hh = households(i * 4);
        rows.push(['exceptions-granted', code, String(year), null, Math.min(hh, rng.poisson(hh * exceptionBase)), hh, null]);
      });

      // Schools (~3 per wijk by size) with yearly youth care referrals.
      const pop = wijk.population ?? 0;
      const schoolCount = pop < 3000 ? 1 : pop < 8000 ? 2 : pop < 20000 ? 3 : 4;
      for (let s = 1; s <= schoolCount; s++) {
        const schoolCode = `SCH${code.slice(2)}${s}`;
        const isOutlier = schoolCode === P.peerOutlier.subject;
        units.push([schoolCode, isOutlier ? P.peerOutlier.name : '', 'school', code]);
        const pupilDraw = 180 + Math.floor(rng.uniform() * 300);
        const pupils0 = isOutlier ? P.peerOutlier.pupils : pupilDraw;
        const rate = 0.045 * Math.exp(rng.normal(0, 0.15)) * (isOutlier ? P.peerOutlier.factor : 1);
        YEARS.forEach((year, i) => {
          const pupils = Math.round(pupils0 * (1 + 0.01 * i) * (0.97 + 0.06 * rng.uniform()));
          rows.push(['youth-care-referrals', schoolCode, String(year), null, rng.binomial(pupils, rate), pupils, null]);
        });
      }
    }
  }

  // School names: a fixed-seed shuffle of prefix × name, the outlier keeps "Basisschool De Regenboog".
  const nameRng = new Rng(seed ^ 0x5c001);
  const pool = SCHOOL_PREFIXES.flatMap((p) => SCHOOL_NAMES.map((n) => `${p} ${n}`)).filter((n) => n !== P.peerOutlier.name);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(nameRng.uniform() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  let next = 0;
  for (const u of units) {
    if (u[1] === '') u[1] = pool[next++ % pool.length]!;
  }

  const rowsPerIndicator: Record<string, number> = {};
  for (const r of rows) rowsPerIndicator[r[0]] = (rowsPerIndicator[r[0]] ?? 0) + 1;
  const syntheticCodes = new Set(Object.keys(rowsPerIndicator));
  return {
    indicators: [...demoStandardIndicators, ...demoSystemIndicators].filter((i) => syntheticCodes.has(i.code)),
    units: toCsv(UNITS_HEADER, units),
    longCsv: toCsv(LONG_HEADER_WITH_N, rows),
    annotations: demoAnnotations,
    planted: P,
    report: {
      seed,
      wijken: Object.fromEntries(Object.entries(wijkenBy).map(([gm, ws]) => [gm, ws.map((w) => w.code)])),
      skippedSmallWijken: skipped,
      schools: units.length,
      rowsPerIndicator,
      rows: rows.length,
    },
  };
}
