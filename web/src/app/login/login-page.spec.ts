import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth.interceptor';
import { AuthService } from '../core/auth/auth.service';
import { LoginPage, safeReturnUrl } from './login-page';

describe('LoginPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
  });

  async function fillAndSubmit(email: string, password: string) {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('#login-email') as HTMLInputElement).value = email;
    (el.querySelector('#login-password') as HTMLInputElement).value = password;
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    return { fixture, el };
  }

  it('has labelled fields', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('label[for="login-email"]')?.textContent).toContain('E-mailadres');
    expect(el.querySelector('label[for="login-password"]')?.textContent).toContain('Wachtwoord');
    expect(el.querySelector('h1')?.textContent).toContain('Inloggen');
  });

  it('shows the message of the API as an alert when login fails', async () => {
    const { fixture, el } = await fillAndSubmit('analyst@demo.local', 'wrong');
    const http = TestBed.inject(HttpTestingController);
    const req = http.expectOne('/api/v1/auth/login');
    expect(req.request.body).toEqual({ email: 'analyst@demo.local', password: 'wrong' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({ statusCode: 401, message: 'E-mail address or password is incorrect', code: 'auth.invalidCredentials' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('E-mailadres of wachtwoord klopt niet.');
    expect(alert?.textContent).not.toContain('incorrect');
    expect(el.querySelector('#login-email')?.getAttribute('aria-invalid')).toBe('true');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
  });

  it('stores the session and goes to the return URL on success', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const { fixture } = await fillAndSubmit('analyst@demo.local', 'demo');
    fixture.componentRef.setInput('returnUrl', '/wijken/GM0518');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/login')
      .flush({ accessToken: 'jwt', expiresIn: 900, user: { email: 'analyst@demo.local', name: 'Ana', role: 'analyst' } });
    await fixture.whenStable();

    const auth = TestBed.inject(AuthService);
    expect(auth.role()).toBe('analyst');
    expect(auth.token()).toBe('jwt');
    expect(navigate).toHaveBeenCalledWith('/wijken/GM0518');
  });

  it('never returns to another origin', () => {
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl('/signalen?status=open')).toBe('/signalen?status=open');
  });
});
