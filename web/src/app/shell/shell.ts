import '../core/i18n/messages';
import '../core/i18n/messages-access';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd } from '@angular/router';
import { EMPTY, catchError, filter, map, merge, switchMap, type Observable } from 'rxjs';
import { AlertsApi } from '../meldingen/alerts-api';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { I18nService } from '../core/i18n/i18n.service';
import { AUDIENCES } from 'contracts';
import { MessageKey } from '../core/i18n/messages';
import { TPipe } from '../core/i18n/t.pipe';
import { navItemsFor, type NavItem } from './nav-items';
import { CurrentMunicipality, sectionLink } from './current-municipality';
import { HeaderSearch } from './header-search';

@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TPipe, HeaderSearch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.css',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  protected readonly user = this.auth.user;
  protected readonly items = computed(() => navItemsFor(this.auth.role()));
  protected readonly roleKey = computed(() => `role.${this.auth.role() ?? AUDIENCES.least}` as MessageKey);
  private readonly current = inject(CurrentMunicipality);
  /** Section links carry the chosen municipality (issue 15: remembered in the URL). */
  protected link(item: NavItem): ReturnType<typeof sectionLink> {
    return sectionLink(item.path, this.current.code());
  }
  private readonly alerts = inject(AlertsApi);
  /** New signals matching my subscription since I last opened Signalen (the badge on Signalen). */
  protected readonly unread = signal(0);

  constructor() {
    // The badge is asked again after every navigation and after my subscription is saved (what
    // counts as new for me changes with it; the badge must not wait for the next page).
    // switchMap: only the latest ask's answer may set the badge. Otherwise a slow "unread" answer
    // from the page before could land after "seen", or after the save, and bring back a stale count.
    const navigated$ = this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    );
    const saved$ = this.alerts.subscriptionSaved$.pipe(map(() => this.router.url));
    merge(navigated$, saved$)
      .pipe(
        switchMap((url) => this.unreadAfter(url)),
        takeUntilDestroyed(),
      )
      .subscribe((count) => this.unread.set(count));
  }

  private unreadAfter(url: string): Observable<number> {
    if (!this.user()) return EMPTY;
    const path = url.split(/[?#]/)[0];
    const count$ = path === '/signalen' ? this.alerts.seen().pipe(map(() => 0)) : this.alerts.unread().pipe(map((r) => r.count));
    return count$.pipe(catchError(() => EMPTY));
  }

  protected readonly otherLang = computed(() => (this.i18n.lang() === 'nl' ? 'en' : 'nl'));

  protected logout(): void {
    this.auth.signOut().subscribe(() => void this.router.navigate(['/login']));
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}
