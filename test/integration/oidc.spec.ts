import { freePort, startTestIdp, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestIdp } from '../support/oidc';
import { DB_KINDS, startTestApp, type TestApp } from './harness';

/** Cookies by name, sent everywhere (both servers are 127.0.0.1, and cookies do not separate ports). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (gone || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/**
 * Single sign-on end to end (issue 12 §1): the app against a real OpenID provider (oidc-provider),
 * the full authorization code flow with PKCE without a browser, first sign-in provisioning, the
 * group → role/municipality mapping, and losing access at the next renewal when the group goes.
 */
describe.each(DB_KINDS)('single sign-on (OpenID Connect) on %s', (kind) => {
  let app: TestApp;
  let idp: TestIdp;

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestApp(kind, {
      OIDC_ISSUER: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      OIDC_ROLE_MAP: JSON.stringify({ 'ws-analisten': 'analyst', 'ws-raad': 'council', 'ws-beheer': 'admin' }),
      OIDC_MUNICIPALITY_MAP: JSON.stringify({ 'gemeente-denhaag': ['GM0518'], 'regio-haaglanden': ['GM0518', 'GM0599'] }),
      OIDC_LABEL: 'Gemeente Den Haag',
      LOCAL_LOGIN: 'false',
      TOKEN_CHECK_CACHE_MS: '0',
    });
    idp = await startTestIdp(port, `${app.url}/api/v1/auth/oidc/callback`);
    await idp.setAccounts({
      'u-1': { email: 'j.jansen@denhaag.nl', name: 'J. Jansen', groups: ['ws-analisten', 'gemeente-denhaag'] },
      'u-2': { email: 'p.pietersen@denhaag.nl', name: 'P. Pietersen', groups: ['intranet'] },
    });
  });
  afterAll(async () => {
    idp?.close();
    await app?.close();
  });

  /** The browser's part of the flow, with fetch: app → provider → sign-in form → provider → app. */
  async function signIn(login: string, jar = new Jar()): Promise<{ jar: Jar; final: Response }> {
    let res = await fetch(`${app.url}/api/v1/auth/oidc/login?returnTo=/signalen`, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    expect(res.status).toBe(302);
    let location = res.headers.get('location')!;
    const auth = new URL(location);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    for (let hop = 0; hop < 10; hop++) {
      const url = new URL(location, idp.issuer);
      if (url.pathname.startsWith('/interaction/') && !url.pathname.endsWith('/login')) {
        const form = await fetch(url, { headers: { cookie: jar.header() } });
        jar.take(form);
        expect(await form.text()).toContain('Gebruiker');
        res = await fetch(`${url.href}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login }).toString(),
        });
      } else {
        res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      }
      jar.take(res);
      if (url.href.startsWith(`${app.url}/api/v1/auth/oidc/callback`)) return { jar, final: res };
      location = res.headers.get('location') ?? '';
      if (!location) return { jar, final: res };
    }
    throw new Error('too many redirects');
  }

  const refresh = (jar: Jar) => fetch(`${app.url}/api/v1/auth/refresh`, { method: 'POST', headers: { cookie: jar.header() } });

  it('tells the login page to offer "Inloggen met <organisatie>" and no passwords', async () => {
    const res = await app.request('/api/v1/auth/config');
    expect(await res.json()).toEqual({ localLogin: false, oidc: { label: 'Gemeente Den Haag' } });
    const pw = await app.request('/api/v1/auth/login', { method: 'POST', json: { email: 'admin@demo.local', password: 'demo' } });
    expect(pw.status).toBe(403);
    expect((await pw.json()).code).toBe('auth.localLoginOff');
  });

  it('signs in through the provider (code flow + PKCE), provisions the user with role and scope from the groups', async () => {
    const { jar, final } = await signIn('u-1');
    expect(final.status).toBe(302);
    expect(final.headers.get('location')).toBe('/signalen');
    expect(jar.get('ws_refresh')).toBeTruthy();
    const r = await refresh(jar);
    expect(r.status).toBe(200);
    jar.take(r);
    const body = (await r.json()) as { accessToken: string; user: Record<string, unknown> };
    expect(body.user).toEqual({ email: 'j.jansen@denhaag.nl', name: 'J. Jansen', role: 'analyst', homeMunicipality: 'GM0518', scope: { municipalities: ['GM0518'] } });
    const me = await fetch(`${app.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    // Scope holds on the data routes for an SSO user too.
    const other = await fetch(`${app.url}/api/v1/summary/GM0599`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(other.status).toBe(403);
    const rows = (await app.running.database.dataSource.query(`SELECT oidc_subject AS sub FROM app_user WHERE email = 'j.jansen@denhaag.nl'`)) as { sub: string }[];
    expect(rows).toEqual([{ sub: 'u-1' }]);
  });

  it('follows the provider at each renewal: a wider group widens the scope, a removed group ends access', async () => {
    const { jar } = await signIn('u-1');
    await idp.setAccounts({ 'u-1': { email: 'j.jansen@denhaag.nl', name: 'J. Jansen', groups: ['ws-analisten', 'regio-haaglanden'] } });
    let r = await refresh(jar);
    expect(r.status).toBe(200);
    jar.take(r);
    expect(((await r.json()) as { user: { scope: unknown } }).user.scope).toEqual({ municipalities: ['GM0518', 'GM0599'] });

    await idp.setAccounts({ 'u-1': { email: 'j.jansen@denhaag.nl', name: 'J. Jansen', groups: ['intranet'] } });
    r = await refresh(jar);
    expect(r.status).toBe(401);
    expect((await r.json()).code).toBe('auth.oidcNoGroup');
  });

  it('refuses someone the provider knows but who is in no Wijksignaal group', async () => {
    const { final } = await signIn('u-2');
    expect(final.status).toBe(403);
    expect((await final.json()).code).toBe('auth.oidcNoGroup');
  });

  it('refuses a callback without the flow cookie (state/PKCE cannot be checked)', async () => {
    const res = await fetch(`${app.url}/api/v1/auth/oidc/callback?code=abc&state=xyz`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('auth.oidcFlow');
  });
});
