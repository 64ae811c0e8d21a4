import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService, interpolate } from './i18n.service';
import { TPipe } from './t.pipe';

@Component({
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'nav.wijken' | t }}</h1><button (click)="i18n.toggle()">{{ 'lang.switch' | t }}</button>`,
})
class Host {
  protected readonly i18n = inject(I18nService);
}

describe('I18nService and t pipe', () => {
  beforeEach(() => localStorage.clear());

  it('is Dutch by default and switches to English without reload', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent).toBe('Wijken');
    expect(document.documentElement.lang).toBe('nl');

    el.querySelector('button')!.click();
    await fixture.whenStable();

    expect(el.querySelector('h1')?.textContent).toBe('Districts');
    expect(el.querySelector('button')?.textContent).toBe('Nederlands');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('wijksignaal.lang')).toBe('en');
  });

  it('picks localized API texts and fills placeholders', () => {
    const i18n = TestBed.inject(I18nService);
    i18n.setLang('en');
    expect(i18n.text({ nl: 'In de wijk', en: 'In the neighbourhood' })).toBe('In the neighbourhood');
    expect(i18n.text('plain')).toBe('plain');
    expect(i18n.t('wijken.districts', { name: 'Ede' })).toBe('Districts of Ede');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
