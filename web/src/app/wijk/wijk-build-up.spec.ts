import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Signal } from 'contracts';
import { WijkBuildUp, escalations } from './wijk-build-up';

const sig = (id: string, quadrant: Signal['quadrant'], members: Signal['members'] = []): Signal =>
  ({
    id, rule: 'stacked-problems', quadrant, indicators: ['debt-signals'], subjects: ['WK01'], period: '2024', severity: 'high', status: 'open',
    title: { nl: `Signaal ${id}`, en: `Signal ${id}` }, explanation: '', question: '', strength: {}, evidence: null, memberCount: members.length, members,
  }) as unknown as Signal;
const member = (id: string, quadrant: 'I' | 'II' | 'III', status: 'open' | 'interpreted' = 'open') => ({
  id, rule: 'rising-trend' as const, indicators: ['debt-signals'], subjects: [`BU${id}`], period: '2024', status, quadrant, title: `Schulden in buurt ${id}`,
});

describe('wijk build-up', () => {
  it('keeps only collective signals that individual signals feed', () => {
    const list = [sig('e', 'IV', [member('1', 'I'), member('2', 'III')]), sig('p', 'III', [member('3', 'III')]), sig('i', 'II', [member('4', 'I')])];
    expect(escalations(list).map((e) => [e.signal.id, e.feeds.map((m) => m.id)])).toEqual([['e', ['1']]]);
  });

  it('shows which I/II signals feed which III/IV signal in the wijk', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WijkBuildUp);
    fixture.componentRef.setInput('code', 'WK051801');
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/v1/signals');
    expect(req.request.params.get('area')).toBe('WK051801');
    req.flush([sig('e1', 'IV', [member('1', 'I', 'interpreted'), member('2', 'II')]), sig('x', 'III')]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const blocks = el.querySelectorAll('[data-testid="escalation"]');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].querySelectorAll('[data-testid="member-row"]')).toHaveLength(2);
    expect(blocks[0].textContent).toContain('al geïnterpreteerd');
    expect(blocks[0].querySelector('p a')?.getAttribute('href')).toBe('/signalen/e1');
    expect(blocks[0].textContent).toContain('vormen samen');
  });

  it('says so when nothing escalates', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WijkBuildUp);
    fixture.componentRef.setInput('code', 'WK051801');
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/signals').flush([sig('x', 'III')]);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="no-build-up"]')).not.toBeNull();
  });
});
