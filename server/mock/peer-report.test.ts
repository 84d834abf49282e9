import Cloudflare from 'cloudflare';
import type { SessionGetParticipantDataFromPeerIDResponse } from 'cloudflare/resources/realtime-kit/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from '../../src/api/lenient';
import {
  peerReportResponseSchema,
  peerReportResponseWire,
  type WirePeerReportParticipant,
} from '../../src/api/peer-report-schema';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { listen, type Running } from '../testing/listen';
import { quiet } from '../testing/quiet';
import { DEMO_ACCOUNT_ID, DEMO_APP_ID, DEMO_TOKEN } from './identity';
import { cumulativeOf } from './peer-report';
import { type Built, SCENARIOS } from './scenarios';

const NOW = Date.UTC(2026, 10, 25, 12);
const participants = SCENARIOS.filter((s) => s.kind === 'participant');

/** Every peer id of a built participant, as its events name them. */
function peersOf(built: Built): string[] {
  const events = built.participant.peer_events;
  if (!Array.isArray(events)) return [];
  return [
    ...new Set(
      events.map((e) => (typeof e === 'object' && e && 'peer_id' in e ? String(e.peer_id) : '')),
    ),
  ];
}

const withReports = participants
  .filter((s) => !s.heavy)
  .map((s) => [s.key, s.build(NOW)] as const)
  .filter(([, built]) => built.peerReport !== undefined);

describe('mock peer reports against the shared schema', () => {
  it('covers every participant with diagnostics', () => {
    // bad-data's one peer has hand-written diagnostics and no report: its lookup is a 404.
    const diagnosed = participants
      .filter((s) => !s.heavy && s.key !== 'bad-data' && s.build(NOW).diagnostics !== undefined)
      .map((s) => s.key);
    expect(withReports.map(([key]) => key)).toEqual(diagnosed);
    expect(diagnosed).toEqual(expect.arrayContaining(['healthy', 'poor-network', 'reconnects']));
  });

  it.each(withReports)(
    '%s: every peer has a report that parses with nothing invalid',
    (key, built) => {
      const peers = peersOf(built);
      expect(peers.length).toBeGreaterThan(0);
      for (const peerId of peers) {
        const participant = built.peerReport?.(peerId);
        // Only a peer that never sent media (the mobile reconnects' silent one) has none.
        if (participant === undefined) {
          expect(key).toBe('reconnects');
          continue;
        }
        const body = { success: true, data: { participant } };
        expect(z.safeParse(peerReportResponseWire, body).success).toBe(true);
        const read = z.safeParse(peerReportResponseSchema, JSON.parse(JSON.stringify(body)));
        expect(read.success).toBe(true);
        expect(findInvalid(read.data)).toEqual([]);
      }
    },
  );

  it('has no report for a peer of another participant', () => {
    const [, healthy] = withReports.find(([key]) => key === 'healthy') ?? [];
    const [, poor] = withReports.find(([key]) => key === 'poor-network') ?? [];
    const [poorPeer = ''] = poor ? peersOf(poor) : [];
    expect(healthy?.peerReport?.(poorPeer)).toBeUndefined();
    expect(healthy?.peerReport?.('unknown')).toBeUndefined();
  });

  it('is deterministic: the same peer gets the same report twice', () => {
    for (const [key, built] of withReports) {
      const [peerId = ''] = peersOf(built);
      const again = participants.find((s) => s.key === key)?.build(NOW);
      expect(JSON.stringify(again?.peerReport?.(peerId))).toBe(
        JSON.stringify(built.peerReport?.(peerId)),
      );
    }
  });

  it('keeps the long histories out of lookups', () => {
    expect(participants.filter((s) => s.heavy).map((s) => s.key)).toEqual([
      'history-1k',
      'history-10k',
      'history-100k',
    ]);
  });

  it('has the shape the official SDK types describe', () => {
    const [, built] = withReports[0] ?? [];
    const [peerId = ''] = built ? peersOf(built) : [];
    const participant: WirePeerReportParticipant | undefined = built?.peerReport?.(peerId);
    // Compile-time: the mock's wire type fits the SDK's response type.
    const typed: SessionGetParticipantDataFromPeerIDResponse = {
      success: true,
      data: { participant: JSON.parse(JSON.stringify(participant)) },
    };
    expect(typed.data?.participant?.peer_report?.quality?.audio_producer?.length).toBeGreaterThan(
      0,
    );
  });
});

describe('cumulativeOf', () => {
  it('counts shares at and above each limit, and percentiles from the sorted MOS', () => {
    const sample = (lost: number, rtt: number, mos: number) => ({
      packets_sent: 100,
      packets_lost: lost,
      rtt,
      mos_quality: mos,
    });
    const result = cumulativeOf([
      sample(0, 90, 4.4),
      sample(5, 100, 4),
      sample(10, 250, 3),
      sample(50, 500, 1.5),
    ]);
    expect(result.packet_loss).toEqual({
      avg: 16.25,
      '5_or_greater_event_fraction': 0.75,
      '10_or_greater_event_fraction': 0.5,
      '25_or_greater_event_fraction': 0.25,
      '50_or_greater_event_fraction': 0.25,
    });
    expect(result.rtt).toEqual({
      avg: 235,
      '100ms_or_greater_event_fraction': 0.75,
      '250ms_or_greater_event_fraction': 0.5,
      '500ms_or_greater_event_fraction': 0.25,
    });
    expect(result.quality_mos).toEqual({ avg: 3.23, p50: 3, p75: 4, p90: 4.4 });
  });
});

describe('the mock peer report, read by the official cloudflare SDK', () => {
  let server: Running;
  beforeAll(async () => {
    server = await listen(createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet()));
  });
  afterAll(() => server.close());
  const client = (token = DEMO_TOKEN) =>
    new Cloudflare({ apiToken: token, baseURL: `${server.url}/mock/client/v4`, maxRetries: 0 });

  it('returns the poor-network peer’s report', async () => {
    const [, poor] = withReports.find(([key]) => key === 'poor-network') ?? [];
    const [peerId = ''] = poor ? peersOf(poor) : [];
    const response = await client().realtimeKit.sessions.getParticipantDataFromPeerID(peerId, {
      account_id: DEMO_ACCOUNT_ID,
      app_id: DEMO_APP_ID,
    });
    expect(response.success).toBe(true);
    const pair =
      response.data?.participant?.peer_report?.metadata?.candidate_pairs?.producing_transport?.[0];
    expect(pair?.local_candidate_type).toBe('relay');
  });

  it('answers an unknown peer with RealtimeKit’s 404 and a wrong token with 401', async () => {
    await expect(
      client().realtimeKit.sessions.getParticipantDataFromPeerID('nobody', {
        account_id: DEMO_ACCOUNT_ID,
        app_id: DEMO_APP_ID,
      }),
    ).rejects.toMatchObject({ status: 404, error: { success: false, error: { code: 404 } } });
    await expect(
      client('nope').realtimeKit.sessions.getParticipantDataFromPeerID('nobody', {
        account_id: DEMO_ACCOUNT_ID,
        app_id: DEMO_APP_ID,
      }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
