/**
 * Failures that must stay small, driven through the real server (live mode, Node's own
 * transport) against a local upstream double that misbehaves: a call that never answers while
 * the heap is collected, bodies that never end or inflate past the limit, one participant that
 * keeps failing, a probe abandoned by its browser, broken headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { liveServer, streamSpaces } from '../testing/listen';

const TOKEN = 'cf-resilience-token-H7gF5dS3aQ1w';
const ACCOUNT = '0123456789abcdef0123456789abcdef';

setFlagsFromString('--expose-gc');
/** A full, major collection, as `node --expose-gc` gives it. */
const gc: () => void = runInNewContext('gc');

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const participant: Answer = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ success: true, data: { participant: { id: 'p' } } }));
};

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A live-mode server with Node's real transport in front of `answer`, closed after the test. */
async function rig(answer: Answer, env: Record<string, string> = {}) {
  const live = await liveServer({ token: TOKEN, accountId: ACCOUNT, answer, env });
  closing.push(live.close);
  return live;
}

/** Whether /readyz names the open circuit (the test server has no built app, so never ready). */
const circuitOpen = async (r: { get: (path: string) => Promise<Response> }) =>
  JSON.stringify(await (await r.get('/readyz')).json()).includes('circuit open');

const kindOf = async (res: Response) =>
  ((await res.json()) as { error: { kind: string; message: string } }).error;

/** Allocates and drops ~`mb` MB in short-lived objects, as other agents' large pages do. */
function churn(mb: number) {
  let keep: unknown[] = [];
  for (let i = 0; i < mb; i++) {
    keep.push(new Array(32_768).fill({ i }));
    if (keep.length > 8) keep = [];
  }
  return keep.length;
}

/** Major collections while `pending` is open, as other agents' large pages cause: aborts must survive them. */
async function whileCollecting(pending: Promise<Response>): Promise<Response> {
  let settled = false;
  void pending.finally(() => {
    settled = true;
  });
  const started = Date.now();
  while (!settled && Date.now() - started < 4_000) {
    churn(64);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return pending;
}

describe('aborts that always arrive', () => {
  it('ends a hung lookup with 504 by the deadline while the heap is collected, and closes the upstream call', async () => {
    const r = await rig(() => undefined, {
      UPSTREAM_TIMEOUT_MS: '400',
      UPSTREAM_DEADLINE_MS: '900',
    });
    const started = Date.now();
    const res = await whileCollecting(r.get('/api/sessions/s/participants/hung'));
    expect(res.status).toBe(504);
    // The deadline plus room for the forced collections on a busy machine; unfixed, it hung.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await kindOf(res)).message).toMatch(/did not answer within 0\.4 s/);
    // Every attempt's connection really ended, not just the answer to the browser.
    await expect.poll(() => r.closed.length, { timeout: 2_000 }).toBe(r.upstream.seen.length);
  });

  it('with the default settings: a hung participant answers 504 within 10 s, and another participant loads meanwhile', async () => {
    const r = await rig((req, res) => {
      if (req.url?.includes('/hung')) return;
      participant(req, res);
    });
    const started = Date.now();
    const hung = r.get('/api/sessions/s/participants/hung');
    await expect.poll(() => r.upstream.seen.length).toBe(1);
    const other = await r.get('/api/sessions/s/participants/other');
    expect(other.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    const res = await hung;
    expect(res.status).toBe(504);
    expect((await kindOf(res)).message).toContain('RealtimeKit did not answer within 5 s');
    // The 9 s deadline, with room for a loaded machine; the page's promise is 12 s.
    expect(Date.now() - started).toBeLessThan(11_000);
    // The same participant again goes upstream again: nothing joined a stuck call.
    const leaving = new AbortController();
    const again = r.get('/api/sessions/s/participants/hung', { signal: leaving.signal });
    await expect.poll(() => r.upstream.seen.length).toBe(4);
    leaving.abort();
    await expect(again).rejects.toThrow();
  }, 15_000);

  it('ends a body that trickles a byte at a time at the attempt limit', async () => {
    const r = await rig(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
      },
      { UPSTREAM_TIMEOUT_MS: '400', UPSTREAM_DEADLINE_MS: '900', UPSTREAM_RETRIES: '0' },
    );
    const started = Date.now();
    const res = await whileCollecting(r.get('/api/sessions/s/participants/trickle'));
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect.poll(() => r.closed.length).toBe(1);
  });
});

describe('bounded memory', () => {
  const MB = 1024 * 1024;

  /** Peak RSS growth, in MB, while `work` runs. */
  async function rssGrowth(work: () => Promise<void>) {
    gc();
    const before = process.memoryUsage.rss();
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    try {
      await work();
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    return (peak - before) / MB;
  }

  it('refuses a 300 MB chunked body as it streams, with RSS growing by less than 150 MB', async () => {
    const written = { bytes: 0 };
    const r = await rig((_req, res) => void streamSpaces(res, 300 * MB, written));
    const growth = await rssGrowth(async () => {
      const res = await r.get('/api/sessions/s/participants/huge');
      expect(res.status).toBe(502);
      const error = await kindOf(res);
      expect(error.kind).toBe('upstream_bad_body');
      expect(error.message).toContain('larger than this server reads');
    });
    expect(growth).toBeLessThan(150);
    // The read stopped at the limit: the upstream was cut off long before 300 MB.
    expect(written.bytes).toBeLessThan(150 * MB);
    expect(r.upstream.seen).toHaveLength(1);
  });

  // Whether some of the six are refused as busy, or each is cut at its own limit first, depends
  // on how the streams interleave; the busy refusal itself is tested deterministically below.
  it('bounds what all reads hold at once: six 300 MB bodies at a time are each refused, memory bounded', async () => {
    const r = await rig((_req, res) => void streamSpaces(res, 300 * MB));
    const kinds: string[] = [];
    const growth = await rssGrowth(async () => {
      await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const res = await r.get(`/api/sessions/s/participants/big-${i}`);
          const error = await kindOf(res);
          kinds.push(error.kind);
          if (res.status === 503) expect(error.message).toContain('reading other large');
        }),
      );
    });
    expect(kinds).toHaveLength(6);
    expect(kinds.every((k) => k === 'server_busy' || k === 'upstream_bad_body')).toBe(true);
    // The upstream double streams from this same process; the proxy's share stays bounded.
    expect(growth).toBeLessThan(450);
  }, 30_000);

  it('bounds what all answers hold in flight, and gives it back once they are answered', async () => {
    // Four 3.5 MB answers, each within a 4 MiB limit (10 MiB in flight).
    const body = JSON.stringify({ success: true, data: { padding: ' '.repeat(3.5 * MB) } });
    const r = await rig(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        // All but the end at once, the end later: four at a time are all in flight together.
        res.write(body.slice(0, -10));
        setTimeout(() => res.end(body.slice(-10)), 300);
      },
      { UPSTREAM_MAX_BODY_BYTES: String(4 * MB), CACHE_TTL_MS: '0' },
    );
    const statuses = await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (id) => {
        const res = await r.get(`/api/sessions/s/participants/${id}`);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses).toContain(503);
    // Once answered, the bytes are given back: the next lookup is read in full.
    expect((await r.get('/api/sessions/s/participants/e')).status).toBe(200);
  });

  it('counts a compressed body by what it inflates to: 300 MB from a small gzip body is refused', async () => {
    // Level 1 compresses 300 MB of spaces fast enough for a loaded machine, still to ~1 MB.
    const bomb = gzipSync(Buffer.alloc(300 * MB, 0x20), { level: 1 });
    expect(bomb.length).toBeLessThan(3 * MB);
    const r = await rig((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      res.end(bomb);
    });
    const growth = await rssGrowth(async () => {
      const res = await r.get('/api/sessions/s/participants/bomb');
      expect(res.status).toBe(502);
      expect((await kindOf(res)).kind).toBe('upstream_bad_body');
    });
    expect(growth).toBeLessThan(150);
  }, 30_000);
});

describe('one participant cannot open the circuit for everyone', () => {
  const failing: Answer = (req, res) => {
    if (req.url?.includes('/ok')) return participant(req, res);
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end('{}');
  };

  it('counts repeated failures of one participant once: others still go upstream', async () => {
    const r = await rig(failing, { BREAKER_FAILURES: '3', UPSTREAM_RETRIES: '0' });
    for (let i = 0; i < 6; i++) {
      expect((await r.get('/api/sessions/s/participants/broken')).status).toBe(502);
    }
    expect(r.upstream.seen).toHaveLength(6);
    expect((await r.get('/api/sessions/s/participants/ok')).status).toBe(200);
    expect(await circuitOpen(r)).toBe(false);
  });

  it('opens once several different requests have failed in a row', async () => {
    const r = await rig(failing, { BREAKER_FAILURES: '3', UPSTREAM_RETRIES: '0' });
    for (const id of ['a', 'b', 'c']) {
      expect((await r.get(`/api/sessions/s/participants/${id}`)).status).toBe(502);
    }
    const res = await r.get('/api/sessions/s/participants/ok');
    expect(res.status).toBe(503);
    expect((await kindOf(res)).kind).toBe('upstream_unavailable');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await circuitOpen(r)).toBe(true);
  });

  it('releases a probe whose browser left: the next lookups go upstream again', async () => {
    let mode: 'fail' | 'hang' | 'ok' = 'fail';
    const r = await rig(
      (req, res) => {
        if (mode === 'hang') return;
        if (mode === 'ok') return participant(req, res);
        failing(req, res);
      },
      { BREAKER_FAILURES: '2', BREAKER_COOLDOWN_MS: '300', UPSTREAM_RETRIES: '0' },
    );
    for (const id of ['a', 'b']) await r.get(`/api/sessions/s/participants/${id}`);
    expect((await r.get('/api/sessions/s/participants/c')).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 350));
    // The probe: its agent closes the tab while RealtimeKit is silent.
    mode = 'hang';
    const controller = new AbortController();
    const probe = r.get('/api/sessions/s/participants/probe', { signal: controller.signal });
    const seen = r.upstream.seen.length;
    await expect.poll(() => r.upstream.seen.length).toBe(seen + 1);
    controller.abort();
    await expect(probe).rejects.toThrow();
    await expect.poll(() => r.closed.some((u) => u.includes('/probe'))).toBe(true);
    mode = 'ok';
    const next = await r.get('/api/sessions/s/participants/next');
    expect(next.status).toBe(200);
    expect(await circuitOpen(r)).toBe(false);
  });

  it('releases a probe refused by the budget: the next lookup is the probe, not a 503', async () => {
    const r = await rig(failing, {
      BREAKER_FAILURES: '1',
      BREAKER_COOLDOWN_MS: '200',
      UPSTREAM_RETRIES: '0',
      UPSTREAM_BUDGET: '1',
    });
    expect((await r.get('/api/sessions/s/participants/a')).status).toBe(502);
    await new Promise((resolve) => setTimeout(resolve, 250));
    // The probe is refused by the (spent) budget before it reaches RealtimeKit…
    expect((await kindOf(await r.get('/api/sessions/s/participants/b'))).kind).toBe('rate_limited');
    // …and does not hold the probe slot: the next lookup probes in turn (and meets the budget).
    const next = await r.get('/api/sessions/s/participants/c');
    expect((await kindOf(next)).kind).toBe('rate_limited');
    expect(r.upstream.seen).toHaveLength(1);
  });
});

describe('what the upstream says is not trusted', () => {
  it('caps a Retry-After date decades away at one hour', async () => {
    const r = await rig((_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': 'Wed, 01 Jan 2099 00:00:00 GMT',
      });
      res.end('{}');
    });
    const res = await r.get('/api/sessions/s/participants/later');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3600');
  });

  it.each([
    ['1.5', null],
    ['-1', null],
    ['2025', '2025'],
    ['soon', null],
  ])(
    'reads Retry-After %s as %s (a fraction, a sign or a word is no advice)',
    async (value, expected) => {
      const r = await rig((_req, res) => {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': value });
        res.end('{}');
      });
      const res = await r.get('/api/sessions/s/participants/limited');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe(expected);
    },
  );

  it('reads an X-RateLimit-Reset given as an epoch time as the seconds until then', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 42;
    const r = await rig((_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'x-ratelimit-reset': String(reset),
      });
      res.end('{}');
    });
    const wait = Number(
      (await r.get('/api/sessions/s/participants/limited')).headers.get('retry-after'),
    );
    expect(wait).toBeGreaterThanOrEqual(40);
    expect(wait).toBeLessThanOrEqual(43);
  });

  it('never echoes an odd content type, nor the token a double reflects in it', async () => {
    const r = await rig((_req, res) => {
      res.writeHead(200, { 'content-type': `text/plain; token=Bearer ${TOKEN}` });
      res.end('not json');
    });
    const plain = await r.get('/api/sessions/s/participants/plain');
    expect(plain.status).toBe(502);
    expect((await kindOf(plain)).message).toContain('(text/plain)');
    const r2 = await rig((_req, res) => {
      res.writeHead(200, { 'content-type': `Bearer-${TOKEN}/<script>` });
      res.end('not json');
    });
    const odd = await r2.get('/api/sessions/s/participants/odd');
    const text = await odd.text();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('<script>');
    expect(text).toContain('an unusual content type');
  });
});
