import { Component, signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AreaSummary } from 'contracts';
import { MunicipalityPicker } from './municipality-picker';

const area = (code: string, name: string): AreaSummary => ({ code, name, level: 'municipality', parentCode: null }) as AreaSummary;
const LIST = [area('GM0599', 'Rotterdam'), area('GM0518', "'s-Gravenhage"), area('GM0228', 'Ede')];

@Component({
  imports: [MunicipalityPicker],
  template: `<app-municipality-picker [selected]="selected()" (picked)="picks.push($event); selected.set($event)" />`,
})
class Host {
  readonly selected = signal<string | null>('GM0599');
  readonly picks: string[] = [];
}

describe('MunicipalityPicker', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('input') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    const submit = () => (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const answer = async () => {
      http.expectOne((r) => r.url === '/api/v1/areas').flush(LIST);
      http.expectOne('/api/v1/areas/coverage').flush([{ code: 'GM0518' }]);
      await fixture.whenStable();
    };
    return { fixture, el, input, type, submit, answer };
  }

  it('resolves an everyday name once the list is there', async () => {
    const { fixture, input, type, submit, answer } = await render();
    await answer();
    expect(input.value).toBe('Rotterdam (GM0599)');
    type('Den Haag');
    submit();
    await fixture.whenStable();
    expect(fixture.componentInstance.picks).toEqual(['GM0518']);
    expect(input.value).toBe("'s-Gravenhage (GM0518)");
  });

  it('keeps what the user typed while the list loads and carries out her choice when it arrives', async () => {
    const { fixture, el, input, type, submit, answer } = await render();
    type('den haag');
    submit();
    await fixture.whenStable();
    expect(fixture.componentInstance.picks).toEqual([]);
    expect(el.querySelector('[role="alert"]')).toBeNull(); // not refused as unknown
    await answer();
    expect(fixture.componentInstance.picks).toEqual(['GM0518']);
    expect(input.value).toBe("'s-Gravenhage (GM0518)");
  });

  it('does not overwrite typing with the label that arrives late', async () => {
    const { fixture, input, type, answer } = await render();
    type('Ed');
    await fixture.whenStable();
    await answer();
    expect(input.value).toBe('Ed');
    expect(fixture.componentInstance.picks).toEqual([]);
  });

  it('says so when a name matches no municipality', async () => {
    const { fixture, el, type, submit, answer } = await render();
    await answer();
    type('Atlantis');
    submit();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Atlantis');
    expect(fixture.componentInstance.picks).toEqual([]);
  });
});
