import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type PeerReportParticipant,
  peerReportResponseSchema,
} from '../../../../api/peer-report-schema';
import { busiestPeer, memberOf, totalsOf } from './member';

const T0 = Date.UTC(2026, 10, 21, 11);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Kwame's answer as a peer report sends it, read through the real schema. */
function report(lossy: boolean): PeerReportParticipant {
  const body = {
    success: true,
    data: {
      participant: {
        id: 'kwame',
        display_name: 'Kwame Mensah',
        joined_at: iso(T0),
        left_at: iso(T0 + 40 * MIN),
        peer_events: [
          { id: 'e1', event_name: 'PEER_JOINING', peer_id: 'first', created_at: iso(T0) },
          { id: 'e2', event_name: 'PEER_LEAVING', peer_id: 'first', created_at: iso(T0 + 5 * MIN) },
          {
            id: 'e3',
            event_name: 'PEER_JOINING',
            peer_id: 'second',
            created_at: iso(T0 + 6 * MIN),
          },
          {
            id: 'e4',
            event_name: 'PEER_LEAVING',
            peer_id: 'second',
            created_at: iso(T0 + 40 * MIN),
          },
        ],
        peer_report: {
          metadata: {
            ip_information: { country: 'NG', org: 'AS29465 MTN Nigeria' },
            browser_metadata: { browser: 'Chrome', browser_version: '142' },
            sdk_name: 'web-core',
            sdk_version: '1.35.2',
          },
          quality: {
            audio_producer: Array.from({ length: 60 }, (_, i) => ({
              timestamp: iso(T0 + 10 * MIN + i * 10_000),
              packets_sent: 500,
              packets_lost: lossy ? 60 : 0,
              rtt: 40,
              jitter: 5,
              mos_quality: lossy ? 2.6 : 4.4,
            })),
          },
        },
      },
    },
  };
  const parsed = z.parse(peerReportResponseSchema, body);
  const participant =
    parsed.data && 'participant' in parsed.data ? parsed.data.participant : undefined;
  if (!participant || 'invalid' in participant) throw new Error('unreadable');
  return participant;
}

describe('memberOf', () => {
  it('reads connections, reconnects, network, client and what their report says', () => {
    const participant = report(true);
    const m = memberOf({
      participantId: 'kwame',
      name: 'Kwame Mensah',
      record: participant,
      reports: [{ peerId: 'second', participant }],
      now: T0 + 60 * MIN,
    });
    expect(m.peerIds).toEqual(['first', 'second']);
    expect(m.spans).toEqual([
      { startMs: T0, endMs: T0 + 5 * MIN },
      { startMs: T0 + 6 * MIN, endMs: T0 + 40 * MIN },
    ]);
    expect(m.rejoins).toEqual([T0 + 6 * MIN]);
    expect(m.network).toEqual({ country: 'NG', owner: 'AS29465 MTN Nigeria' });
    expect(m.client).toBe('Chrome 142 · web-core 1.35.2');
    expect(m.symptoms?.some((s) => s.direction === 'uplink' && s.severity === 'poor')).toBe(true);
  });

  it('has no statistics without a report, and none but clean ones from a clean report', () => {
    const participant = report(false);
    const base = { participantId: 'kwame', name: null, record: participant, now: T0 + 60 * MIN };
    expect(memberOf({ ...base, reports: [] }).symptoms).toBeNull();
    expect(memberOf({ ...base, reports: [{ peerId: 'second', participant }] }).symptoms).toEqual(
      [],
    );
  });

  it('picks the connection most in the call during the windows', () => {
    const totals = totalsOf(report(false), T0 + 60 * MIN);
    expect(busiestPeer(totals, [{ startMs: T0 + 4 * MIN, endMs: T0 + 5 * MIN }])).toBe('first');
    expect(busiestPeer(totals, [{ startMs: T0 + 10 * MIN, endMs: T0 + 20 * MIN }])).toBe('second');
  });
});
