import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
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

/** The peer ids of a demo participant, in the order its events list them. */
async function peerIdsOf(key: string): Promise<string[]> {
  const s = scenario(key);
  const res = await demo.request(
    `/api/sessions/${s.sessionId}/participants/${s.participantId}?include_peer_events=true`,
  );
  const body = await res.json();
  const ids: string[] = body.data.participant.peer_events.map(
    (e: { peer_id: string }) => e.peer_id,
  );
  return [...new Set(ids)];
}

const reportUrl = (peerId: string, query = '') => `/api/sessions/peer-report/${peerId}${query}`;

describe('GET /api/sessions/peer-report/:peer_id (demo mode)', () => {
  it('answers a poor-network peer with its report: TURN over TCP, lossy samples, cumulative shares', async () => {
    const [peerId] = await peerIdsOf('poor-network');
    if (!peerId) throw new Error('no peer');
    const res = await demo.request(reportUrl(peerId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.success).toBe(true);
    const participant = body.data.participant;
    expect(participant.id).toBe(scenario('poor-network').participantId);
    expect(participant).not.toHaveProperty('peer_events');
    const { metadata, quality } = participant.peer_report;
    expect(metadata.candidate_pairs.producing_transport[0]).toMatchObject({
      local_candidate_type: 'relay',
      local_candidate_protocol: 'tcp',
    });
    expect(metadata.pc_metadata[0].relay_connectivity).toBe(true);
    expect(quality.audio_producer.length).toBeGreaterThan(10);
    expect(Object.keys(quality.audio_producer[0]).sort()).toEqual(
      expect.arrayContaining([
        'bytes_sent',
        'jitter',
        'mos_quality',
        'packets_lost',
        'packets_sent',
        'rtt',
        'timestamp',
      ]),
    );
    expect(quality.audio_producer_cumulative.quality_mos.avg).toBeLessThan(3.5);
    expect(
      quality.audio_producer_cumulative.packet_loss['5_or_greater_event_fraction'],
    ).toBeGreaterThan(0.5);
    expect(quality.audio_producer_cumulative.rtt['250ms_or_greater_event_fraction']).toBe(1);
    expect(quality).not.toHaveProperty('screenshare_video_producer');
  });

  it('answers the healthy peer with a direct UDP pair and good numbers', async () => {
    const [peerId] = await peerIdsOf('healthy');
    const body = await (await demo.request(reportUrl(peerId ?? ''))).json();
    const { metadata, quality } = body.data.participant.peer_report;
    expect(metadata.candidate_pairs.producing_transport[0]).toMatchObject({
      local_candidate_type: 'srflx',
      local_candidate_protocol: 'udp',
      remote_candidate_protocol: 'udp',
    });
    expect(quality.audio_producer_cumulative.quality_mos.avg).toBeGreaterThanOrEqual(4);
    expect(quality.audio_producer_cumulative.rtt['250ms_or_greater_event_fraction']).toBe(0);
  });

  it('has a report for every peer that sent media, and a 404 for one that never did', async () => {
    for (const key of ['healthy', 'poor-network', 'in-session', 'webinar', 'duration-mismatch']) {
      for (const peerId of await peerIdsOf(key)) {
        expect((await demo.request(reportUrl(peerId))).status, `${key} ${peerId}`).toBe(200);
      }
    }
    const statuses = await Promise.all(
      (await peerIdsOf('reconnects')).map(async (id) => (await demo.request(reportUrl(id))).status),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(statuses.length - 1);
  });

  it('adds the peer events only with include_peer_events=true, and takes documented filters', async () => {
    const [peerId = ''] = await peerIdsOf('healthy');
    const withEvents = await (
      await demo.request(reportUrl(peerId, '?include_peer_events=true'))
    ).json();
    expect(withEvents.data.participant.peer_events).toHaveLength(3);
    const filtered = await demo.request(reportUrl(peerId, '?filters=quality_stats,device_info'));
    expect(filtered.status).toBe(200);
  });

  it('answers an unknown peer with 404 in this server’s envelope', async () => {
    const res = await demo.request(reportUrl('no-such-peer'));
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, error: { code: 404, kind: 'not_found' } });
    expect(body.error.request_id).toMatch(/^[\w-]{8,}$/);
  });

  it('passes on a fault peer’s 429 with its Retry-After, and an HTML 502 as JSON', async () => {
    const limited = await demo.request(reportUrl(scenario('fault-rate-limited').participantId));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect((await limited.json()).error.kind).toBe('rate_limited');
    const html = await demo.request(reportUrl(scenario('fault-server-error-html').participantId));
    expect(html.status).toBe(502);
    expect((await html.json()).error.kind).toBe('upstream_bad_body');
  });

  it('refuses unknown, repeated or malformed query values with 400', async () => {
    for (const query of [
      '?filters=secrets',
      '?filters=device_info, events',
      '?include_peer_events=yes',
      '?extra=1',
      '?filters=events&filters=device_info',
      '?session_id=abc',
    ]) {
      const res = await demo.request(reportUrl('any-peer', query));
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.kind).toBe('invalid_request');
    }
  });

  it('leaves a session called "peer-report" to the participant route', async () => {
    const res = await demo.request('/api/sessions/peer-report/participants/nobody');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe(
      'RealtimeKit has no such session or participant.',
    );
  });
});

describe('GET /api/sessions/peer-report/:peer_id (live mode): validation before any upstream call', () => {
  const TOKEN = 'cf-peer-report-token-Hh3Kk5Ll7';
  const ACCOUNT = 'abcdefabcdefabcdefabcdefabcdef12';
  let rig: LiveRig;

  beforeAll(async () => {
    rig = await liveRig({ token: TOKEN, accountId: ACCOUNT });
  });

  afterAll(() => rig.close());

  beforeEach(() => {
    rig.upstream.seen.length = 0;
  });

  const bad = [
    '/api/sessions/peer-report/..',
    '/api/sessions/peer-report/.',
    '/api/sessions/peer-report/%2e%2e',
    '/api/sessions/peer-report/.%2E',
    '/api/sessions/peer-report/..%2F..%2Fzones',
    '/api/sessions/peer-report/a%2Fb',
    '/api/sessions/peer-report/a%252Fb',
    '/api/sessions/peer-report/a%5Cb',
    '/api/sessions/peer-report/a\\b',
    '/api/sessions/peer-report/a%3Fx%3D1',
    '/api/sessions/peer-report/a%23frag',
    '/api/sessions/peer-report/a%20b',
    '/api/sessions/peer-report/a%00',
    '/api/sessions/peer-report/%',
    '/api/sessions/peer-report/',
    `/api/sessions/peer-report/${'p'.repeat(65)}`,
    '/api/sessions/peer-report/p?filters=all',
    '/api/sessions/peer-report/p?filters=device_info%2C..%2F',
    '/api/sessions/peer-report/p?include_peer_events=1',
    '/api/sessions/peer-report/p?account_id=other',
    '/api/sessions/peer-report/p?filters=events&filters=events',
  ];

  refusedBeforeUpstream(() => rig, bad);
});
