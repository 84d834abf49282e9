/**
 * A fault-injecting local upstream drives every failure the proxy must survive; each case
 * checks what the browser gets and how many calls reached the upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { liveServer } from '../testing/listen';

const TOKEN = 'cf-fault-token-9Qw2Er4Ty6Ui8Op0';
const ACCOUNT = 'fedcba9876543210fedcba9876543210';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

const participant = (leftAt?: string) =>
  json(200, {
    success: true,
    data: { participant: { id: 'p', joined_at: '2026-11-21T14:00:00Z', left_at: leftAt } },
  });

/** A proxy in live mode in front of a scripted upstream, with its own settings. */
async function rig(env: Record<string, string> = {}) {
  const live = await liveServer({
    token: TOKEN,
    accountId: ACCOUNT,
    answer: participant('2026-11-21T15:00:00Z'),
    env: { UPSTREAM_TIMEOUT_MS: '300', ...env },
  });
  return {
    ...live,
    get: (path = '/api/sessions/s/participants/p', init?: RequestInit) => live.get(path, init),
  };
}

type Rig = Awaited<ReturnType<typeof rig>>;

async function errorOf(res: Response) {
  const text = await res.text();
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(ACCOUNT);
  const body = JSON.parse(text);
  expect(body.error.request_id).toBe(res.headers.get('x-request-id'));
  return body.error as { code: number; kind: string; message: string };
}

describe('GET /api/sessions/:sid/participants/:pid — upstream faults', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig({ BREAKER_FAILURES: '1000' });
  });
  afterAll(() => r.close());
  afterEach(() => {
    r.upstream.seen.length = 0;
  });

  it.each([408, 502, 503, 504])(
    'retries HTTP %i twice, then answers with its own error',
    async (status) => {
      r.set(json(status, { success: false, errors: [{ code: 1, message: 'upstream words' }] }));
      const res = await r.get(`/api/sessions/s/participants/retry-${status}`);
      expect(r.upstream.seen).toHaveLength(3);
      const error = await errorOf(res);
      expect(error.message).not.toContain('upstream words');
      expect(res.status).toBe(status === 504 ? 504 : 502);
    },
  );

  it('retries a dropped connection twice', async () => {
    r.set((_req, res) => res.socket?.destroy());
    const res = await r.get('/api/sessions/s/participants/dropped');
    expect(r.upstream.seen).toHaveLength(3);
    expect(res.status).toBe(502);
    expect((await errorOf(res)).kind).toBe('upstream_unreachable');
  });

  it.each([400, 401, 403, 404])('never retries HTTP %i', async (status) => {
    r.set(json(status, { success: false, errors: [{ code: 10000, message: `secret ${TOKEN}` }] }));
    const res = await r.get(`/api/sessions/s/participants/no-retry-${status}`);
    expect(r.upstream.seen).toHaveLength(1);
    const error = await errorOf(res);
    expect(error.message).not.toContain('secret');
    if (status === 401 || status === 403) {
      expect(res.status).toBe(403);
      expect(error.kind).toBe('upstream_unauthorized');
      expect(error.message).toContain("refused this server's API token");
    }
  });

  it('aborts a silent upstream after the per-attempt timeout, retries, then answers 504', async () => {
    r.set(() => undefined);
    const started = Date.now();
    const res = await r.get('/api/sessions/s/participants/silent');
    expect(res.status).toBe(504);
    expect((await errorOf(res)).kind).toBe('upstream_timeout');
    expect(r.upstream.seen).toHaveLength(3);
    // Each attempt really ended: the upstream saw its connection close.
    await expect.poll(() => r.closed.filter((u) => u.includes('silent')).length).toBe(3);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('aborts the upstream call when the browser goes away', async () => {
    r.set(() => undefined);
    const controller = new AbortController();
    const pending = r.get('/api/sessions/s/participants/leaving', { signal: controller.signal });
    await expect.poll(() => r.upstream.seen.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => r.closed.filter((u) => u.includes('leaving')).length).toBe(1);
    // And it is not retried for nobody.
    expect(r.upstream.seen).toHaveLength(1);
  });

  it('never passes an HTML or truncated body through', async () => {
    r.set((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Cloudflare error 1101</body></html>');
    });
    const html = await r.get('/api/sessions/s/participants/html');
    expect(html.status).toBe(502);
    expect((await errorOf(html)).message).toContain('an HTML page');
    r.set((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true,"data":{"partic');
    });
    const cut = await r.get('/api/sessions/s/participants/cut');
    expect(cut.status).toBe(502);
    expect((await errorOf(cut)).kind).toBe('upstream_bad_body');
  });

  it('passes an upstream 429 on with its Retry-After and does not retry it', async () => {
    r.set(json(429, { success: false }, { 'retry-after': '17' }));
    const res = await r.get('/api/sessions/s/participants/limited');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('17');
    expect(r.upstream.seen).toHaveLength(1);
  });
});

describe('the overall deadline and the circuit breaker', () => {
  it('gives up at the deadline, whatever retries are left', async () => {
    const r = await rig({ UPSTREAM_TIMEOUT_MS: '400', UPSTREAM_DEADLINE_MS: '500' });
    r.set(() => undefined);
    const started = Date.now();
    const res = await r.get();
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(r.upstream.seen.length).toBeLessThanOrEqual(2);
    await r.close();
  });

  it('counts a request cut by the deadline as a timeout for the breaker (a 504, never an empty 499)', async () => {
    const r = await rig({
      UPSTREAM_TIMEOUT_MS: '400',
      UPSTREAM_DEADLINE_MS: '500',
      BREAKER_FAILURES: '1',
    });
    r.set(() => undefined);
    const res = await r.get();
    expect(res.status).toBe(504);
    expect((await errorOf(res)).kind).toBe('upstream_timeout');
    expect((await r.get('/readyz')).status).toBe(503);
    await r.close();
  });

  it('opens after repeated failures: 503 with Retry-After, the upstream left alone', async () => {
    const r = await rig({ BREAKER_FAILURES: '2', BREAKER_COOLDOWN_MS: '60000' });
    r.set(json(503, {}));
    expect((await r.get('/api/sessions/s/participants/a')).status).toBe(502);
    expect((await r.get('/api/sessions/s/participants/b')).status).toBe(502);
    const calls = r.upstream.seen.length;
    const res = await r.get('/api/sessions/s/participants/c');
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50);
    expect((await errorOf(res)).kind).toBe('upstream_unavailable');
    expect(r.upstream.seen).toHaveLength(calls);
    const ready = await r.get('/readyz');
    expect(ready.status).toBe(503);
    await r.close();
  });
});

describe('quota protection', () => {
  it('coalesces identical requests in flight into one upstream call', async () => {
    const r = await rig();
    r.set((req, res) => setTimeout(() => participant()(req, res), 150));
    const answers = await Promise.all(Array.from({ length: 5 }, () => r.get()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(r.upstream.seen).toHaveLength(1);
    await r.close();
  });

  it('serves a finished participant from the cache, asks again for one still in the session', async () => {
    const r = await rig();
    r.set(participant('2026-11-21T15:00:00Z'));
    await r.get('/api/sessions/s/participants/left');
    await r.get('/api/sessions/s/participants/left');
    expect(r.upstream.seen).toHaveLength(1);
    r.set(participant());
    await r.get('/api/sessions/s/participants/live');
    await r.get('/api/sessions/s/participants/live');
    expect(r.upstream.seen).toHaveLength(3);
    await r.close();
  });

  it('keeps upstream calls within the global budget: 429 with Retry-After beyond it', async () => {
    const r = await rig({ UPSTREAM_BUDGET: '3', CACHE_TTL_MS: '0' });
    for (const id of ['a', 'b', 'c'])
      expect((await r.get(`/api/sessions/s/participants/${id}`)).status).toBe(200);
    const over = await r.get('/api/sessions/s/participants/d');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.upstream.seen).toHaveLength(3);
    await r.close();
  });

  it('counts retries against the global budget too', async () => {
    const r = await rig({ UPSTREAM_BUDGET: '2', CACHE_TTL_MS: '0' });
    r.set(json(503, {}));
    // The first attempt and one retry spend the budget; the second retry is not made.
    expect((await r.get('/api/sessions/s/participants/a')).status).toBe(502);
    expect(r.upstream.seen).toHaveLength(2);
    const over = await r.get('/api/sessions/s/participants/b');
    expect(over.status).toBe(429);
    expect(r.upstream.seen).toHaveLength(2);
    await r.close();
  });

  it('limits each agent: 429 with Retry-After past the per-user limit', async () => {
    const r = await rig({ RATE_LIMIT_PER_USER: '2' });
    expect((await r.get('/api/sessions/s/participants/a')).status).toBe(200);
    expect((await r.get('/api/sessions/s/participants/b')).status).toBe(200);
    const over = await r.get('/api/sessions/s/participants/c');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(over)).message).toContain('Too many lookups');
    await r.close();
  });
});

describe('logs', () => {
  it('logs one line per request with route, status, duration and id, and never a token or id', async () => {
    const r = await rig();
    await r.get('/api/sessions/secret-session/participants/secret-participant', {
      headers: { authorization: `Bearer ${TOKEN}`, 'cf-access-jwt-assertion': 'jwt-value' },
    });
    const text = JSON.stringify(r.logs);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('jwt-value');
    expect(text).not.toContain('secret-session');
    expect(r.logs.at(-1)).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/sessions/:session_id/participants/:participant_id',
      status: 200,
    });
    expect(r.logs.at(-1)?.request_id).toMatch(/^[\w-]{36}$/);
    await r.close();
  });
});
