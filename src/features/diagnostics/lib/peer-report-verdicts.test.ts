import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type PeerReportParticipant,
  peerReportResponseSchema,
} from '../../../api/peer-report-schema';
import { audioSeries, candidatePairOf, shares } from './peer-report';
import { peerReportVerdicts, WHOLE_CALL_SHARE } from './peer-report-verdicts';

const T0 = Date.UTC(2026, 10, 21, 14);
const PEER = 'peer-abcdef-123';

type SampleInput = Partial<
  Record<'rtt' | 'mos_quality' | 'packets_lost' | 'packets_sent' | 'jitter', unknown>
>;

/** A report read through the real schema, as the browser reads one. */
function read(quality: unknown, pair?: Record<string, unknown>): PeerReportParticipant {
  const body = {
    success: true,
    data: {
      participant: {
        id: 'p',
        peer_report: {
          metadata: pair ? { candidate_pairs: { producing_transport: [pair] } } : {},
          quality,
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

/** n samples 10 s apart, each with the given values. */
const samples = (n: number, values: SampleInput) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(T0 + i * 10_000).toISOString(),
    rtt: 40,
    mos_quality: 4.4,
    packets_sent: 1000,
    packets_lost: 0,
    jitter: 5,
    ...values,
  }));

const verdictsFor = (values: SampleInput, n = 6) =>
  peerReportVerdicts(read({ audio_producer: samples(n, values) }), PEER);
const severity = (values: SampleInput, id: string) =>
  verdictsFor(values).find((v) => v.id === `peer-report-${id}-${PEER}`)?.severity ?? 'none';

describe('peerReportVerdicts: sustained RTT (degraded > 200 ms, poor > 400 ms)', () => {
  it.each([
    [200, 'none'],
    [201, 'degraded'],
    [400, 'degraded'],
    [401, 'poor'],
  ])('%s ms throughout → %s', (rtt, expected) => {
    expect(severity({ rtt }, 'rtt')).toBe(expected);
  });

  it('carries the window and the peer, and ignores one spike', () => {
    const list = samples(10, {});
    for (const i of [3, 4, 5, 6]) Object.assign(list[i] ?? {}, { rtt: 450 });
    const [found] = peerReportVerdicts(read({ audio_producer: list }), PEER);
    expect(found).toMatchObject({
      severity: 'poor',
      peerId: PEER,
      window: { startMs: T0 + 30_000, endMs: T0 + 60_000 },
    });
    const spike = samples(10, {});
    Object.assign(spike[5] ?? {}, { rtt: 900 });
    expect(peerReportVerdicts(read({ audio_producer: spike }), PEER)).toEqual([]);
  });
});

describe('peerReportVerdicts: sustained MOS (fair below 4, poor below 3.5)', () => {
  it.each([
    [4, 'none'],
    [3.99, 'degraded'],
    [3.5, 'degraded'],
    [3.49, 'poor'],
  ])('%s throughout → %s', (mos, expected) => {
    expect(severity({ mos_quality: mos }, 'mos')).toBe(expected);
  });
});

describe('peerReportVerdicts: sustained loss = packets_lost / packets_sent (degraded ≥ 1 %, poor ≥ 5 %)', () => {
  it.each([
    [9, 'none'],
    [10, 'degraded'],
    [49, 'degraded'],
    [50, 'poor'],
    [500, 'poor'],
    [501, 'none'],
  ])('%s lost of 1000 → %s', (lost, expected) => {
    expect(severity({ packets_lost: lost }, 'loss')).toBe(expected);
  });
});

describe('peerReportVerdicts: counters that are a reporting bug', () => {
  it.each([
    [{ packets_lost: 500 }, false],
    [{ packets_lost: 501 }, true],
    [{ packets_lost: 1001 }, true],
    [{ packets_lost: -1 }, true],
    [{ packets_sent: -5, packets_lost: 0 }, true],
  ])('%o → flagged: %s', (values, flagged) => {
    const found = verdictsFor(values).find((v) => v.id.startsWith('peer-report-counters'));
    expect(found !== undefined).toBe(flagged);
    if (found) {
      expect(found.severity).toBe('info');
      expect(found.explanation).toContain('reporting issue');
    }
  });
});

describe('peerReportVerdicts: the candidate pair', () => {
  const pair = (fields: Record<string, unknown>) =>
    peerReportVerdicts(read({}, { nominated: true, ...fields }), PEER).map((v) => v.title);

  it('calls out TURN over TCP (or TLS), never a direct or UDP relay path', () => {
    expect(pair({ local_candidate_type: 'relay', local_candidate_protocol: 'tcp' })).toEqual([
      'TURN over TCP on peer-abc…',
    ]);
    expect(
      pair({ local_candidate_type: 'relay', local_candidate_url: 'turns:turn.example.net:443' }),
    ).toEqual(['TURN over TLS (TCP) on peer-abc…']);
    expect(pair({ local_candidate_type: 'relay', local_candidate_protocol: 'udp' })).toEqual([]);
    expect(pair({ local_candidate_type: 'host', local_candidate_protocol: 'tcp' })).toEqual([]);
  });

  it('reads the pair and its protocols', () => {
    const relay = read(
      {},
      {
        local_candidate_type: 'relay',
        local_candidate_url: 'turn:x?transport=tcp',
        local_candidate_protocol: 'udp',
        remote_candidate_type: 'host',
      },
    );
    expect(candidatePairOf(relay)).toMatchObject({
      route: 'relay',
      transport: 'tcp',
      label: 'TURN over TCP',
    });
    const direct = read({}, { local_candidate_type: 'srflx', local_candidate_protocol: 'udp' });
    expect(candidatePairOf(direct)).toMatchObject({ route: 'direct', label: 'Direct, UDP' });
    expect(candidatePairOf(read({}))).toBeNull();
  });
});

describe('peerReportVerdicts: whole-call shares when there are no samples', () => {
  const cumulative = (rtt: Record<string, number>, mos?: number, loss?: number) =>
    peerReportVerdicts(
      read({
        audio_producer_cumulative: {
          rtt,
          ...(mos === undefined ? {} : { quality_mos: { avg: mos } }),
          ...(loss === undefined ? {} : { packet_loss: { '5_or_greater_event_fraction': loss } }),
        },
      }),
      PEER,
    ).map((v) => `${v.id.replace(`-${PEER}`, '')}:${v.severity}`);

  it.each([
    [{ '500ms_or_greater_event_fraction': WHOLE_CALL_SHARE }, ['peer-report-rtt:poor']],
    [{ '500ms_or_greater_event_fraction': WHOLE_CALL_SHARE - 0.01 }, []],
    [{ '250ms_or_greater_event_fraction': WHOLE_CALL_SHARE }, ['peer-report-rtt:degraded']],
    [{ '250ms_or_greater_event_fraction': WHOLE_CALL_SHARE - 0.01 }, []],
  ])('rtt %o → %o', (rtt, expected) => {
    expect(cumulative(rtt)).toEqual(expected);
  });

  it('grades the average MOS and the share of lossy time', () => {
    expect(cumulative({}, 4)).toEqual([]);
    expect(cumulative({}, 3.9)).toEqual(['peer-report-mos:degraded']);
    expect(cumulative({}, 3.4)).toEqual(['peer-report-mos:poor']);
    expect(cumulative({}, undefined, 0.25)).toEqual(['peer-report-loss:poor']);
    expect(cumulative({}, undefined, 0.24)).toEqual([]);
  });
});

describe('reading a report', () => {
  it('keeps the other samples when one is broken, and reads sub-1 jitter as seconds', () => {
    const list = [...samples(3, { jitter: 0.02 }), 'junk', { timestamp: 'never', rtt: 1 }];
    const series = audioSeries(read({ audio_producer: list }));
    expect(series.times).toHaveLength(3);
    expect(series.unreadable).toBe(2);
    expect(series.jitterInSeconds).toBe(true);
    expect(series.jitterMs[0]).toBeCloseTo(20);
  });

  it('words the cumulative shares as readable percentages', () => {
    const found = shares({
      packet_loss: { '5_or_greater_event_fraction': 0.12, '50_or_greater_event_fraction': 7 },
      rtt: { '250ms_or_greater_event_fraction': 0.005 },
    });
    expect(found.map((s) => s.text)).toEqual([
      '12 % of the time with 5 % loss or more',
      '0.5 % of the time with a round trip of 250 ms or more',
    ]);
  });
});

describe('peerReportVerdicts: one spike inside a degraded stretch', () => {
  it('stays degraded: poor needs poor readings that persist themselves', () => {
    const rtts = [250, 250, 250, 600, 250, 250];
    const quality = {
      audio_producer: samples(6, {}).map((s, i) => ({ ...s, rtt: rtts[i] })),
    };
    const rtt = peerReportVerdicts(read(quality), PEER).find((v) =>
      v.id.startsWith('peer-report-rtt-'),
    );
    expect(rtt?.severity).toBe('degraded');
  });
});
