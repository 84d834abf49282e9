// `npm run loadtest`: 200 requests/s for 30 s through the proxy to the mock (demo mode, no
// cache, so every request takes the whole path), on loopback. Reports p50/p99 latency, errors
// and the server's memory before and after; fails if there are errors or memory grew > 20 %.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { SCENARIOS } from '../server/mock/scenarios';
import { runServer } from './run-server';

const PORT = Number(process.env.LOAD_PORT ?? 8799);
const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

const server = await runServer(PORT, { CACHE_TTL_MS: '0', RATE_LIMIT_PER_USER: '100000' });
const { base, pid } = server;
const stop = server.stop;
const participants = SCENARIOS.filter(
  (s) => s.kind === 'participant' && !s.key.startsWith('history'),
);
const paths = participants.map(
  (s) => `/api/sessions/${s.sessionId}/participants/${s.participantId}?include_peer_events=true`,
);
// Warm up for 10 s (JIT, first builds of each scenario, the heap at its working size), then
// measure: growth after that is what a leak would show.
await autocannon({
  url: base,
  duration: 10,
  overallRate: RATE,
  connections: 10,
  requests: paths.map((path) => ({ path })),
});
const before = rssKb(pid);
const result = await autocannon({
  url: base,
  duration: SECONDS,
  overallRate: RATE,
  connections: 20,
  requests: paths.map((path) => ({ path })),
});
const after = rssKb(pid);
stop();

const growth = (after - before) / before;
const errors = result.errors + result.timeouts + result.non2xx;
const report = {
  requests: result.requests.total,
  rate_per_s: Math.round(result.requests.average),
  latency_ms: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  errors,
  rss_mb: {
    before: Math.round(before / 1024),
    after: Math.round(after / 1024),
    growth_pct: Math.round(growth * 1000) / 10,
  },
};
console.log(JSON.stringify(report, null, 2));
if (errors > 0 || growth > 0.2 || result.requests.average < RATE * 0.95) {
  console.error('load test failed: errors, memory growth over 20 % or rate not held');
  process.exit(1);
}
