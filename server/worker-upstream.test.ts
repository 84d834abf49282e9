/**
 * The Worker in live mode under workerd (miniflare), against a recording upstream on a
 * loopback port: the Durable Object that owns the deployment's upstream, shared by two Worker
 * isolates, and the execution context that keeps a deep link's late answer running.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare, type WorkerOptions } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordingUpstream } from './testing/listen';
import {
  builtAssets,
  bundleWorker,
  deploymentCompatibility,
  RUN_WORKER_FIRST,
} from './testing/worker-bundle';

type UpstreamDouble = Awaited<ReturnType<typeof recordingUpstream>>;

const PARTICIPANT = JSON.stringify({ success: true, data: { participant: { id: 'p' } } });

/**
 * The upstream double: a participant whose id starts with "slow" is answered after `delayMs`,
 * "fail" with a 500, "hang" never (its connection closing is recorded); others at once.
 */
function answer(delayMs: number, closed: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    const send = (status: number) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? PARTICIPANT : '{"success":false}');
    };
    if (url.includes('/participants/hang')) {
      res.on('close', () => closed.push(url));
    } else if (url.includes('/participants/slow')) setTimeout(() => send(200), delayMs);
    else send(url.includes('/participants/fail') ? 500 : 200);
  };
}

type Rig = {
  readonly mf: Miniflare;
  readonly upstream: UpstreamDouble;
  /** Upstream requests whose connection was closed before they were answered. */
  readonly closed: string[];
  /** Every JSON line the Workers logged. */
  readonly logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
};

/**
 * Two Workers from the same bundle, `inspector-a.test` and `inspector-b.test`: two isolates,
 * each with its own module state and so its own app, as a deployment has many. With `shared`,
 * both bind UPSTREAM to the one object class the first defines, as wrangler.jsonc binds it.
 */
async function start(options: {
  shared: boolean;
  bindings: Record<string, string>;
  upstreamDelayMs?: number;
  /** Adds `abort-probe.test` (testing/abort-probe-worker.ts), bound to the same object. */
  abortProbe?: boolean;
}): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), 'inspector-worker-upstream-'));
  const closed: string[] = [];
  const upstream = await recordingUpstream(answer(options.upstreamDelayMs ?? 0, closed));
  const scriptPath = await bundleWorker(dir);
  const assets = await builtAssets(dir);
  const { compatibilityDate, compatibilityFlags } = await deploymentCompatibility();
  const bindings = {
    CLOUDFLARE_API_TOKEN: 'live-token-1234567890',
    CLOUDFLARE_ACCOUNT_ID: 'acc-1',
    RTK_APP_ID: 'app-1',
    RTK_API_BASE: `${upstream.url}/client/v4`,
    ...options.bindings,
  };
  const worker = (name: string, upstreamBinding: WorkerOptions['durableObjects']) => ({
    name,
    modules: true,
    scriptPath,
    modulesRoot: dir,
    compatibilityDate,
    compatibilityFlags,
    bindings,
    routes: [`${name}.test/*`],
    assets: { directory: assets, binding: 'ASSETS', routerConfig: RUN_WORKER_FIRST },
    ...(upstreamBinding ? { durableObjects: upstreamBinding } : {}),
  });
  const sharedObject = {
    UPSTREAM: { className: 'UpstreamObject', scriptName: 'inspector-a', useSQLite: true },
  };
  const workers: WorkerOptions[] = [
    worker(
      'inspector-a',
      options.shared ? { UPSTREAM: { className: 'UpstreamObject', useSQLite: true } } : undefined,
    ),
    worker('inspector-b', options.shared ? sharedObject : undefined),
  ];
  if (options.abortProbe) {
    const entry = join(import.meta.dirname, 'testing', 'abort-probe-worker.ts');
    workers.push({
      name: 'abort-probe',
      modules: true,
      scriptPath: await bundleWorker(dir, entry),
      modulesRoot: dir,
      compatibilityDate,
      compatibilityFlags,
      routes: ['abort-probe.test/*'],
      durableObjects: sharedObject,
    });
  }
  const logs: Array<Record<string, unknown>> = [];
  const mf = new Miniflare({
    workers,
    handleRuntimeStdio(stdout, stderr) {
      let rest = '';
      stdout.setEncoding('utf8');
      stdout.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          try {
            logs.push(JSON.parse(line));
          } catch {
            // Not one of the app's JSON lines.
          }
        }
      });
      stderr.pipe(process.stderr);
    },
  });
  await mf.ready;
  return {
    mf,
    upstream,
    closed,
    logs,
    async close() {
      try {
        await mf.dispose();
      } finally {
        await upstream.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

const participant = (worker: string, sessionId: string, participantId: string) =>
  `http://${worker}.test/api/sessions/${sessionId}/participants/${participantId}`;

describe.each([
  { binding: 'with', shared: true, reached: 3, warnings: 0 },
  { binding: 'without', shared: false, reached: 6, warnings: 2 },
])(
  'Cloudflare Worker (workerd, live mode, UPSTREAM_BUDGET=3) $binding the UPSTREAM binding',
  ({ shared, reached, warnings }) => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await start({ shared, bindings: { UPSTREAM_BUDGET: '3' } });
    }, 30_000);
    afterAll(() => rig?.close());

    it(`GET /api/sessions/:id/participants/:id: ten lookups across two isolates reach RealtimeKit ${reached} times`, async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          rig.mf.dispatchFetch(participant(i % 2 ? 'inspector-a' : 'inspector-b', 's1', `p${i}`)),
        ),
      );
      // One budget for the deployment with the object; one per isolate without it.
      expect(rig.upstream.seen).toHaveLength(reached);
      const refused = answers.filter((res) => res.status !== 200);
      expect(refused).toHaveLength(10 - reached);
      for (const res of refused) {
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.json()).toMatchObject({ error: { kind: 'rate_limited' } });
      }
      // Without the binding, each isolate says once that it counts alone.
      const warned = rig.logs.filter((line) => line.level === 'warn');
      expect(warned).toHaveLength(warnings);
      for (const line of warned) expect(line.msg).toMatch(/No UPSTREAM Durable Object binding/);
    });
  },
);

describe('Cloudflare Worker (workerd, live mode): one object for the deployment', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await start({
      shared: true,
      bindings: { UPSTREAM_RETRIES: '0', BREAKER_FAILURES: '2', BREAKER_COOLDOWN_MS: '1500' },
      upstreamDelayMs: 900,
      abortProbe: true,
    });
  }, 30_000);
  afterAll(() => rig?.close());

  const seen = (participantId: string) =>
    rig.upstream.seen.filter((r) => r.url.includes(`/participants/${participantId}`));

  it('GET /api/sessions/:id/participants/:id: identical requests from two isolates share one upstream call', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        rig.mf.dispatchFetch(participant(i % 2 ? 'inspector-a' : 'inspector-b', 's1', 'slow-1')),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const res of answers) {
      expect(await res.json()).toEqual(JSON.parse(PARTICIPANT));
      // The object's circuit header stays between the Worker and its object.
      expect(res.headers.get('x-upstream-circuit')).toBeNull();
    }
    expect(seen('slow-1')).toHaveLength(1);
  });

  it('GET /sessions/:id/participants/:id: the answer the page stopped waiting for still completes', async () => {
    const res = await rig.mf.dispatchFetch(
      'http://inspector-a.test/sessions/s2/participants/slow-2',
      {
        headers: { 'sec-fetch-dest': 'document', 'x-request-id': 'deep-link-late-1' },
      },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    // Sent after the 0.5 s wait, with the preload instead of the (0.9 s) answer.
    expect(html).not.toContain('id="inspector-answer"');
    expect(html).toContain('rel="preload"');
    // The server's own API request, kept alive by waitUntil, is answered and logged afterwards.
    await vi.waitFor(
      () =>
        expect(rig.logs).toContainEqual(
          expect.objectContaining({
            route: '/api/sessions/:session_id/participants/:participant_id',
            request_id: 'deep-link-late-1',
            status: 200,
          }),
        ),
      { timeout: 3_000, interval: 50 },
    );
  });

  it("the object stops the upstream call when the Worker's signal aborts", async () => {
    // The deployment's compatibility flags (enable_request_signal) carry the abort to the object.
    const res = await rig.mf.dispatchFetch(
      'http://abort-probe.test/sessions/s1/participants/hang-1?abort_after_ms=500',
    );
    expect(await res.text()).toBe('499');
    expect(seen('hang-1')).toHaveLength(1);
    // Well before UPSTREAM_TIMEOUT_MS (5 s) would have closed it.
    await vi.waitFor(() => expect(rig.closed).toHaveLength(1), { timeout: 1_500, interval: 20 });
  });

  it('GET /readyz reports the circuit the object holds, opened by another isolate', async () => {
    for (const id of ['fail-1', 'fail-2']) {
      expect((await rig.mf.dispatchFetch(participant('inspector-a', 's1', id))).status).toBe(502);
    }
    const readyA = await rig.mf.dispatchFetch('http://inspector-a.test/readyz');
    expect(readyA.status).toBe(503);
    // Isolate B, which last saw a closed circuit, meets the open one without reaching upstream.
    const before = rig.upstream.seen.length;
    const refused = await rig.mf.dispatchFetch(participant('inspector-b', 's1', 'p-after'));
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { kind: 'upstream_unavailable' } });
    expect(rig.upstream.seen).toHaveLength(before);
    const readyB = await rig.mf.dispatchFetch('http://inspector-b.test/readyz');
    expect(readyB.status).toBe(503);
    expect(await readyB.json()).toEqual({
      ready: false,
      problems: ['RealtimeKit failed repeatedly (circuit open)'],
    });
    // After the cool-down the circuit is half-open (one probe may go): ready again.
    await vi.waitFor(
      async () =>
        expect((await rig.mf.dispatchFetch('http://inspector-b.test/readyz')).status).toBe(200),
      { timeout: 3_000, interval: 100 },
    );
  });
});
