import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { SCENARIOS } from './mock/scenarios';
import { SESSION_SAMPLES } from './mock/sessions';
import { createApp } from './node-app';
import { quiet } from './testing/quiet';

function fakeDist() {
  const dir = mkdtempSync(join(tmpdir(), 'pi-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><head><title>Participant Inspector</title><script type="module" src="./assets/index-abc123.js"></script></head><div id="root"></div>',
  );
  writeFileSync(
    join(dir, 'assets', 'index-abc123.js'),
    `console.log(${JSON.stringify('x'.repeat(2000))});`,
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const app = createApp(loadConfig({ DIST_DIR: fakeDist() }), quiet());
const healthy = SCENARIOS.find((s) => s.key === 'healthy');
if (!healthy) throw new Error('the healthy scenario is missing');
const participantUrl = `/api/sessions/${healthy.sessionId}/participants/${healthy.participantId}`;

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('GET /api/config', () => {
  it('says demo mode and lists every scenario as a sample', async () => {
    const res = await app.request('/api/config');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.mode).toBe('demo');
    expect(body.samples).toHaveLength(SCENARIOS.length + SESSION_SAMPLES.length);
    expect(body.samples[0]).toEqual({
      label: healthy.label,
      session_id: healthy.sessionId,
      participant_id: healthy.participantId,
      group: 'participants',
    });
  });
});

describe('GET /api/sessions/:session_id/participants/:participant_id (demo mode)', () => {
  it('returns the participant with its peer events when include_peer_events=true', async () => {
    const res = await app.request(`${participantUrl}?include_peer_events=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.success).toBe(true);
    expect(body.data.participant.id).toBe(healthy.participantId);
    expect(body.data.participant.display_name).toBe('Priya Natarajan');
    expect(
      body.data.participant.peer_events.map((e: { event_name: string }) => e.event_name),
    ).toEqual(['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING']);
  });

  it('leaves peer events out without the flag or with false', async () => {
    for (const query of ['', '?include_peer_events=false']) {
      const body = await (await app.request(`${participantUrl}${query}`)).json();
      expect(body.data.participant.id).toBe(healthy.participantId);
      expect(body.data.participant).not.toHaveProperty('peer_events');
    }
  });

  it('adds one section per requested filter and nothing else', async () => {
    const body = await (
      await app.request(`${participantUrl}?filters=device_info,quality_stats`)
    ).json();
    const participant = body.data.participant;
    expect(Object.keys(participant.peer_stats).sort()).toEqual(['config', 'device_info', 'status']);
    expect(participant.peer_stats.device_info.browser).toBe('Chrome');
    expect(Array.isArray(participant.quality_stats)).toBe(true);
    const plain = await (await app.request(participantUrl)).json();
    expect(plain.data.participant).not.toHaveProperty('peer_stats');
    expect(plain.data.participant).not.toHaveProperty('quality_stats');
  });

  it('answers an unknown participant with 404 in this server’s envelope, nothing of the upstream body', async () => {
    for (const path of [
      `/api/sessions/${healthy.sessionId}/participants/nobody`,
      '/api/sessions/no-such-session/participants/nobody',
    ]) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body).toMatchObject({
        success: false,
        error: {
          code: 404,
          kind: 'not_found',
          message: 'RealtimeKit has no such session or participant.',
        },
      });
      expect(body.error.request_id).toMatch(/^[\w-]{8,}$/);
    }
  });

  it('refuses unknown filters and a non-boolean include_peer_events with 400', async () => {
    for (const query of [
      '?filters=device_info,secrets',
      '?filters=device_info, events',
      '?include_peer_events=yes',
    ]) {
      const res = await app.request(`${participantUrl}${query}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.kind).toBe('invalid_request');
    }
  });
});

describe('other methods and routes', () => {
  it('answers anything but GET and HEAD with 405', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = await app.request(participantUrl, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect((await res.json()).error.kind).toBe('method_not_allowed');
    }
  });

  it('answers unknown /api routes with a JSON 404', async () => {
    for (const path of ['/api/nope', '/api/sessions/abc', '/api/sessions/a/participants/b/extra']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await res.json()).error.kind).toBe('not_found');
    }
  });
});

describe('GET / and deep links (the SPA)', () => {
  it('serves index.html for deep links, never cached', async () => {
    // Revalidated every time; a deep link carrying its answer is not stored at all.
    for (const [path, cache] of [
      ['/', 'no-cache'],
      ['/sessions/s1/participants/p1', 'no-store'],
      ['/anything/else', 'no-cache'],
    ]) {
      const res = await app.request(path ?? '');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control'), path).toBe(cache);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year, gzipped when asked', async () => {
    const res = await app.request('/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag') ?? '';
    const again = await app.request('/assets/index-abc123.js', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers a missing file with 404 rather than the SPA', async () => {
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('BASE_PATH (the app under a prefix)', () => {
  const based = createApp(
    loadConfig({ DIST_DIR: fakeDist(), BASE_PATH: 'tools/rtk-inspector' }),
    quiet(),
  );

  it('serves the shell, assets, API and deep links under the prefix, with absolute asset URLs', async () => {
    const shell = await based.request('/tools/rtk-inspector/sessions/s1/participants/p1');
    expect(shell.status).toBe(200);
    const html = await shell.text();
    expect(html).toContain('src="/tools/rtk-inspector/assets/index-abc123.js"');
    expect(html).toContain('<meta name="inspector-base" content="/tools/rtk-inspector/" />');
    expect(html).not.toContain('"./');
    expect((await based.request('/tools/rtk-inspector/assets/index-abc123.js')).status).toBe(200);
    const api = await based.request(
      `/tools/rtk-inspector${participantUrl}?include_peer_events=true`,
    );
    expect(api.status).toBe(200);
    expect((await based.request('/tools/rtk-inspector/api/config')).status).toBe(200);
  });

  it('answers nothing outside the prefix but /healthz, and redirects the bare prefix', async () => {
    expect((await based.request(participantUrl)).status).toBe(404);
    expect((await based.request('/assets/index-abc123.js')).status).toBe(404);
    expect((await based.request('/healthz')).status).toBe(200);
    const bare = await based.request('/tools/rtk-inspector?embed=1');
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/tools/rtk-inspector/?embed=1');
  });

  it('keeps id validation under the prefix', async () => {
    const res = await based.request('/tools/rtk-inspector/api/sessions/a%252Fb/participants/p');
    expect(res.status).toBe(400);
  });
});

describe('framing (FRAME_ANCESTORS)', () => {
  it('allows only the app itself to frame the shell by default, and never sends X-Frame-Options', async () => {
    const res = await app.request('/sessions/s1/participants/p1');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('adds the configured portal origins, and hands the postMessage origins to the app', async () => {
    const framed = createApp(
      loadConfig({
        DIST_DIR: fakeDist(),
        FRAME_ANCESTORS: 'https://admin.example.com http://127.0.0.1:8790',
      }),
      quiet(),
    );
    const res = await framed.request('/');
    expect(res.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://admin.example.com http://127.0.0.1:8790",
    );
    const config = await (await framed.request('/api/config')).json();
    expect(config.embed).toEqual({
      parent_origins: ['https://admin.example.com', 'http://127.0.0.1:8790'],
    });
  });
});

// A deep link's page and the answer it carries: deep-link-answer.test.ts.
