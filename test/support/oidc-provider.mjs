// A real OpenID Connect provider for the tests (oidc-provider, certified), run as its own process
// because it is ESM with many ESM-only dependencies. Started by test/support/oidc.ts.
//   OIDC_PORT, OIDC_REDIRECT_URI, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET
// Accounts and their groups are set by the test: POST /test/accounts {"<sub>": {email, name, groups}}.
// The sign-in page is a plain form ("Gebruiker" + button), so a browser test can use it too.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  async findAccount(_ctx, id) {
    const a = accounts.get(id);
    if (!a) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: true, name: a.name, groups: a.groups }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  scopes: ['openid', 'offline_access', 'email', 'profile'],
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  conformIdTokenClaims: false,
  cookies: { keys: ['wijksignaal-test-cookie-key'] },
});

const readBody = (req) =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

const callback = provider.callback();
http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url, issuer);
      if (url.pathname === '/test/accounts' && req.method === 'POST') {
        for (const [id, a] of Object.entries(JSON.parse(await readBody(req)))) accounts.set(id, a);
        res.writeHead(204).end();
        return;
      }
      const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
      if (m && req.method === 'GET') {
        await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="nl"><head><title>Test-IdP</title></head><body><main><h1>Test-IdP</h1>
          <form method="post" action="/interaction/${m[1]}/login"><label for="login">Gebruiker</label>
          <input id="login" name="login" autocomplete="username"><button type="submit">Inloggen bij de test-IdP</button></form></main></body></html>`);
        return;
      }
      if (m && m[2] && req.method === 'POST') {
        const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
        const details = await provider.interactionDetails(req, res);
        if (!accounts.has(login)) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      callback(req, res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  })
  .listen(port, '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
