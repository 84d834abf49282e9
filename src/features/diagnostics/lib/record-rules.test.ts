import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantSchema } from '../../../api/participant-schema';
import { peerEventRecords } from '../../../api/peer-events';
import { summarize } from '../../participant';
import { readPrecall } from './precall';
import { precallVersusCall, type RecordInput, recordRules } from './record-rules';

const MIN = 60_000;
const parse = (fields: Record<string, unknown>) =>
  z.parse(participantSchema, { id: 'p', ...fields });
const precallOf = (p: unknown) =>
  readPrecall(parse({ peer_stats: { precall_network_information: p } }));
const none = { kind: 'missing' } as const;
const clean: RecordInput = {
  precall: none,
  spans: [],
  summary: summarize(parse({})),
  records: null,
};

describe('the pre-call test', () => {
  it('is one finding naming every reading that was not good, worst first, and relay-only apart', () => {
    const found = recordRules({
      ...clean,
      precall: precallOf({
        rtt: 250,
        fractional_loss: 0.06,
        reflexive_connectivity: false,
        relay_connectivity: true,
      }),
    });
    expect(found.map((f) => [f.id, f.severity])).toEqual([
      ['precall', 'poor'],
      ['relay-only', 'degraded'],
    ]);
    expect(found[0]?.title).toBe('Pre-call test poor: packet loss 6 %, round trip (rtt) 250 ms');
    expect(found[0]?.explanation).toContain('points to their network');
    expect(found[0]?.threshold).toContain('Twilio');
  });

  it('finds nothing in a good test', () => {
    const good = precallOf({
      rtt: 40,
      jitter: 8,
      fractional_loss: 0.002,
      reflexive_connectivity: true,
      relay_connectivity: true,
    });
    expect(recordRules({ ...clean, precall: good })).toEqual([]);
  });
});

describe('the record itself', () => {
  it('names peers without LEAVING and a duration that disagrees, with both durations', () => {
    const found = recordRules({
      ...clean,
      spans: [{ peerId: 'a', start: 0, end: MIN, open: false, unterminated: true }],
      summary: {
        ...clean.summary,
        durationCheck: { fromMinutesMs: 30 * MIN, fromTimesMs: 25 * MIN, disagreement: 5 * MIN },
      },
    });
    expect(found.map((f) => f.id)).toEqual(['missing-leaving', 'duration-mismatch']);
    expect(found[1]?.explanation).toContain('(30 min 00 s)');
    expect(found[1]?.explanation).toContain('(25 min 00 s)');
  });

  it('counts unreadable values and repeated event ids, and says when no events were sent', () => {
    const participant = parse({
      duration: 'long',
      peer_events: [
        { id: 'e1', event_name: 'PEER_JOINING', created_at: 'yesterday', peer_id: 'a' },
        { id: 'e1', event_name: 'PEER_JOINING', created_at: '2026-11-21T14:00:00Z', peer_id: 'a' },
      ],
    });
    const found = recordRules({
      ...clean,
      summary: summarize(participant),
      records: peerEventRecords(participant),
    });
    expect(found.map((f) => [f.id, f.title])).toEqual([
      ['unreadable-values', '2 values could not be read'],
      ['repeated-events', '1 repeated event id'],
    ]);
    expect(recordRules({ ...clean, records: [] }).map((f) => f.id)).toEqual(['no-peer-events']);
  });
});

describe('pre-call test versus the call', () => {
  const good = precallOf({ rtt: 40, jitter: 5, fractional_loss: 0 });
  const bad = precallOf({ rtt: 40, jitter: 5, fractional_loss: 0.05 });

  it('says when a clean test was followed by a degraded call, and the reverse', () => {
    expect(precallVersusCall(good, { known: true, degraded: true })?.id).toBe(
      'precall-passed-call-degraded',
    );
    expect(precallVersusCall(bad, { known: true, degraded: false })?.id).toBe(
      'precall-failed-call-fine',
    );
  });

  it('says nothing when they agree, or when either side is unknown', () => {
    expect(precallVersusCall(good, { known: true, degraded: false })).toBeNull();
    expect(precallVersusCall(bad, { known: true, degraded: true })).toBeNull();
    expect(precallVersusCall(good, { known: false, degraded: true })).toBeNull();
    expect(precallVersusCall(none, { known: true, degraded: true })).toBeNull();
    // 0.99 % loss is good: a test that was good throughout and a fine call agree.
    expect(
      precallVersusCall(precallOf({ fractional_loss: 0.0099 }), { known: true, degraded: false }),
    ).toBeNull();
  });
});
