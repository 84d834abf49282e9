/**
 * Both halves of the deployment's upstream object on Node: the object itself calling a
 * recording upstream, and the Worker's forwarding side, joined by a stand-in namespace. The
 * real hop (workerd, two isolates) is in worker-upstream.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordingUpstream } from './testing/listen';
import { forwardToObject, type UpstreamNamespace, UpstreamObject } from './upstream-object';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A namespace whose one object is `object`, reached the way a stub's fetch reaches it. */
function namespaceOf(object: UpstreamObject): UpstreamNamespace & { names: string[] } {
  const names: string[] = [];
  return {
    names,
    idFromName: (name) => {
      names.push(name);
      return name;
    },
    get: () => ({ fetch: (url, init) => object.fetch(new Request(url, init)) }),
  };
}

async function liveObject(answer?: Parameters<typeof recordingUpstream>[0]) {
  const upstream = await recordingUpstream(answer);
  closing.push(upstream.close);
  const object = new UpstreamObject(
    {},
    {
      CLOUDFLARE_API_TOKEN: 'live-token-1234567890',
      CLOUDFLARE_ACCOUNT_ID: 'acc-1',
      RTK_APP_ID: 'app-1',
      RTK_API_BASE: `${upstream.url}/client/v4`,
      UPSTREAM_RETRIES: '0',
      BREAKER_FAILURES: '1',
      // A binding that is not configuration is ignored.
      ASSETS: { fetch: () => Promise.reject(new Error('not used')) },
    },
  );
  return { upstream, object };
}

describe('UpstreamObject with forwardToObject', () => {
  it('asks the upstream for the exact path and query, once per deployment-wide name', async () => {
    const { upstream, object } = await liveObject();
    const namespace = namespaceOf(object);
    const forwarded = forwardToObject(namespace, 30_000);
    const query = '?search=Zo%C3%AB%20%26%20co&page_no=0';
    const res = await forwarded.get(
      '/sessions/s1/participants',
      query,
      new AbortController().signal,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: { participant: { id: 'p1' } } });
    expect(upstream.seen.map((r) => r.url)).toEqual([
      `/client/v4/accounts/acc-1/realtime/kit/app-1/sessions/s1/participants${query}`,
    ]);
    expect(upstream.seen[0]?.headers.authorization).toBe('Bearer live-token-1234567890');
    expect(namespace.names).toEqual(['upstream']);
  });

  it("passes the upstream's status and Retry-After on, and the circuit it opened to /readyz", async () => {
    const { object } = await liveObject((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end('{"success":false}');
    });
    let now = 1_000;
    const forwarded = forwardToObject(namespaceOf(object), 30_000, () => now);
    const limited = await forwarded.get('/sessions/s1', '', new AbortController().signal);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-upstream-circuit')).toBeNull();
    expect(forwarded.breaker.state()).toBe('closed');

    const { object: failing } = await liveObject((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"success":false}');
    });
    const broken = forwardToObject(namespaceOf(failing), 30_000, () => now);
    expect((await broken.get('/sessions/s1', '', new AbortController().signal)).status).toBe(502);
    expect(broken.breaker.state()).toBe('open');
    // No news for a whole cool-down: the object's circuit lets a probe through by now.
    now += 30_000;
    expect(broken.breaker.state()).toBe('half-open');
  });

  it('answers 503 with Retry-After when the object cannot be reached, 499 when the browser left', async () => {
    const unreachable: UpstreamNamespace = {
      idFromName: (name) => name,
      get: () => ({ fetch: () => Promise.reject(new Error('Durable Object is overloaded')) }),
    };
    const forwarded = forwardToObject(unreachable, 30_000);
    const res = await forwarded.get('/sessions/s1', '', new AbortController().signal);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: { kind: 'upstream_unavailable' } });

    const left = new AbortController();
    left.abort();
    expect((await forwarded.get('/sessions/s1', '', left.signal)).status).toBe(499);
  });

  it('UpstreamObject refuses a call without a path', async () => {
    const { upstream, object } = await liveObject();
    const res = await object.fetch(new Request('https://upstream-object.internal/get'));
    expect(res.status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });
});
