import type { Principal } from '../common/principal';
import { ConflictError, ForbiddenError, InvalidInputError } from '../common/errors';
import type { DisclosureService } from '../disclosure/disclosure.service';
import { FakeStore, fakeAgenda, fakeAudit, fakeDb, fakeSignals, signalRow } from '../testing/fakes';
import { SignalsService } from './signals.service';

/** The lifecycle as the service applies it: who may move what where, and what it writes (issue 10 item 8). */
describe('SignalsService.transition (fake repositories, no HTTP)', () => {
  const manager: Principal = { kind: 'user', id: 'u1', actor: 'manager@demo', role: 'manager', scopes: [] } as unknown as Principal;
  const council: Principal = { ...manager, actor: 'raad@demo', role: 'council' } as Principal;
  const analyst: Principal = { ...manager, actor: 'analist@demo', role: 'analyst' } as Principal;
  let store: FakeStore;
  let service: SignalsService;

  beforeEach(() => {
    store = new FakeStore();
    service = new SignalsService(fakeSignals(store), fakeDb(store), fakeAudit(store), {} as DisclosureService, fakeAgenda(store));
    // The answer is the presented signal; presenting is tested elsewhere.
    jest.spyOn(service, 'get').mockImplementation(async (id) => ({ id, status: store.signals.get(id)!.status }) as never);
  });

  it('a manager interprets an open signal: status, history and audit in one go', async () => {
    const s = signalRow(store);
    const out = await service.transition(s.id, { status: 'interpreted', comment: '  Schulden na sluiting loket  ' }, manager);
    expect(out.status).toBe('interpreted');
    expect(store.events).toEqual([{ signalId: s.id, actor: 'manager@demo', from: 'open', to: 'interpreted', comment: 'Schulden na sluiting loket' }]);
    expect(store.audit).toEqual([expect.objectContaining({ actor: 'manager@demo', action: 'signals.transition', target: s.id, details: expect.objectContaining({ from: 'open', to: 'interpreted' }) })]);
  });

  it.each([
    ['council', 'interpreted'],
    ['analyst', 'on-agenda'],
    ['analyst', 'decided'],
  ] as const)('a %s may not move a signal to %s, and nothing is written', async (role, to) => {
    const s = signalRow(store, { status: to === 'decided' ? 'on-agenda' : 'open' });
    const who = role === 'council' ? council : analyst;
    await expect(service.transition(s.id, { status: to }, who)).rejects.toBeInstanceOf(ForbiddenError);
    expect(store.events).toEqual([]);
    expect(store.audit).toEqual([]);
  });

  it('an analyst may dismiss, with a reason', async () => {
    const s = signalRow(store);
    await expect(service.transition(s.id, { status: 'dismissed' }, analyst)).rejects.toBeInstanceOf(InvalidInputError);
    await service.transition(s.id, { status: 'dismissed', comment: 'Registratiefout bij de bron' }, analyst);
    expect(store.signals.get(s.id)!.status).toBe('dismissed');
  });

  it.each([
    ['closed', 'interpreted'],
    ['dismissed', 'interpreted'],
    ['open', 'decided'],
    ['decided', 'on-agenda'],
  ] as const)('a %s signal cannot move to %s (conflict, nothing written)', async (from, to) => {
    const s = signalRow(store, { status: from });
    await expect(service.transition(s.id, { status: to, comment: 'x' }, manager)).rejects.toBeInstanceOf(ConflictError);
    expect(store.signals.get(s.id)!.status).toBe(from);
    expect(store.events).toEqual([]);
  });

  it('on-agenda with a meeting puts it on that agenda once, and the history names the meeting', async () => {
    const meetingId = store.nextId();
    store.meetings.set(meetingId, { id: meetingId, date: '2026-12-10', title: 'Beleidstafel december', area: 'GM0518', created_by: 'x' });
    const s = signalRow(store);
    await service.transition(s.id, { status: 'on-agenda', meetingId }, manager);
    expect(store.items.map((i) => [i.meeting_id, i.signal_id])).toEqual([[meetingId, s.id]]);
    expect(store.events[0].comment).toBe('Op de agenda van Beleidstafel december (2026-12-10)');
  });

  it('an unknown meeting is a field error and leaves the signal as it was', async () => {
    const s = signalRow(store);
    await expect(service.transition(s.id, { status: 'on-agenda', meetingId: store.nextId() }, manager)).rejects.toBeInstanceOf(InvalidInputError);
    expect(store.signals.get(s.id)!.status).toBe('open');
    expect(store.items).toEqual([]);
  });
});
