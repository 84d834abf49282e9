import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { TOWN_HALL } from '../mock/crowd';
import { SCENARIOS } from '../mock/scenarios';
import { createApp } from '../node-app';
import { type LiveRig, liveRig, refusedBeforeUpstream } from '../testing/listen';
import { quiet } from '../testing/quiet';

const demo = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet());

function scenario(key: string) {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`no scenario ${key}`);
  return found;
}

const UNKNOWN_SESSION = '00000000-0000-4000-8000-000000000000';

describe('GET /api/sessions/:session_id/participants (demo mode)', () => {
  it('lists a demo session with its samples, light (no peer events), with paging in data', async () => {
    const healthy = scenario('healthy');
    const res = await demo.request(`/api/sessions/${healthy.sessionId}/participants?per_page=50`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.success).toBe(true);
    const ids = body.data.participants.map((p: { id: string }) => p.id);
    for (const key of ['healthy', 'reconnects', 'poor-network', 'sparse', 'bad-data']) {
      expect(ids).toContain(scenario(key).participantId);
    }
    expect(ids.length).toBeGreaterThan(8);
    expect(body.data.participants.some((p: object) => 'peer_events' in p)).toBe(false);
    expect(body.data.paging).toEqual({
      start_offset: 1,
      end_offset: ids.length,
      total_count: ids.length,
    });
  });

  it('searches, sorts and pages the 312-participant town hall', async () => {
    const page = await (
      await demo.request(
        `/api/sessions/${TOWN_HALL}/participants?page_no=1&per_page=200&sort_by=joinedAt&sort_order=DESC`,
      )
    ).json();
    expect(page.data.participants).toHaveLength(112);
    expect(page.data.paging).toEqual({ start_offset: 201, end_offset: 312, total_count: 312 });
    const found = await (
      await demo.request(`/api/sessions/${TOWN_HALL}/participants?search=DROP%20table`)
    ).json();
    expect(found.data.participants.map((p: { display_name: string }) => p.display_name)).toEqual([
      "Robert'); DROP TABLE participants;--",
    ]);
  });

  it('answers an unknown session with 404 in this server’s envelope', async () => {
    const res = await demo.request(`/api/sessions/${UNKNOWN_SESSION}/participants`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, error: { code: 404, kind: 'not_found' } });
    expect(body.error.request_id).toMatch(/^[\w-]{8,}$/);
  });

  it('passes on the fault session’s 429 with its Retry-After', async () => {
    const res = await demo.request(
      `/api/sessions/${scenario('fault-rate-limited').sessionId}/participants`,
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect((await res.json()).error.kind).toBe('rate_limited');
  });

  it('refuses unknown, repeated or out-of-range query values with 400', async () => {
    for (const query of [
      '?include_peer_events=true',
      '?view=raw',
      '?page_no=-1',
      '?page_no=1.5',
      '?page_no=abc',
      '?per_page=0',
      '?per_page=201',
      '?sort_by=name',
      '?sort_order=asc',
      `?search=${'a'.repeat(101)}`,
      '?search=a%00b',
      '?search=a%0Ab',
      '?search=a&search=b',
      '?account_id=other',
    ]) {
      const res = await demo.request(`/api/sessions/${TOWN_HALL}/participants${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.kind).toBe('invalid_request');
    }
  });
});

describe('GET /api/sessions/:session_id (demo mode)', () => {
  it('answers the finished team call in the older shape: data.session, ENDED', async () => {
    const res = await demo.request(`/api/sessions/${scenario('healthy').sessionId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.session).toMatchObject({
      id: scenario('healthy').sessionId,
      associated_id: 'kqzvbn-tprmwx',
      status: 'ENDED',
      type: 'meeting',
      live_participants: 0,
    });
    expect(body.data.session.ended_at).toEqual(expect.any(String));
  });

  it('answers the live call in the newer flat shape, LIVE, without ended_at', async () => {
    const body = await (
      await demo.request(`/api/sessions/${scenario('in-session').sessionId}`)
    ).json();
    expect(body.data).toMatchObject({ status: 'LIVE', meeting_display_name: expect.any(String) });
    expect(body.data).not.toHaveProperty('session');
    expect(body.data).not.toHaveProperty('ended_at');
    expect(body.data.live_participants).toBeGreaterThan(0);
  });

  it('refuses a query and answers an unknown session with 404', async () => {
    expect((await demo.request(`/api/sessions/${TOWN_HALL}?x=1`)).status).toBe(400);
    expect((await demo.request(`/api/sessions/${UNKNOWN_SESSION}`)).status).toBe(404);
  });

  it('leaves deeper paths to the participant and peer-report routes', async () => {
    const healthy = scenario('healthy');
    const participant = await demo.request(
      `/api/sessions/${healthy.sessionId}/participants/${healthy.participantId}`,
    );
    expect((await participant.json()).data.participant.id).toBe(healthy.participantId);
    const report = await demo.request('/api/sessions/peer-report/no-such-peer');
    expect((await report.json()).error.message).not.toMatch(/Session ID/);
    // An empty participant id is the participant route's to refuse.
    const empty = await demo.request(`/api/sessions/${TOWN_HALL}/participants/`);
    expect((await empty.json()).error.message).toBe('Participant ID is empty.');
  });

  it('opens a town-hall participant found in the list as a participant page would', async () => {
    const list = await (
      await demo.request(`/api/sessions/${TOWN_HALL}/participants?per_page=1`)
    ).json();
    const [first] = list.data.participants;
    const res = await demo.request(`/api/sessions/${TOWN_HALL}/participants/${first.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).data.participant).toMatchObject({
      id: first.id,
      joined_at: first.joined_at,
    });
  });
});

describe('session routes (live mode): validation before any upstream call', () => {
  const TOKEN = 'cf-session-token-Pp4Qq6Rr8';
  let rig: LiveRig;

  beforeAll(async () => {
    rig = await liveRig({ token: TOKEN, accountId: 'abcdefabcdefabcdefabcdefabcdef12' });
  });

  afterAll(() => rig.close());

  beforeEach(() => {
    rig.upstream.seen.length = 0;
  });

  const bad = [
    '/api/sessions/..',
    '/api/sessions/%2e%2e',
    '/api/sessions/..%2F..%2Fzones',
    '/api/sessions/a%2Fb',
    '/api/sessions/a%252Fb',
    '/api/sessions/a%5Cb',
    '/api/sessions/a%3Fx%3D1',
    '/api/sessions/a%23frag',
    '/api/sessions/a%20b',
    '/api/sessions/a%00',
    '/api/sessions/%',
    `/api/sessions/${'s'.repeat(65)}`,
    '/api/sessions/s?include_peer_events=true',
    '/api/sessions//participants',
    '/api/sessions/%2e%2e/participants',
    '/api/sessions/a%2F..%2Fb/participants',
    `/api/sessions/${'s'.repeat(65)}/participants`,
    '/api/sessions/s/participants?include_peer_events=true',
    '/api/sessions/s/participants?page_no=-1',
    '/api/sessions/s/participants?per_page=500',
    '/api/sessions/s/participants?sort_by=joined_at',
    '/api/sessions/s/participants?sort_order=down',
    '/api/sessions/s/participants?search=%1B%5B31m',
    `/api/sessions/s/participants?search=${'x'.repeat(101)}`,
    '/api/sessions/s/participants?page_no=1&page_no=2',
    '/api/sessions/s/participants?search=a&account_id=other',
  ];

  refusedBeforeUpstream(() => rig, bad, TOKEN);
});

describe('request logs for the session routes', () => {
  it('name the route and never the ids, whatever the path', async () => {
    const options = quiet();
    const app = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), options);
    const paths = {
      '/api/sessions/secret-session': '/api/sessions/:session_id',
      '/api/sessions/secret-session/participants?search=secret-name':
        '/api/sessions/:session_id/participants',
      '/api/sessions/peer-report/secret-peer': '/api/sessions/peer-report/:peer_id',
      '/api/sessions/secret-session/participants/secret-participant':
        '/api/sessions/:session_id/participants/:participant_id',
      '/api/secret-junk/secret-more': '/api/(other)',
    };
    for (const path of Object.keys(paths)) await app.request(path);
    expect(options.lines.map((line) => line.route)).toEqual(Object.values(paths));
    expect(JSON.stringify(options.lines)).not.toContain('secret');
  });
});
