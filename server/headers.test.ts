/** The headers of every kind of answer, and Cloudflare Access in front of all of them. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { SCENARIOS } from './mock/scenarios';
import { createApp } from './node-app';
import { type AccessTeam, startAccessTeam } from './testing/access-keys';
import { listen, rawGet } from './testing/listen';
import { quiet } from './testing/quiet';

function dist() {
  const dir = mkdtempSync(join(tmpdir(), 'pi-headers-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><head></head><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-1.js'), 'export {};');
  return dir;
}

const healthy = SCENARIOS.find((s) => s.key === 'healthy');
const participant = `/api/sessions/${healthy?.sessionId}/participants/${healthy?.participantId}`;
const app = createApp(
  loadConfig({ DIST_DIR: dist(), FRAME_ANCESTORS: 'https://admin.example.com' }),
  quiet(),
);

const COMMON = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function expectCommon(res: Response) {
  for (const [name, value] of Object.entries(COMMON))
    expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('x-frame-options')).toBeNull();
  expect(res.headers.get('set-cookie')).toBeNull();
}

describe('GET deep links, / and unknown app paths (HTML)', () => {
  it.each(['/', '/sessions/s/participants/p', '/no/such/page'])(
    '%s carries the strict HTML policy',
    async (path) => {
      const res = await app.request(path);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expectCommon(res);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "connect-src 'self'",
        "frame-ancestors 'self' https://admin.example.com",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
    },
  );

  it('the not-built page carries it too', async () => {
    const unbuilt = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet());
    const res = await unbuilt.request('/sessions/s/participants/p');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expectCommon(res);
  });
});

describe('GET /api/* (JSON)', () => {
  it.each([participant, '/api/config', '/api/nope', '/api/sessions/a%252F/participants/b'])(
    '%s is JSON, never cached, never rendered',
    async (path) => {
      const res = await app.request(path);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; sandbox",
      );
      expectCommon(res);
    },
  );

  it('refuses a cross-site request', async () => {
    const res = await app.request(participant, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.kind).toBe('forbidden');
    const same = await app.request(participant, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(200);
  });
});

describe('GET /api/sessions/%2e%2e/participants/x (a raw target URL parsing would rewrite)', () => {
  it.each(['/api/sessions/%2e%2e/participants/x', '/api/sessions/a\\b/participants/x'])(
    '%s is a 400 JSON with a request id, the security headers and one log line',
    async (path) => {
      const options = quiet();
      const server = await listen(createApp(loadConfig({ DIST_DIR: dist() }), options));
      try {
        const res = await rawGet(server.port, path);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        const requestId = res.headers['x-request-id'];
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        const { error } = JSON.parse(res.body);
        expect(error).toMatchObject({ kind: 'invalid_request', request_id: requestId });
        for (const [name, value] of Object.entries(COMMON))
          expect(res.headers[name], name).toBe(value);
        expect(res.headers['content-security-policy']).toBe(
          "default-src 'none'; frame-ancestors 'none'; sandbox",
        );
        expect(options.lines).toEqual([
          expect.objectContaining({ msg: 'request', status: 400, request_id: requestId }),
        ]);
      } finally {
        await server.close();
      }
    },
  );
});

describe('GET /assets/* and the probes', () => {
  it('assets carry the common headers; /healthz and /readyz answer', async () => {
    expectCommon(await app.request('/assets/index-1.js'));
    expect((await app.request('/healthz')).status).toBe(200);
    expect(await (await app.request('/readyz')).json()).toEqual({ ready: true, problems: [] });
  });
});

describe('Cloudflare Access (ACCESS_TEAM_DOMAIN, ACCESS_AUD)', () => {
  let team: AccessTeam;
  let guarded: ReturnType<typeof createApp>;
  beforeAll(async () => {
    team = await startAccessTeam();
    guarded = createApp(
      loadConfig({
        DIST_DIR: dist(),
        ACCESS_TEAM_DOMAIN: team.teamDomain,
        ACCESS_AUD: team.audience,
      }),
      quiet(),
    );
  });
  afterAll(() => team.close());

  it('refuses every route without a valid token: static files and deep links too', async () => {
    for (const path of ['/', '/sessions/s/participants/p', '/assets/index-1.js', participant]) {
      const res = await guarded.request(path);
      expect(res.status, path).toBe(403);
      expectCommon(res);
    }
    const expired = await team.sign({ exp: Math.floor(Date.now() / 1000) - 3600 });
    expect(
      (await guarded.request(participant, { headers: { 'cf-access-jwt-assertion': expired } }))
        .status,
    ).toBe(403);
  });

  it('lets a signed-in agent through, and the probes stay open', async () => {
    const token = await team.sign();
    for (const path of ['/', participant]) {
      const res = await guarded.request(path, { headers: { 'cf-access-jwt-assertion': token } });
      expect(res.status, path).toBe(200);
    }
    expect((await guarded.request('/healthz')).status).toBe(200);
  });

  it('refuses to start with only one of the two variables', () => {
    expect(() => loadConfig({ ACCESS_TEAM_DOMAIN: 'team.cloudflareaccess.com' })).toThrow(
      /ACCESS_AUD is missing/,
    );
    expect(() => loadConfig({ ACCESS_AUD: 'x' })).toThrow(/ACCESS_TEAM_DOMAIN is missing/);
  });
});

describe('GET /api/* compression', () => {
  it('gzips JSON when the browser accepts it, error bodies (with their request id) included', async () => {
    const res = await app.request(participant, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(body.data.participant.id).toBe(healthy?.participantId);
    const missing = await app.request('/api/sessions/s/participants/nobody', {
      headers: { 'accept-encoding': 'gzip' },
    });
    const error = JSON.parse(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString('utf8'));
    expect(error.error.request_id).toBe(missing.headers.get('x-request-id'));
  });
});
