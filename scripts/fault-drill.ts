// `npm run faultdrill`: the server in live mode, with its default settings, in front of a local
// upstream double that misbehaves, on loopback only. Prints one line per drill:
// - hung: 200 lookups whose upstream never answers, while other work churns the heap and
//   forces major collections; how many are still open 5 s after the deadline;
// - bodies: 10 lookups at once whose upstream streams 300 MB chunked; the server's RSS growth;
// - breaker: one participant failing 10 times, then another participant's lookup;
// - probe: the circuit opened, its probe abandoned by the browser, then the next lookup.
// It forces collections, so it runs under `node --expose-gc` (package.json says how).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../server/config';
import { createApp } from '../server/node-app';
import { listen, recordingUpstream, streamSpaces } from '../server/testing/listen';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
const ok: Answer = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"success":true,"data":{"participant":{"id":"p"}}}');
};

async function server(answer: Answer, env: Record<string, string> = {}) {
  const upstream = await recordingUpstream(answer);
  const config = loadConfig({
    CLOUDFLARE_API_TOKEN: 'drill-token',
    CLOUDFLARE_ACCOUNT_ID: 'drill',
    RTK_APP_ID: 'drill',
    RTK_API_BASE: `${upstream.url}/client/v4`,
    DIST_DIR: '/nonexistent',
    RATE_LIMIT_PER_USER: '100000',
    ...env,
  });
  const running = await listen(createApp(config, { log: () => undefined }));
  return {
    config,
    upstream,
    get: (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init),
    close: async () => {
      await running.close();
      await upstream.close();
    },
  };
}

/** What other agents' large pages do to the heap: ~8 MB of short-lived objects. */
function churnHeap() {
  const junk: unknown[] = [];
  for (let i = 0; i < 32; i++) junk.push(new Array(32_768).fill({ i }));
  return junk.length;
}

async function hung() {
  const s = await server(() => undefined);
  const deadline = s.config.upstream.deadlineMs;
  let open = 200;
  const started = Date.now();
  for (let i = 0; i < 200; i++) {
    s.get(`/api/sessions/s/participants/hung-${i}`).then(
      (res) => {
        open -= 1;
        return res.body?.cancel();
      },
      () => {
        open -= 1;
      },
    );
  }
  while (Date.now() - started < deadline + 5_000) {
    churnHeap();
    gc?.();
    await sleep(50);
  }
  console.log(
    `hung: ${open} of 200 lookups still open ${(deadline + 5_000) / 1000} s after they started (deadline ${deadline / 1000} s)`,
  );
  await s.close();
}

async function bodies() {
  const s = await server((_req, res) => void streamSpaces(res, 300 * MB));
  gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      s.get(`/api/sessions/s/participants/big-${i}`).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    ),
  );
  clearInterval(timer);
  console.log(
    `bodies: 10 × 300 MB chunked → statuses ${[...new Set(answers)].join(', ')}; RSS grew by ${Math.round((peak - before) / MB)} MB at the peak`,
  );
  await s.close();
}

async function breaker() {
  const s = await server((req, res) => {
    if (req.url?.includes('/other')) return ok(req, res);
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end('{}');
  });
  for (let i = 0; i < 10; i++) await (await s.get('/api/sessions/s/participants/broken')).text();
  const other = await s.get('/api/sessions/s/participants/other');
  console.log(
    `breaker: after one participant failed 10 times, another participant's lookup → HTTP ${other.status}`,
  );
  await s.close();
}

async function probe() {
  let mode: 'fail' | 'hang' | 'ok' = 'fail';
  const s = await server(
    (req, res) => {
      if (mode === 'hang') return;
      if (mode === 'ok') return ok(req, res);
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{}');
    },
    { BREAKER_FAILURES: '2', BREAKER_COOLDOWN_MS: '500', UPSTREAM_RETRIES: '0' },
  );
  for (const id of ['a', 'b']) await (await s.get(`/api/sessions/s/participants/${id}`)).text();
  await sleep(600);
  mode = 'hang';
  const controller = new AbortController();
  const abandoned = s.get('/api/sessions/s/participants/probe', { signal: controller.signal });
  await sleep(200);
  controller.abort();
  await abandoned.catch(() => undefined);
  mode = 'ok';
  await sleep(1_500);
  const next = await s.get('/api/sessions/s/participants/next');
  console.log(`probe: 1.5 s after an abandoned probe, the next lookup → HTTP ${next.status}`);
  await s.close();
}

for (const drill of [breaker, probe, bodies, hung]) await drill();
process.exit(0);
