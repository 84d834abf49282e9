/**
 * The Worker entry run for real: bundled as wrangler would bundle it, started under workerd
 * through miniflare with a Static Assets binding, in demo mode (no CLOUDFLARE_API_TOKEN).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from './mock/scenarios';
import {
  builtAssets,
  bundleWorker,
  deploymentCompatibility,
  RUN_WORKER_FIRST,
} from './testing/worker-bundle';

let dir: string;
let mf: Miniflare | undefined;

async function get(path: string, headers: Record<string, string> = {}) {
  if (!mf) throw new Error('miniflare did not start');
  return mf.dispatchFetch(`http://inspector.test${path}`, { headers });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspector-worker-'));
  const scriptPath = await bundleWorker(dir);
  const { compatibilityDate, compatibilityFlags } = await deploymentCompatibility();
  mf = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are relative to this root; the default, the working directory, is the repo.
    modulesRoot: dir,
    compatibilityDate,
    compatibilityFlags,
    assets: {
      directory: await builtAssets(dir),
      binding: 'ASSETS',
      routerConfig: RUN_WORKER_FIRST,
    },
    // Request log lines (stdout) would drown the test output; workerd's errors (stderr) stay.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.pipe(process.stderr);
    },
  });
  await mf.ready;
}, 30_000);

afterAll(async () => {
  try {
    await mf?.dispose();
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

describe('Cloudflare Worker (workerd, demo mode)', () => {
  it('GET /sessions/:id/participants/:id serves the rewritten shell with its answer and the CSP', async () => {
    const healthy = SCENARIOS.find((s) => s.key === 'healthy');
    if (!healthy) throw new Error('no healthy scenario');
    // Opened as a page (a deep link loaded any other way only gets the preload).
    const res = await get(`/sessions/${healthy.sessionId}/participants/${healthy.participantId}`, {
      'sec-fetch-dest': 'document',
      'sec-fetch-mode': 'navigate',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    // It carries the participant's answer (deep-link-answer.ts), so it is never stored.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('src="/assets/index-abc.js"');
    expect(html).toContain('<meta name="inspector-base" content="/" />');
    const island = /<script type="application\/json" id="inspector-answer">([^<]*)<\/script>/.exec(
      html,
    );
    const answer = JSON.parse(island?.[1] ?? 'null');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.participant.display_name).toBe('Priya Natarajan');
  });

  it('GET /api/config answers in demo mode', async () => {
    const res = await get('/api/config');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ mode: 'demo' });
  });

  describe('GET /api/sessions/:session_id/participants/:participant_id', () => {
    it('answers from the embedded mock, peer events included', async () => {
      const healthy = SCENARIOS.find((s) => s.key === 'healthy');
      if (!healthy) throw new Error('no healthy scenario');
      const path = `/api/sessions/${healthy.sessionId}/participants/${healthy.participantId}`;
      const res = await get(`${path}?include_peer_events=true`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ success: true });
      // A non-empty array: arrayContaining with one element of anything.
      expect(body).toHaveProperty(
        'data.participant.peer_events',
        expect.arrayContaining([expect.anything()]),
      );
    });

    it('refuses an encoded slash in an id', async () => {
      const res = await get('/api/sessions/a%252Fb/participants/p');
      expect(res.status).toBe(400);
    });
  });

  it('GET /assets/* serves the file, cached for a year', async () => {
    const res = await get('/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toContain('export const ok');
  });
});
