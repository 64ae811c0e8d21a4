/**
 * In-memory fakes for the repositories the lifecycle, meetings and API-key services use, so their
 * rules are tested without HTTP or a database (issue 10 item 8, immich's pattern). Each fake keeps
 * what was written in plain arrays the test can read. The database (`DataSource`) fake runs a
 * transaction's callback and rolls its writes back when it throws, as PostgreSQL would.
 */
import type { DataSource } from 'typeorm';
import { can, type ApiKeyInfo, type Role, type SignalStatus } from 'contracts';
import type { AuditService } from '../audit/audit.service';
import type { AgendaRepository } from '../agenda/agenda.repository';
import type { AnnotationsRepository } from '../annotations/annotations.repository';
import type { ApiKeysRepository } from '../api-keys/api-keys.repository';
import type { MeetingsRepository, AgendaItemRow, MeetingRow } from '../meetings/meetings.repository';
import type { SignalRow, SignalsRepository } from '../signals/signals.repository';

/** Everything the fakes hold, so one transaction can snapshot and restore it. */
export class FakeStore {
  signals = new Map<string, SignalRow>();
  events: { signalId: string; actor: string; from: SignalStatus | null; to: SignalStatus; comment: string | null }[] = [];
  audit: { actor: string; action: string; target?: string | null; details?: unknown }[] = [];
  meetings = new Map<string, MeetingRow>();
  items: AgendaItemRow[] = [];
  annotations: { id: string; date: string; indicators: string[]; area: string; textNl: string; textEn: string; agendaItemId: string | null }[] = [];
  apiKeys: (ApiKeyInfo & { keyHash: string })[] = [];
  users: { id: string; name: string; role: Role; active: boolean }[] = [];
  private seq = 0;

  nextId(): string {
    this.seq += 1;
    return `00000000-0000-4000-8000-${String(this.seq).padStart(12, '0')}`;
  }

  snapshot(): () => void {
    const copy = structuredClone({ ...this, signals: [...this.signals], meetings: [...this.meetings] });
    return () => {
      Object.assign(this, { ...copy, signals: new Map(copy.signals), meetings: new Map(copy.meetings) });
    };
  }
}

/** A signal row with everyday defaults. */
export function signalRow(store: FakeStore, over: Partial<SignalRow> = {}): SignalRow {
  const now = new Date('2026-11-01T10:00:00Z');
  const row: SignalRow = {
    id: store.nextId(),
    dedupe_key: `rising-trend|debt-signals|WK051801|${store.signals.size}`,
    rule: 'rising-trend',
    quadrant: 'IV',
    indicators: ['debt-signals'],
    subjects: ['WK051801'],
    municipality_code: 'GM0518',
    period: '2026-Q3',
    severity: 'medium',
    status: 'open',
    title: { nl: 'Titel', en: 'Title' },
    explanation: { nl: 'Uitleg', en: 'Explanation' },
    question: { nl: 'Vraag', en: 'Question' },
    strength: { p: 0.001, q: 0.01 },
    evidence: null,
    effect: null,
    pattern_active: true,
    created_at: now,
    updated_at: now,
    last_seen_at: now,
    resolved_at: null,
    group_id: null,
    ...over,
  };
  store.signals.set(row.id, row);
  return row;
}

export function fakeDb(store: FakeStore): DataSource {
  return {
    transaction: async <T>(fn: (m: unknown) => Promise<T>): Promise<T> => {
      const restore = store.snapshot();
      try {
        return await fn({});
      } catch (e) {
        restore();
        throw e;
      }
    },
  } as unknown as DataSource;
}

export function fakeAudit(store: FakeStore): AuditService {
  return { record: async (r: FakeStore['audit'][number]) => void store.audit.push(r) } as unknown as AuditService;
}

export function fakeSignals(store: FakeStore): SignalsRepository {
  return {
    find: async (id: string) => structuredClone(store.signals.get(id) ?? null),
    setStatus: async (id: string, to: SignalStatus) => {
      const row = store.signals.get(id);
      if (row) row.status = to;
    },
    addEvent: async (e: FakeStore['events'][number]) => void store.events.push(e),
  } as unknown as SignalsRepository;
}

export function fakeAgenda(store: FakeStore): AgendaRepository {
  return {
    meetingExists: async (id: string) => {
      const m = store.meetings.get(id);
      return m ? { title: m.title, date: m.date } : null;
    },
    agendaItemOn: async (meetingId: string, signalId: string) => store.items.some((i) => i.meeting_id === meetingId && i.signal_id === signalId),
    addAgendaItem: async (meetingId: string, signalId: string, notes: string | null) => {
      const id = store.nextId();
      const position = store.items.filter((i) => i.meeting_id === meetingId).length + 1;
      store.items.push({ id, meeting_id: meetingId, signal_id: signalId, position, notes, decision: null, decided_at: null, decided_by: null, effect_due_on: null, owner_id: null, owner_name: null, deadline: null });
      return id;
    },
  } as unknown as AgendaRepository;
}

export function fakeMeetings(store: FakeStore): MeetingsRepository {
  return {
    find: async (id: string) => store.meetings.get(id) ?? null,
    item: async (meetingId: string, itemId: string) => store.items.find((i) => i.meeting_id === meetingId && i.id === itemId) ?? null,
    decide: async (itemId: string, d: { decision: string; effectDueOn: string | null; ownerId: string | null; deadline: string | null }, actor: string) => {
      const item = store.items.find((i) => i.id === itemId)!;
      const owner = store.users.find((u) => u.id === d.ownerId);
      Object.assign(item, { decision: d.decision, effect_due_on: d.effectDueOn, owner_id: d.ownerId, owner_name: owner?.name ?? null, deadline: d.deadline, decided_by: actor, decided_at: new Date() });
    },
    /** Owners must be active managers, analysts or admins. */
    decisionOwner: async (id: string) => store.users.find((u) => u.id === id && u.active && can(u.role, 'signals.own')) ?? null,
    subjectArea: async (code: string) => code,
  } as unknown as MeetingsRepository;
}

export function fakeAnnotations(store: FakeStore): AnnotationsRepository {
  return {
    updateForAgendaItem: async (itemId: string, textNl: string, textEn: string) => {
      const a = store.annotations.find((x) => x.agendaItemId === itemId);
      if (a) Object.assign(a, { textNl, textEn });
      return a ? 1 : 0;
    },
    insert: async (a: Omit<FakeStore['annotations'][number], 'id'>) => {
      store.annotations.push({ id: store.nextId(), ...a, agendaItemId: a.agendaItemId ?? null });
      return store.annotations.at(-1)!.id;
    },
  } as unknown as AnnotationsRepository;
}

export function fakeApiKeys(store: FakeStore): ApiKeysRepository {
  const info = ({ keyHash: _hash, ...k }: FakeStore['apiKeys'][number]): ApiKeyInfo => ({ ...k });
  return {
    insert: async (r: { name: string; prefix: string; keyHash: string; actor: string }) => {
      const k = { id: store.nextId(), name: r.name, prefix: r.prefix, keyHash: r.keyHash, scope: 'ingest' as const, createdBy: r.actor, createdAt: new Date().toISOString(), lastUsedAt: null, revokedAt: null };
      store.apiKeys.push(k);
      return info(k);
    },
    list: async () => store.apiKeys.map(info),
    revoke: async (id: string) => {
      const k = store.apiKeys.find((x) => x.id === id && !x.revokedAt);
      if (!k) return null;
      k.revokedAt = new Date().toISOString();
      return info(k);
    },
    activeByPrefix: async (prefix: string) => store.apiKeys.find((k) => k.prefix === prefix && !k.revokedAt) ?? null,
    markUsed: async (id: string) => {
      store.apiKeys.find((k) => k.id === id)!.lastUsedAt = new Date().toISOString();
    },
  } as unknown as ApiKeysRepository;
}
