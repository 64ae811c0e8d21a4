import type { Principal } from '../common/principal';
import { ConflictError } from '../common/errors';
import type { AreasRepository } from '../areas/areas.repository';
import type { SignalsService } from '../signals/signals.service';
import { FakeStore, fakeAgenda, fakeAnnotations, fakeAudit, fakeDb, fakeMeetings, fakeSignals, signalRow } from '../testing/fakes';
import { MeetingsService } from './meetings.service';

/** The policy table's rules without HTTP (issue 10 item 8): agenda, decisions, annotations. */
describe('MeetingsService (fake repositories)', () => {
  const p: Principal = { kind: 'user', id: 'u1', actor: 'manager@demo', role: 'manager', scopes: [] } as unknown as Principal;
  let store: FakeStore;
  let service: MeetingsService;
  let meetingId: string;

  beforeEach(() => {
    store = new FakeStore();
    service = new MeetingsService(
      fakeMeetings(store),
      fakeSignals(store),
      {} as SignalsService,
      fakeAnnotations(store),
      fakeDb(store),
      fakeAudit(store),
      {} as AreasRepository,
      fakeAgenda(store),
    );
    jest.spyOn(service, 'get').mockImplementation(async (id) => ({ id, items: store.items.map((i) => ({ id: i.id })) }) as never);
    meetingId = store.nextId();
    store.meetings.set(meetingId, { id: meetingId, date: '2026-12-10', title: 'Beleidstafel december', area: 'GM0518', created_by: 'x' });
  });

  it('adding an open signal puts it on the agenda and moves it to on-agenda; twice is a conflict', async () => {
    const s = signalRow(store);
    await service.addItem(meetingId, { signalId: s.id, notes: 'Graag met de corporatie' }, p);
    expect(store.signals.get(s.id)!.status).toBe('on-agenda');
    expect(store.events).toEqual([{ signalId: s.id, actor: 'manager@demo', from: 'open', to: 'on-agenda', comment: 'Graag met de corporatie' }]);
    await expect(service.addItem(meetingId, { signalId: s.id }, p)).rejects.toBeInstanceOf(ConflictError);
    expect(store.items).toHaveLength(1);
  });

  it('a closed signal cannot be put on the agenda, and nothing is written', async () => {
    const s = signalRow(store, { status: 'closed' });
    await expect(service.addItem(meetingId, { signalId: s.id }, p)).rejects.toBeInstanceOf(ConflictError);
    expect(store.items).toEqual([]);
    expect(store.audit).toEqual([]);
  });

  it('a decision moves the signal to decided and becomes one dated annotation; a correction updates it', async () => {
    const s = signalRow(store, { subjects: ['WK051801'] });
    await service.addItem(meetingId, { signalId: s.id }, p);
    const itemId = store.items[0].id;
    await service.decide(meetingId, itemId, { decision: 'Loket terug in de wijk', effectDueOn: '2027-06-01' }, p);
    expect(store.signals.get(s.id)!.status).toBe('decided');
    expect(store.items[0]).toMatchObject({ decision: 'Loket terug in de wijk', effect_due_on: '2027-06-01' });
    expect(store.annotations).toEqual([
      expect.objectContaining({ date: '2026-12-10', area: 'WK051801', indicators: ['debt-signals'], textNl: 'Besluit beleidstafel 2026-12-10: Loket terug in de wijk' }),
    ]);

    await service.decide(meetingId, itemId, { decision: 'Loket terug, twee dagen per week' }, p);
    expect(store.signals.get(s.id)!.status).toBe('decided');
    expect(store.annotations).toHaveLength(1);
    expect(store.annotations[0].textNl).toBe('Besluit beleidstafel 2026-12-10: Loket terug, twee dagen per week');
    expect(store.events.at(-1)).toMatchObject({ from: 'decided', to: 'decided' });
  });

  it('a decision has an owner (an active manager, analyst or admin) and a deadline before its follow-up', async () => {
    const [mira, raad] = [store.nextId(), store.nextId()];
    store.users.push({ id: mira, name: 'Mira Manager', role: 'manager', active: true }, { id: raad, name: 'Raadslid', role: 'council', active: true });
    const s = signalRow(store);
    await service.addItem(meetingId, { signalId: s.id }, p);
    const itemId = store.items[0].id;
    await expect(service.decide(meetingId, itemId, { decision: 'x', ownerId: raad }, p)).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'ownerId' })] });
    await expect(service.decide(meetingId, itemId, { decision: 'x', deadline: '2027-03-01', effectDueOn: '2027-02-01' }, p)).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'effectDueOn' })],
    });
    expect(store.signals.get(s.id)!.status).toBe('on-agenda');
    await service.decide(meetingId, itemId, { decision: 'Loket terug', ownerId: mira, deadline: '2027-03-01', effectDueOn: '2027-06-01' }, p);
    expect(store.items[0]).toMatchObject({ owner_id: mira, owner_name: 'Mira Manager', deadline: '2027-03-01', effect_due_on: '2027-06-01' });
    expect(store.audit.at(-1)).toMatchObject({ action: 'meetings.item.decide', details: expect.objectContaining({ ownerId: mira, deadline: '2027-03-01' }) });
  });

  it('an effect date before the meeting is a field error', async () => {
    const s = signalRow(store);
    await service.addItem(meetingId, { signalId: s.id }, p);
    await expect(service.decide(meetingId, store.items[0].id, { decision: 'x', effectDueOn: '2026-01-01' }, p)).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'effectDueOn' })],
    });
    expect(store.signals.get(s.id)!.status).toBe('on-agenda');
  });

  it('a signal that is not on the agenda cannot receive a decision; the transaction writes nothing', async () => {
    const s = signalRow(store);
    await service.addItem(meetingId, { signalId: s.id }, p);
    store.signals.get(s.id)!.status = 'dismissed';
    const before = store.events.length;
    await expect(service.decide(meetingId, store.items[0].id, { decision: 'x' }, p)).rejects.toBeInstanceOf(ConflictError);
    expect(store.events).toHaveLength(before);
    expect(store.annotations).toEqual([]);
  });
});
