import { Injectable, Logger } from '@nestjs/common';
import type { Role } from 'contracts';
import { loadDisclosureConfig, type DisclosureConfig } from './disclosure-config';
import { DisclosureRepository, type Sql } from './disclosure.repository';
import { effectiveMin, isRestricted, roundCount } from '../policy/disclosure';
import { cellKey, decidePattern, type CellReason } from './pattern';

export function sliceOf(indicator: string, granularity: string, start: string): string {
  return `${indicator}\u0000${granularity}\u0000${start}`;
}

/** The hidden cells of one answer: indicator → cell key → why. */
export class HiddenCells {
  constructor(private readonly cells: Map<string, Map<string, CellReason>>) {}

  static none(): HiddenCells {
    return new HiddenCells(new Map());
  }

  has(indicator: string, subject: string, granularity: string, start: string): boolean {
    return this.cells.get(indicator)?.has(cellKey(subject, granularity, start)) ?? false;
  }

  /** Every hidden cell of the answer. */
  list(): { indicator: string; subject: string; granularity: string; start: string }[] {
    const out: { indicator: string; subject: string; granularity: string; start: string }[] = [];
    for (const [indicator, m] of this.cells) {
      for (const k of m.keys()) {
        const [subject, granularity, start] = k.split('\u0000');
        out.push({ indicator, subject, granularity, start });
      }
    }
    return out;
  }

  reason(indicator: string, subject: string, granularity: string, start: string): CellReason | undefined {
    return this.cells.get(indicator)?.get(cellKey(subject, granularity, start));
  }
}

/**
 * Disclosure control as one module (issue 9): decides, stores and serves the one suppression
 * pattern per indicator (see pattern.ts for the method). Imports recompute the pattern of the
 * indicators they touch inside their own transaction; any pattern that is missing or decided with
 * another minimum (a changed indicator, a changed floor, a changed area hierarchy) is decided
 * again before an answer is served from it.
 */
@Injectable()
export class DisclosureService {
  private readonly logger = new Logger('Disclosure');
  readonly config: DisclosureConfig = loadDisclosureConfig();

  constructor(private readonly repo: DisclosureRepository) {}

  /** The minimum applied to an indicator: its own, never below the floor. */
  effectiveMin(minCount: number): number {
    return effectiveMin(minCount, this.config.floor);
  }

  /** Decides and stores the pattern of each indicator, on the caller's connection and transaction. */
  async recompute(sql: Sql, indicators: string[]): Promise<void> {
    if (!indicators.length) return;
    const hierarchy = await this.repo.hierarchy(sql);
    const parentOf = (s: string) => hierarchy.get(s) ?? null;
    for (const code of [...new Set(indicators)].sort()) {
      await this.repo.lock(sql, code);
      const ind = await this.repo.indicator(sql, code);
      if (!ind) continue;
      const t0 = Date.now();
      const cells = await this.repo.cells(sql, code);
      const min = this.effectiveMin(ind.minCount);
      const pattern = decidePattern(cells, ind.measure, min, parentOf);
      await this.repo.store(sql, code, min, cells.length, pattern);
      this.logger.debug(`Pattern of ${code}: ${pattern.size} of ${cells.length} cells hidden (min ${min}) in ${Date.now() - t0} ms`);
    }
  }

  /** Makes sure the stored patterns of these indicators (all when omitted) are current. */
  async ensure(indicators?: string[]): Promise<void> {
    const stale = await this.repo.stale(this.repo.db, this.config.floor, indicators);
    if (!stale.length) return;
    await this.repo.db.transaction(async (m) => {
      const still = (await this.repo.stale(m, this.config.floor, stale)).sort();
      // Lock first (in code order, as imports do: no deadlock), then look again: an import may have
      // decided it meanwhile.
      for (const code of still) await this.repo.lock(m, code);
      const todo = await this.repo.stale(m, this.config.floor, still);
      await this.recompute(m, todo);
    });
  }

  /**
   * In an import's transaction: the touched indicators' patterns become stale at the same commit
   * as their data, so no answer can be served from the old pattern (a reader decides it again
   * first); the importer then decides them right after its commit (`ensure`).
   */
  async invalidate(sql: Sql, indicators: string[]): Promise<void> {
    if (!indicators.length) return;
    const codes = [...new Set(indicators)].sort();
    // Wait for a decision in progress (it holds the indicator's lock): without this, a decision that
    // read the cells before this import's commit could store its pattern after the forget below and
    // mark an outdated pattern as current. The lock is held to this transaction's commit.
    for (const code of codes) await this.repo.lock(sql, code);
    await this.repo.forget(sql, codes);
  }

  /** The area hierarchy changed: every pattern is decided again before its next use. */
  async forgetAll(sql: Sql): Promise<void> {
    await this.repo.forgetAll(sql);
  }

  /** The stored hidden cells for an answer to `role` (none for analysts and admins). */
  async hidden(role: Role | null, indicators: string[], subjects?: string[]): Promise<HiddenCells> {
    if (!isRestricted(role) || !indicators.length) return HiddenCells.none();
    const codes = [...new Set(indicators)];
    await this.ensure(codes);
    const rows = await this.repo.hidden(codes, subjects && subjects.length <= 50_000 ? [...new Set(subjects)] : undefined);
    const map = new Map<string, Map<string, CellReason>>();
    for (const r of rows) {
      let m = map.get(r.indicator);
      if (!m) map.set(r.indicator, (m = new Map()));
      m.set(cellKey(r.subject, r.granularity, r.start), r.reason);
    }
    return new HiddenCells(map);
  }

  /**
   * For the area views (quadrants, council summary): the hidden cells inside a municipality (the
   * whole country for null), and the (indicator, granularity, period) slices with any hidden cell
   * in it — a figure pooled over that slice (a total the database does not hold) is withheld.
   */
  async hiddenInside(role: Role | null, municipality: string | null): Promise<{ cells: HiddenCells; slices: Set<string> }> {
    if (!isRestricted(role)) return { cells: HiddenCells.none(), slices: new Set() };
    await this.ensure();
    const rows = await this.repo.hiddenInside(municipality);
    const map = new Map<string, Map<string, CellReason>>();
    const slices = new Set<string>();
    for (const r of rows) {
      let m = map.get(r.indicator);
      if (!m) map.set(r.indicator, (m = new Map()));
      m.set(cellKey(r.subject, r.granularity, r.start), r.reason);
      slices.add(sliceOf(r.indicator, r.granularity, r.start));
    }
    return { cells: new HiddenCells(map), slices };
  }

  /** A shown count as a restricted role sees it (rounded when DISCLOSURE_ROUND_TO is set). */
  shownCount(v: number | null, role: Role | null): number | null {
    return isRestricted(role) ? roundCount(v, this.config.roundTo) : v;
  }
}
