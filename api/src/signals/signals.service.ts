import { Injectable } from '@nestjs/common';
import { agendaNote } from '../agenda/agenda-note';
import { DataSource } from 'typeorm';
import { canTransition, COMMENT_REQUIRED, mayMoveInto, SIGNAL_TRANSITIONS, type Role, type Signal, type SignalEvent, type SignalStatus } from 'contracts';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/principal';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors';
import { DEFAULT_SIGNAL_SETTINGS, validateSettings, type SignalSettings } from '../core/signals';
import { pageRequest, toPage, type Page } from '../common/paging';
import { toMember, toSignal } from './present';
import { DisclosureService } from '../disclosure/disclosure.service';
import { isRestricted, stripNumbers } from '../policy/disclosure';
import { signalScope, touchesHidden } from '../disclosure/signals';

const WITHHELD = {
  nl: 'De cijfers bij dit signaal worden niet getoond: samen met andere cijfers zouden ze een klein aantal herleidbaar maken (geheimhouding kleine aantallen).',
  en: 'The figures of this signal are not shown: together with other figures they would reveal a small number (disclosure control).',
};
import { SignalsRepository, sortKeyOf, type SignalFilter, type SignalRow } from './signals.repository';
import { AgendaRepository } from '../agenda/agenda.repository';
import type { SignalQueryDto, TransitionDto } from './signals.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bad(field: string, message: string): InvalidInputError {
  return new InvalidInputError(`${field} ${message}`, [{ field, message }]);
}

@Injectable()
export class SignalsService {
  constructor(
    private readonly signals: SignalsRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
    private readonly agenda: AgendaRepository,
  ) {}

  /**
   * Disclosure control (issue 9, defect B): for a restricted role, a signal whose figures draw on
   * a cell hidden in the stored pattern keeps its title and question, but its evidence loses every
   * number and its explanation (which quotes pooled figures) is replaced by a notice.
   */
  /** Signals as `role` may see them: every figure of a signal that touches a hidden cell is withheld (also used for mails). */
  async present(rows: SignalRow[], role: Role | null, history?: SignalEvent[]): Promise<Signal[]> {
    const shown = rows.map((r) => toSignal(r, role, history));
    if (!isRestricted(role) || !rows.length) return shown;
    const subjects = new Set<string>();
    const indicators = new Set<string>();
    for (const r of rows) {
      const scope = signalScope({ indicators: r.indicators, subjects: r.subjects, period: r.period, evidence: r.evidence });
      scope.subjects.forEach((x) => subjects.add(x));
      scope.indicators.forEach((x) => indicators.add(x));
    }
    const hidden = await this.disclosure.hidden(role, [...indicators], [...subjects]);
    return shown.map((sig, i) => {
      const r = rows[i];
      if (!touchesHidden({ indicators: r.indicators, subjects: r.subjects, period: r.period, evidence: r.evidence }, hidden)) return sig;
      return { ...sig, evidence: stripNumbers(r.evidence), strength: {}, explanation: WITHHELD } as Signal;
    });
  }

  /** `status` may be a comma-separated list (checked by `SignalQueryDto`). */
  parseFilter(q: SignalQueryDto): SignalFilter {
    const filter: SignalFilter = {};
    if (q.status) filter.status = q.status.split(',').map((s) => s.trim()).filter(Boolean) as SignalStatus[];
    if (q.rule) filter.rule = q.rule;
    if (q.quadrant) filter.quadrant = q.quadrant;
    if (q.area) filter.area = q.area;
    if (q.indicator) filter.indicator = q.indicator;
    return filter;
  }

  /**
   * GET /signals (docs/design.md §4b): top-level signals by default, each group with `memberCount` and
   * `members`; `include=members` lists the members too (flat, each with `groupId`); `owner=me` only the
   * caller's own signals ("Alleen mijn signalen", issue 13), combined with the other filters. Keyset paged.
   */
  async list(q: SignalQueryDto, role: Role | null, principal?: Pick<Principal, 'kind' | 'id'>): Promise<Page<Signal>> {
    const filter = this.parseFilter(q);
    const page = pageRequest(q);
    if (q.owner === 'me') {
      // Only a signed-in person owns signals; an API key owns none.
      if (principal?.kind !== 'user') return { items: [], next: null };
      filter.ownerId = principal.id;
    }
    const withMembers = typeof q.include === 'string' && q.include.split(',').some((s) => s.trim() === 'members');
    const rows = await this.signals.list({ ...filter, topLevel: !withMembers, after: page.after, limit: page.limit + 1 });
    const { items, next } = toPage(rows, page.limit, sortKeyOf);
    return { items: await this.withMembers(await this.present(items, role)), next };
  }

  /** Adds `memberCount` and `members` to each signal. */
  async withMembers<T extends Signal>(signals: T[]): Promise<T[]> {
    const members = await this.signals.members(signals.map((s) => s.id));
    const by = new Map<string, ReturnType<typeof toMember>[]>();
    for (const m of members) {
      const list = by.get(m.group_id) ?? [];
      list.push(toMember(m));
      by.set(m.group_id, list);
    }
    return signals.map((s) => ({ ...s, memberCount: by.get(s.id)?.length ?? 0, members: by.get(s.id) ?? [] }));
  }

  /** Signals for other views (quadrant view, summary, meetings): every signal that matches, each with its groupId and, for a group, its members (the build-up). */
  async listFiltered(filter: SignalFilter, role: Role | null): Promise<Signal[]> {
    return this.withMembers(await this.present(await this.signals.list(filter), role));
  }

  async get(id: string, role: Role | null): Promise<Signal> {
    if (!UUID.test(id)) throw new NotFoundError(`Unknown signal ${id}`);
    const row = await this.signals.find(id);
    if (!row) throw new NotFoundError(`Unknown signal ${id}`);
    const history: SignalEvent[] = (await this.signals.history([id])).map(({ signalId: _s, ...e }) => ({ ...e, at: new Date(e.at).toISOString() }));
    const [signal] = await this.withMembers(await this.present([row], role, history));
    return signal;
  }

  /**
   * Moves a signal through its lifecycle. Role per target status (403), allowed moves (409),
   * comment for dismissed/closed (400). on-agenda with meetingId adds the signal to that meeting.
   */
  async transition(id: string, input: TransitionDto, principal: Principal): Promise<Signal> {
    const to = input.status;
    const comment = typeof input.comment === 'string' && input.comment.trim() ? input.comment.trim() : null;
    if (COMMENT_REQUIRED.includes(to) && !comment) throw bad('comment', `is required to move a signal to ${to}`);
    const meetingId = typeof input.meetingId === 'string' ? input.meetingId : null;
    if (meetingId && to !== 'on-agenda') throw bad('meetingId', 'only goes with status on-agenda');
    if (!mayMoveInto(principal.role, to))
      throw new ForbiddenError(`A ${principal.role ?? 'system'} may not move a signal to ${to}`, undefined, { code: 'signals.roleMayNotMove', params: { to } });
    if (!UUID.test(id)) throw new NotFoundError(`Unknown signal ${id}`);

    await this.db.transaction(async (m) => {
      const row = await this.signals.find(id, m, true);
      if (!row) throw new NotFoundError(`Unknown signal ${id}`);
      if (!canTransition(row.status, to)) {
        const allowed = SIGNAL_TRANSITIONS[row.status];
        throw new ConflictError(
          `A signal that is ${row.status} cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'}`,
          undefined,
          { code: 'signals.cannotMove', params: { from: row.status, to } },
        );
      }
      let note = comment;
      if (meetingId) {
        const meeting = await this.agenda.meetingExists(meetingId, m);
        if (!meeting) throw bad('meetingId', `unknown meeting ${meetingId}`);
        if (!(await this.agenda.agendaItemOn(meetingId, id, m))) await this.agenda.addAgendaItem(meetingId, id, comment, m);
        note = comment ?? agendaNote(meeting);
      }
      await this.signals.setStatus(id, to, m);
      await this.signals.addEvent({ signalId: id, actor: principal.actor, from: row.status, to, comment: note }, m);
      await this.audit.record({ actor: principal.actor, action: 'signals.transition', target: id, details: { from: row.status, to, meetingId } }, m);
    });
    return this.get(id, principal.role);
  }

  // ------------------------------------------------------------------ settings

  async settings(): Promise<SignalSettings> {
    const stored = await this.signals.settings();
    if (!stored) return structuredClone(DEFAULT_SIGNAL_SETTINGS);
    // Stored settings are merged over the defaults, so sections added later get their defaults.
    const { settings, errors } = validateSettings(stored.settings);
    return errors.length ? structuredClone(DEFAULT_SIGNAL_SETTINGS) : settings;
  }

  async updateSettings(patch: unknown, actor: string): Promise<SignalSettings> {
    const current = await this.settings();
    const { settings, errors } = validateSettings(patch, current);
    if (errors.length) throw new InvalidInputError(`Invalid signal settings: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
    await this.db.transaction(async (m) => {
      await this.signals.saveSettings(settings, actor, m);
      await this.audit.record({ actor, action: 'signals.settings.update', details: { patch: patch as Record<string, unknown> } }, m);
    });
    return settings;
  }
}
