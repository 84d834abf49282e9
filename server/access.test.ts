import { Hono } from 'hono';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AccessVariables, accessGuard, accessIssuer, createAccessVerifier } from './access';
import { type AccessTeam, startAccessTeam } from './testing/access-keys';
import { recordingUpstream } from './testing/listen';

let team: AccessTeam;
let app: Hono<{ Variables: AccessVariables }>;
/** The email each handler saw; empty when the guard stopped the request. */
const ran: Array<string | null> = [];

beforeAll(async () => {
  team = await startAccessTeam();
  const verify = createAccessVerifier({ teamDomain: team.teamDomain, audience: team.audience });
  app = new Hono<{ Variables: AccessVariables }>();
  app.use('*', accessGuard(verify));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', (c) => c.json({ ok: true }));
  app.get('/api/x', (c) => {
    ran.push(c.get('accessEmail'));
    return c.json({ ok: true });
  });
  app.get('/sessions/:session/participants/:participant', (c) => {
    ran.push(c.get('accessEmail'));
    return c.html('<div id="root"></div>');
  });
});
afterAll(() => team.close());
beforeEach(() => {
  ran.length = 0;
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens that must all be refused; built lazily, once the team's server is up. */
const refused: Array<[string, () => Promise<string | undefined>]> = [
  ['no token', async () => undefined],
  ['garbage', async () => 'not.a.jwt'],
  ['an expired token', () => team.sign({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 120 })],
  ['a token not valid yet', () => team.sign({ nbf: now() + 120 })],
  ['a token without exp', () => team.sign({ exp: undefined })],
  ['a token for another application', () => team.sign({ aud: ['someone-elses-aud'] })],
  ['a token from another team', () => team.sign({ iss: 'https://evil.cloudflareaccess.com' })],
  [
    'an unsigned token (alg: none)',
    async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(team.claims())}.`,
  ],
  [
    'HS256 signed with the public key as the HMAC secret',
    async () => {
      const secret = new TextEncoder().encode(await exportSPKI(team.publicKey));
      return new SignJWT(team.claims())
        .setProtectedHeader({ alg: 'HS256', kid: team.kid, typ: 'JWT' })
        .sign(secret);
    },
  ],
  [
    'RS256 signed by a stranger key (unknown kid)',
    async () => team.sign({}, (await generateKeyPair('RS256')).privateKey, 'stranger-key'),
  ],
  [
    'RS256 signed by a stranger key under the team kid',
    async () => team.sign({}, (await generateKeyPair('RS256')).privateKey),
  ],
];

function withToken(token: string | undefined): RequestInit {
  return token ? { headers: { 'cf-access-jwt-assertion': token } } : {};
}

describe('GET /api/x behind accessGuard', () => {
  it.each(refused)('refuses %s with a JSON 403', async (_name, makeToken) => {
    const token = await makeToken();
    const res = await app.request('/api/x', withToken(token));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    if (token) expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual({
      success: false,
      error: { code: 403, message: expect.any(String), kind: 'forbidden' },
    });
    expect(ran).toEqual([]);
  });

  it('lets a valid token in the header through and sets the email', async () => {
    const res = await app.request('/api/x', withToken(await team.sign()));
    expect(res.status).toBe(200);
    expect(ran).toEqual(['ada@example.com']);
  });

  it('does not rescue a bad header with a good cookie', async () => {
    const res = await app.request('/api/x', {
      headers: {
        'cf-access-jwt-assertion': 'not.a.jwt',
        cookie: `CF_Authorization=${await team.sign()}`,
      },
    });
    expect(res.status).toBe(403);
    expect(ran).toEqual([]);
  });
});

describe('GET /sessions/:session/participants/:participant behind accessGuard', () => {
  it.each(refused)('refuses %s with an HTML 403', async (_name, makeToken) => {
    const token = await makeToken();
    const res = await app.request('/sessions/a/participants/b', withToken(token));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await res.text();
    if (token) expect(text).not.toContain(token);
    expect(text).toContain('Access required');
    expect(ran).toEqual([]);
  });

  it('lets a valid token in the CF_Authorization cookie through', async () => {
    const res = await app.request('/sessions/a/participants/b', {
      headers: { cookie: `theme=dark; CF_Authorization=${await team.sign()}` },
    });
    expect(res.status).toBe(200);
    expect(ran).toEqual(['ada@example.com']);
  });
});

describe.each(['/healthz', '/readyz'])('GET %s behind accessGuard', (path) => {
  it('stays open to probes without a token', async () => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
  });
});

describe('createAccessVerifier', () => {
  it('fetches the key set once and reuses it', async () => {
    const verify = createAccessVerifier({ teamDomain: team.teamDomain, audience: team.audience });
    const before = team.certsRequests;
    for (let i = 0; i < 5; i += 1) expect(await verify(await team.sign())).not.toBeNull();
    expect(team.certsRequests - before).toBe(1);
  });

  it('names a service token by its common_name', async () => {
    const verify = createAccessVerifier({ teamDomain: team.teamDomain, audience: team.audience });
    const token = await team.sign({ email: '', sub: '', common_name: 'abc123.access' });
    expect(await verify(token)).toEqual({ email: null, subject: 'abc123.access' });
  });

  it('fails closed, with a log line and no token in it, when the key server is down', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Port 1 on loopback: nothing listens there, so the key fetch is refused at once.
    const verify = createAccessVerifier({
      teamDomain: 'http://127.0.0.1:1',
      audience: team.audience,
    });
    const token = await team.sign();
    await expect(verify(token)).resolves.toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(token);
    warn.mockRestore();
  });

  /** A key server for the team's key that answers 503 while `down`; `seen` counts its fetches. */
  async function flakyKeyServer() {
    const jwk = { ...(await exportJWK(team.publicKey)), kid: team.kid, alg: 'RS256' };
    const keys = await recordingUpstream((_req, res) => {
      if (server.down) res.writeHead(503).end();
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [jwk] }));
    });
    const server = {
      down: true,
      seen: keys.seen,
      verify: createAccessVerifier({ teamDomain: keys.url, audience: team.audience }),
      sign: (overrides: JWTPayload = {}, key?: CryptoKey, keyId?: string) =>
        team.sign({ iss: keys.url, ...overrides }, key, keyId),
      close: keys.close,
    };
    return server;
  }
  const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it('during a key-server outage fetches once and warns once per 30 s, then tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    const keys = await flakyKeyServer();
    const token = await keys.sign();
    try {
      for (let i = 0; i < 5; i += 1) expect(await keys.verify(token)).toBeNull();
      const together = await Promise.all(Array.from({ length: 5 }, () => keys.verify(token)));
      expect(together).toEqual([null, null, null, null, null]);
      later(29_000);
      expect(await keys.verify(token)).toBeNull();
      expect(keys.seen).toHaveLength(1);
      expect(warn).toHaveBeenCalledOnce();
      // The window is over: the next request asks again, and a failure is said again.
      later(1_000);
      expect(await keys.verify(token)).toBeNull();
      expect(keys.seen).toHaveLength(2);
      expect(warn).toHaveBeenCalledTimes(2);
      // Back up: the first request after the window gets the keys.
      keys.down = false;
      later(30_000);
      expect(await keys.verify(token)).toMatchObject({ email: 'ada@example.com' });
      expect(keys.seen).toHaveLength(3);
    } finally {
      vi.useRealTimers();
      warn.mockRestore();
      await keys.close();
    }
  });

  it('keeps accepting tokens signed with keys it holds while the key server is down', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    const keys = await flakyKeyServer();
    keys.down = false;
    const token = await keys.sign();
    const stranger = await keys.sign({}, (await generateKeyPair('RS256')).privateKey, 'new-key');
    try {
      expect(await keys.verify(token)).not.toBeNull();
      keys.down = true;
      // Past jose's cooldown, an unknown kid makes it fetch again: that fetch fails.
      later(31_000);
      expect(await keys.verify(stranger)).toBeNull();
      expect(await keys.verify(token)).toMatchObject({ email: 'ada@example.com' });
      expect(await keys.verify(stranger)).toBeNull();
      expect(keys.seen).toHaveLength(2);
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
      warn.mockRestore();
      await keys.close();
    }
  });
});

describe('accessIssuer', () => {
  it('turns a team domain into its https issuer and key set URL', () => {
    const { issuer, certsUrl } = accessIssuer('myteam.cloudflareaccess.com');
    expect(issuer).toBe('https://myteam.cloudflareaccess.com');
    expect(certsUrl.href).toBe('https://myteam.cloudflareaccess.com/cdn-cgi/access/certs');
    expect(accessIssuer('https://myteam.cloudflareaccess.com/').issuer).toBe(issuer);
  });

  it('accepts a plain-http origin on loopback only', () => {
    expect(accessIssuer('http://127.0.0.1:9999').issuer).toBe('http://127.0.0.1:9999');
    expect(() => accessIssuer('http://myteam.cloudflareaccess.com')).toThrow(/ACCESS_TEAM_DOMAIN/);
  });

  it.each([
    'myteam',
    'https://myteam.cloudflareaccess.com/path',
    'https://user@myteam.cloudflareaccess.com',
    '',
  ])('refuses %j', (value) => {
    expect(() => accessIssuer(value)).toThrow(/ACCESS_TEAM_DOMAIN/);
  });
});
