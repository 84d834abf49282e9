import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantSchema } from '../../../api/participant-schema';
import { precallVersusCall } from './all-findings';
import { readPrecall } from './precall';
import { densestJoins, type Verdict, verdicts, worstFirst } from './verdicts';

const MIN = 60_000;
const noDuration = { fromMinutesMs: null, fromTimesMs: null, disagreement: null };
const precallOf = (p: unknown) =>
  readPrecall(
    z.parse(participantSchema, { id: 'p', peer_stats: { precall_network_information: p } }),
  );
const none = { kind: 'missing' } as const;

describe('reconnect storm', () => {
  it('needs three JOININGs within 10 minutes: at, below and above the threshold', () => {
    const at = verdicts({
      precall: none,
      joins: [0, 5 * MIN, 10 * MIN],
      spans: [],
      durationCheck: noDuration,
    });
    expect(at.map((v) => v.id)).toEqual(['reconnect-storm']);
    const below = verdicts({
      precall: none,
      joins: [0, 5 * MIN],
      spans: [],
      durationCheck: noDuration,
    });
    expect(below).toEqual([]);
    const spread = verdicts({
      precall: none,
      joins: [0, 5 * MIN, 10 * MIN + 1],
      spans: [],
      durationCheck: noDuration,
    });
    expect(spread).toEqual([]);
    expect(densestJoins([30 * MIN, 0, 1 * MIN, 2 * MIN, 31 * MIN])).toEqual({
      count: 3,
      startMs: 0,
      spanMs: 2 * MIN,
    });
  });
});

describe('pre-call findings', () => {
  it('reports degraded and poor readings worst first, and relay-only connectivity', () => {
    const found = verdicts({
      precall: precallOf({
        rtt: 250,
        fractional_loss: 0.06,
        reflexive_connectivity: false,
        relay_connectivity: true,
      }),
      joins: [],
      spans: [],
      durationCheck: noDuration,
    });
    expect(found.map((v) => [v.id, v.severity])).toEqual([
      ['precall-Packet loss', 'poor'],
      ['precall-Round trip (RTT)', 'degraded'],
      ['relay-only', 'degraded'],
    ]);
    expect(found[0]?.explanation).toContain('likely on their network');
  });

  it('finds nothing in a good test', () => {
    const found = verdicts({
      precall: precallOf({
        rtt: 40,
        jitter: 8,
        fractional_loss: 0.002,
        reflexive_connectivity: true,
        relay_connectivity: true,
      }),
      joins: [0],
      spans: [],
      durationCheck: noDuration,
    });
    expect(found).toEqual([]);
  });
});

describe('record findings', () => {
  it('names peers without LEAVING and a duration that disagrees', () => {
    const found = verdicts({
      precall: none,
      joins: [],
      spans: [{ peerId: 'a', start: 0, end: MIN, open: false, unterminated: true }],
      durationCheck: { fromMinutesMs: 30 * MIN, fromTimesMs: 25 * MIN, disagreement: 5 * MIN },
    });
    expect(found.map((v) => v.id)).toEqual(['missing-leaving', 'duration-mismatch']);
  });
});

describe('pre-call test versus the call', () => {
  const good = precallOf({ rtt: 40, jitter: 5, fractional_loss: 0 });
  const bad = precallOf({ rtt: 40, jitter: 5, fractional_loss: 0.05 });
  const finding = (severity: Verdict['severity']): Verdict => ({
    id: `x-${severity}`,
    severity,
    title: severity,
    explanation: '',
  });

  it('says when a clean test was followed by a degraded call, and the reverse', () => {
    expect(precallVersusCall(good, { known: true, findings: [finding('degraded')] })?.id).toBe(
      'precall-passed-call-degraded',
    );
    expect(precallVersusCall(bad, { known: true, findings: [] })?.id).toBe(
      'precall-failed-call-fine',
    );
  });

  it('does not count a peer that sent no media as the call degrading', () => {
    const silent = { ...finding('degraded'), id: 'quality-never-sent-media' };
    expect(precallVersusCall(good, { known: true, findings: [silent] })).toBeNull();
  });

  it('says nothing when they agree, or when either side is unknown', () => {
    expect(precallVersusCall(good, { known: true, findings: [finding('info')] })).toBeNull();
    expect(precallVersusCall(bad, { known: true, findings: [finding('poor')] })).toBeNull();
    expect(precallVersusCall(good, { known: false, findings: [finding('poor')] })).toBeNull();
    expect(precallVersusCall(none, { known: true, findings: [finding('poor')] })).toBeNull();
    // Loss of 4.99 % is still degraded (boundary of the pre-call grade), 0.99 % is good.
    const justGood = precallOf({ fractional_loss: 0.0099 });
    expect(precallVersusCall(justGood, { known: true, findings: [] })).toBeNull();
  });

  it('orders findings worst first, then earliest first, whole-call last', () => {
    const at = (id: string, severity: Verdict['severity'], startMs?: number): Verdict => ({
      ...finding(severity),
      id,
      ...(startMs === undefined ? {} : { window: { startMs, endMs: startMs } }),
    });
    expect(
      worstFirst([at('a', 'info'), at('b', 'poor'), at('c', 'poor', 5), at('d', 'poor', 1)]).map(
        (v) => v.id,
      ),
    ).toEqual(['d', 'c', 'b', 'a']);
  });
});
