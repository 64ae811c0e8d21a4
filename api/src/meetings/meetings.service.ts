import { Injectable } from '@nestjs/common';
import { agendaNote } from '../agenda/agenda-note';
import { DataSource } from 'typeorm';
import type { AgendaItem, BriefModel, FieldError, Meeting, Role, Signal } from 'contracts';
import { AnnotationsRepository } from '../annotations/annotations.repository';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/principal';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { SignalsRepository, type StoredEffect } from '../signals/signals.repository';
import { SignalsService } from '../signals/signals.service';
import { renderBrief } from './brief';
import { buildBriefModel, evidenceCodes, type Lang } from './brief-model';
import { renderBriefPdf } from './brief-pdf';
import { MeetingsRepository, type AgendaItemRow, type MeetingRow } from './meetings.repository';
import { AreasRepository } from '../areas/areas.repository';
import { AgendaRepository } from '../agenda/agenda.repository';
import type { AddAgendaItemDto, CreateMeetingDto, DecisionDto } from './meetings.dto';
import { isIsoDate } from '../common/dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(errors: FieldError[]): InvalidInputError {
  return new InvalidInputError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

export function effectOf(e: StoredEffect | null | undefined): AgendaItem['effect'] {
  if (!e) return null;
  return { change: e.change, direction: e.direction, note: e.persists ? 'pattern persists after the decision' : e.note };
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly signalsRepo: SignalsRepository,
    private readonly signals: SignalsService,
    private readonly annotations: AnnotationsRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly areas: AreasRepository,
    private readonly agenda: AgendaRepository,
  ) {}

  async list(area: string | undefined, role: Role | null): Promise<Meeting[]> {
    const rows = await this.meetings.list({ area });
    return this.withItems(rows, role, false);
  }

  async get(id: string, role: Role | null): Promise<Meeting> {
    const row = await this.findOr404(id);
    return (await this.withItems([row], role, true))[0];
  }

  private async findOr404(id: string): Promise<MeetingRow> {
    const row = UUID.test(id) ? await this.meetings.find(id) : null;
    if (!row) throw new NotFoundError(`Unknown meeting ${id}`);
    return row;
  }

  private async withItems(rows: MeetingRow[], role: Role | null, withSignals: boolean): Promise<Meeting[]> {
    const items = rows.length ? await this.meetings.items(rows.map((r) => r.id)) : [];
    const signalIds = [...new Set(items.map((i) => i.signal_id))];
    const signals = new Map<string, Signal & { effect?: unknown }>();
    if (signalIds.length) for (const s of await this.signals.listFiltered({ ids: signalIds }, role)) signals.set(s.id, s);
    return rows.map((r) => ({
      id: r.id,
      date: r.date,
      title: r.title,
      area: r.area,
      items: items
        .filter((i) => i.meeting_id === r.id)
        .map((i) => this.toItem(i, signals.get(i.signal_id), withSignals)),
    }));
  }

  private toItem(i: AgendaItemRow, signal: (Signal & { effect?: unknown }) | undefined, withSignal: boolean): AgendaItem {
    return {
      id: i.id,
      signalId: i.signal_id,
      ...(withSignal && signal ? { signal } : {}),
      position: i.position,
      notes: i.notes,
      decision: i.decision,
      decidedAt: i.decided_at ? new Date(i.decided_at).toISOString() : null,
      effectDueOn: i.effect_due_on ?? null,
      owner: i.owner_id ? { id: i.owner_id, name: i.owner_name ?? '' } : null,
      deadline: i.deadline ?? null,
      effect: i.decision ? effectOf(signal?.effect as StoredEffect | null | undefined) : null,
    };
  }

  async create(body: CreateMeetingDto, actor: string, role: Role | null): Promise<Meeting> {
    if (!(await this.areas.entry(body.area))) throw invalid([{ field: 'area', message: `unknown area ${body.area}` }]);
    const id = await this.db.transaction(async (m) => {
      const newId = await this.meetings.insert({ date: body.date, title: body.title.trim(), area: body.area, actor }, m);
      await this.audit.record({ actor, action: 'meetings.create', target: newId }, m);
      return newId;
    });
    return this.get(id, role);
  }

  /** Adds a signal to the agenda; an open or interpreted signal moves to on-agenda. */
  async addItem(meetingId: string, body: AddAgendaItemDto, p: Principal): Promise<Meeting> {
    const meeting = await this.findOr404(meetingId);
    const signalId = body.signalId;
    const notes = typeof body.notes === 'string' && body.notes.trim() ? body.notes.trim() : null;
    await this.db.transaction(async (m) => {
      const signal = await this.signalsRepo.find(signalId, m, true);
      if (!signal) throw invalid([{ field: 'signalId', message: `unknown signal ${signalId}` }]);
      if (await this.agenda.agendaItemOn(meetingId, signalId, m)) throw new ConflictError('This signal is already on the agenda of this meeting', undefined, { code: 'meetings.alreadyOnAgenda' });
      if (signal.status === 'open' || signal.status === 'interpreted') {
        await this.signalsRepo.setStatus(signalId, 'on-agenda', m);
        await this.signalsRepo.addEvent(
          { signalId, actor: p.actor, from: signal.status, to: 'on-agenda', comment: notes ?? agendaNote(meeting) },
          m,
        );
      } else if (signal.status !== 'on-agenda') {
        throw new ConflictError(`A signal that is ${signal.status} cannot be put on the agenda`, undefined, { code: 'meetings.cannotAdd', params: { status: signal.status } });
      }
      const itemId = await this.agenda.addAgendaItem(meetingId, signalId, notes, m);
      await this.audit.record({ actor: p.actor, action: 'meetings.item.add', target: itemId, details: { meetingId, signalId } }, m);
    });
    return this.get(meetingId, p.role);
  }

  /**
   * Records the policy table's decision: the signal moves to decided, and the decision becomes a
   * dated annotation (the meeting's date) on the signal's indicators for its area.
   */
  async decide(meetingId: string, itemId: string, body: DecisionDto, p: Principal): Promise<AgendaItem> {
    const meeting = await this.findOr404(meetingId);
    const errors = decisionErrors(body, meeting.date);
    const ownerId = optional(body.ownerId);
    if (ownerId !== null && !errors.some((e) => e.field === 'ownerId') && !(await this.meetings.decisionOwner(ownerId as string)))
      errors.push({ field: 'ownerId', message: 'must be an active manager, analyst or admin', code: 'decision.owner' });
    if (errors.length) {
      // The first error names the message the web shows; every field error carries its own code.
      const first = errors[0];
      throw new InvalidInputError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors, { code: first.code, ...(first.params ? { params: first.params } : {}) });
    }
    if (typeof body.decision !== 'string') throw invalid(errors);
    const due = optional(body.effectDueOn) as string | null;
    const deadline = optional(body.deadline) as string | null;
    const decision = body.decision.trim();
    if (!UUID.test(itemId)) throw new NotFoundError(`Unknown agenda item ${itemId}`);
    await this.db.transaction(async (m) => {
      const item = await this.meetings.item(meetingId, itemId, m);
      if (!item) throw new NotFoundError(`Unknown agenda item ${itemId}`);
      const signal = await this.signalsRepo.find(item.signal_id, m, true);
      if (!signal) throw new NotFoundError(`Unknown signal ${item.signal_id}`);
      const textNl = `Besluit beleidstafel ${meeting.date}: ${decision}`;
      const textEn = `Policy table decision ${meeting.date}: ${decision}`;
      if (signal.status === 'on-agenda') {
        await this.signalsRepo.setStatus(signal.id, 'decided', m);
        await this.signalsRepo.addEvent({ signalId: signal.id, actor: p.actor, from: 'on-agenda', to: 'decided', comment: decision }, m);
      } else if (item.decision !== null && (signal.status === 'decided' || signal.status === 'monitoring')) {
        // Correcting the recorded decision keeps the status; the history shows the change.
        await this.signalsRepo.addEvent({ signalId: signal.id, actor: p.actor, from: signal.status, to: signal.status, comment: `Besluit gewijzigd / decision changed: ${decision}` }, m);
      } else {
        throw new ConflictError(`A signal that is ${signal.status} cannot receive a decision (it must be on the agenda)`, undefined, { code: 'meetings.cannotDecide', params: { status: signal.status } });
      }
      await this.meetings.decide(itemId, { decision, effectDueOn: due, ownerId: ownerId as string | null, deadline }, p.actor, m);
      const updated = await this.annotations.updateForAgendaItem(itemId, textNl, textEn, m);
      if (!updated) {
        const area = signal.subjects.length === 1 ? ((await this.meetings.subjectArea(signal.subjects[0], m)) ?? meeting.area) : meeting.area;
        await this.annotations.insert({ date: meeting.date, indicators: signal.indicators, area, textNl, textEn, agendaItemId: itemId, actor: p.actor }, m);
      }
      await this.audit.record({ actor: p.actor, action: 'meetings.item.decide', target: itemId, details: { meetingId, signalId: signal.id, effectDueOn: due, ownerId, deadline } }, m);
    });
    const full = await this.get(meetingId, p.role);
    return full.items.find((i) => i.id === itemId)!;
  }

  /**
   * The brief for the conversation as its one content model (`buildBriefModel`), as the reader's
   * role may see it: the web's print page draws it (`format: 'json'`), and so do the printable
   * HTML and the PDF. Every export is audited.
   */
  async brief(meetingId: string, lang: Lang, p: Principal, format: 'html' | 'pdf' | 'json' = 'html'): Promise<string | Buffer | BriefModel> {
    const model = await this.briefModel(meetingId, lang, p.role);
    const out = format === 'pdf' ? await renderBriefPdf(model) : format === 'json' ? model : renderBrief(model);
    await this.audit.record({ actor: p.actor, action: 'meetings.brief.export', target: meetingId, details: { lang, format, items: model.items.length } });
    return out;
  }

  private async briefModel(meetingId: string, lang: Lang, role: Role | null): Promise<BriefModel> {
    const meeting = await this.get(meetingId, role);
    const signals = meeting.items.flatMap((i) => (i.signal ? [i.signal] : []));
    const history = signals.length ? await this.signalsRepo.history(signals.map((s) => s.id)) : [];
    const codes = signals.map((s) => evidenceCodes(s.evidence));
    const subjects = [...new Set([...signals.flatMap((s) => s.subjects), ...codes.flatMap((c) => c.subjects)])];
    const indicatorCodes = [...new Set([...signals.flatMap((s) => s.indicators), ...codes.flatMap((c) => c.indicators)])];
    const [names, indicators, area] = await Promise.all([
      subjects.length ? this.meetings.subjectNames(subjects) : Promise.resolve([]),
      indicatorCodes.length ? this.meetings.indicatorNames(indicatorCodes) : Promise.resolve([]),
      this.areas.entry(meeting.area),
    ]);
    return buildBriefModel({
      meeting,
      areaName: area?.name ?? meeting.area,
      history: history.map((h) => ({ signalId: h.signalId, at: new Date(h.at).toISOString(), actor: h.actor, to: h.to, comment: h.comment })),
      names: new Map(names.map((n) => [n.code, n.name])),
      indicators: new Map(indicators.map((n) => [n.code, { name: { nl: n.name_nl, en: n.name_en }, minCount: n.min_count }])),
      lang,
      generatedAt: new Date(),
    });
  }
}

export interface DecisionBody {
  decision?: unknown;
  effectDueOn?: unknown;
  ownerId?: unknown;
  deadline?: unknown;
}

const optional = (v: unknown): unknown => (v === undefined || v === null || v === '' ? null : v);

/**
 * The checks of a decision that need no database: a text; a deadline on or after the meeting; a
 * follow-up date (`effectDueOn`) after the meeting and not before the deadline; an owner id that
 * looks like one. Each error carries a stable `code` (+ `params`) the web translates.
 */
export function decisionErrors(body: DecisionBody, meetingDate: string): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof body.decision !== 'string' || !body.decision.trim() || body.decision.length > 4000)
    errors.push({ field: 'decision', message: 'must be a text of 1 to 4000 characters', code: 'decision.text' });
  const ownerId = optional(body.ownerId);
  if (ownerId !== null && (typeof ownerId !== 'string' || !UUID.test(ownerId)))
    errors.push({ field: 'ownerId', message: 'must be a user id', code: 'decision.owner' });
  const deadline = optional(body.deadline);
  if (deadline !== null && !isIsoDate(deadline)) errors.push({ field: 'deadline', message: 'must be a date like 2025-09-14', code: 'decision.date', params: { field: 'deadline' } });
  else if (deadline !== null && deadline < meetingDate)
    errors.push({ field: 'deadline', message: `must be on or after the meeting date ${meetingDate}`, code: 'decision.deadlineBeforeMeeting', params: { date: meetingDate } });
  const due = optional(body.effectDueOn);
  if (due !== null && !isIsoDate(due)) errors.push({ field: 'effectDueOn', message: 'must be a date like 2025-09-14', code: 'decision.date', params: { field: 'effectDueOn' } });
  else if (due !== null && due <= meetingDate)
    errors.push({ field: 'effectDueOn', message: `must be after the meeting date ${meetingDate}`, code: 'decision.followUpBeforeMeeting', params: { date: meetingDate } });
  else if (due !== null && isIsoDate(deadline) && due < deadline)
    errors.push({ field: 'effectDueOn', message: `must be on or after the deadline ${deadline}`, code: 'decision.followUpBeforeDeadline', params: { date: deadline } });
  return errors;
}
