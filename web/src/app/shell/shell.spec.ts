import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from 'contracts';
import { storeSession } from '../testing/session';
import { Shell } from './shell';

async function navLabels(role: Role): Promise<string[]> {
  storeSession(role);
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  const links = (fixture.nativeElement as HTMLElement).querySelectorAll('nav a');
  return Array.from(links, (a) => a.textContent!.trim());
}

describe('Shell navigation', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('shows a council member only Overzicht and Raad', async () => {
    expect(await navLabels('council')).toEqual(['Overzicht', 'Raad', 'Meldingen']);
  });

  it('hides Data and Beheer from a manager', async () => {
    expect(await navLabels('manager')).toEqual(['Overzicht', 'Wijken', 'Verkenner', 'Signalen', 'Beleidstafel', 'Raad', 'Meldingen']);
  });

  it('hides only Beheer from an analyst', async () => {
    expect(await navLabels('analyst')).toEqual(['Overzicht', 'Wijken', 'Verkenner', 'Signalen', 'Beleidstafel', 'Raad', 'Data', 'Meldingen']);
  });

  it('shows an admin everything', async () => {
    expect(await navLabels('admin')).toHaveLength(9);
  });

  it('has landmarks, a skip link and the user with role', async () => {
    storeSession('manager', 'Mia Manager');
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('header')).not.toBeNull();
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Hoofdmenu');
    expect(el.querySelector('main#main')).not.toBeNull();
    expect(el.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(el.textContent).toContain('Ingelogd als Mia Manager (teammanager)');
  });
});
