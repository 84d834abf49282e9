import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type PeerReportParticipant,
  peerReportResponseSchema,
} from '../../../api/peer-report-schema';
import { audioSeries, candidatePairOf, reportSeries, shares } from './peer-report';
import { reportEvents, reportRules, WHOLE_CALL_SHARE } from './report-rules';

const T0 = Date.UTC(2026, 10, 21, 14);
const PEER = 'peer-abcdef-123';
const SPAN = { startMs: T0, endMs: T0 + 10 * 60_000 };

type Sample = Record<string, unknown>;

/** A report read through the real schema, as the browser reads one. */
function read(quality: unknown, metadata: Record<string, unknown> = {}): PeerReportParticipant {
  const body = {
    success: true,
    data: { participant: { id: 'p', peer_report: { metadata, quality } } },
  };
  const parsed = z.parse(peerReportResponseSchema, body);
  const participant =
    parsed.data && 'participant' in parsed.data ? parsed.data.participant : undefined;
  if (!participant || 'invalid' in participant) throw new Error('unreadable');
  return participant;
}

/** n producer samples 10 s apart, clean unless told otherwise. */
const samples = (n: number, values: Sample = {}) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(T0 + i * 10_000).toISOString(),
    rtt: 40,
    mos_quality: 4.4,
    packets_sent: 1000,
    packets_lost: 0,
    jitter: 5,
    ...values,
  }));

/** n consumer samples of one sender's media, 10 s apart. */
const received = (n: number, from: string, values: Sample = {}) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(T0 + i * 10_000).toISOString(),
    peer_id: from,
    producer_id: `${from}-audio`,
    mos_quality: 4.4,
    packets_received: 1000,
    packets_lost: 0,
    jitter: 5,
    ...values,
  }));

const rulesOf = (quality: unknown, metadata?: Record<string, unknown>) =>
  reportRules(read(quality, metadata), PEER, SPAN);

/** The severity of the symptom whose figure is `key`, or 'none'. */
const severityOf = (quality: unknown, key: string) =>
  rulesOf(quality).symptoms.find((s) => s.figure.key === key)?.severity ?? 'none';

describe('what the peer sent (producers): uplink', () => {
  it.each([
    [200, 'none'],
    [201, 'degraded'],
    [400, 'degraded'],
    [401, 'poor'],
  ])('round trip %s ms throughout → %s', (rtt, expected) => {
    expect(severityOf({ audio_producer: samples(6, { rtt }) }, 'audio round trip (sent)')).toBe(
      expected,
    );
  });

  it.each([
    [4, 'none'],
    [3.99, 'degraded'],
    [3.5, 'degraded'],
    [3.49, 'poor'],
  ])('MOS %s throughout → %s', (mos, expected) => {
    expect(
      severityOf({ audio_producer: samples(6, { mos_quality: mos }) }, 'audio MOS (sent)'),
    ).toBe(expected);
  });

  it.each([
    [9, 'none'],
    [10, 'degraded'],
    [49, 'degraded'],
    [50, 'poor'],
    [500, 'poor'],
    [501, 'none'],
  ])('%s lost of 1000 sent → %s', (lost, expected) => {
    expect(
      severityOf({ audio_producer: samples(6, { packets_lost: lost }) }, 'audio loss (sent)'),
    ).toBe(expected);
  });

  it('carries the window, the peer, the direction and the series, and ignores one spike', () => {
    const list = samples(10);
    for (const i of [3, 4, 5, 6]) Object.assign(list[i] ?? {}, { rtt: 450 });
    const [found] = rulesOf({ audio_producer: list }).symptoms;
    expect(found).toMatchObject({
      severity: 'poor',
      cause: 'network',
      direction: 'uplink',
      peerId: PEER,
      window: { startMs: T0 + 30_000, endMs: T0 + 60_000 },
      focus: { peerId: PEER, series: 'audio_producer' },
    });
    expect(found?.figure.text).toBe('audio round trip up to 450 ms (sent)');
    const spike = samples(10);
    Object.assign(spike[5] ?? {}, { rtt: 900 });
    expect(rulesOf({ audio_producer: spike }).symptoms).toEqual([]);
  });

  it('stays degraded when one poor spike sits inside a degraded stretch', () => {
    const rtts = [250, 250, 250, 600, 250, 250];
    const list = samples(6).map((s, i) => ({ ...s, rtt: rtts[i] }));
    expect(severityOf({ audio_producer: list }, 'audio round trip (sent)')).toBe('degraded');
  });
});

describe('what the peer received (consumers): downlink, per sender', () => {
  it('grades each sender’s media apart and says whose it was', () => {
    const quality = {
      audio_consumer: [
        ...received(6, 'remote-a', { jitter: 60 }),
        ...received(6, 'remote-b', { jitter: 5 }),
      ],
    };
    const { symptoms } = rulesOf(quality);
    expect(symptoms).toHaveLength(1);
    expect(symptoms[0]).toMatchObject({
      direction: 'remote',
      severity: 'poor',
      remote: { peerId: 'remote-a', senders: 2 },
      focus: { peerId: PEER, series: 'audio_consumer' },
    });
    expect(symptoms[0]?.figure.text).toBe('audio jitter up to 60 ms (received)');
  });

  it('is their own downlink when most senders arrive badly at once, theirs when few do', () => {
    const three = (bad: number) =>
      rulesOf({
        audio_consumer: ['remote-a', 'remote-b', 'remote-c'].flatMap((from, i) =>
          received(6, from, { jitter: i < bad ? 60 : 5 }),
        ),
      }).symptoms.map((s) => s.direction);
    expect(three(1)).toEqual(['remote']);
    expect(three(2)).toEqual(['downlink', 'downlink']);
    expect(three(3)).toEqual(['downlink', 'downlink', 'downlink']);
  });

  it('is their own downlink when both of two senders arrive badly at once', () => {
    const quality = {
      audio_consumer: [
        ...received(6, 'remote-a', { jitter: 60 }),
        ...received(6, 'remote-b', { jitter: 45 }),
      ],
    };
    expect(rulesOf(quality).symptoms.map((s) => [s.remote?.peerId, s.direction])).toEqual([
      ['remote-a', 'downlink'],
      ['remote-b', 'downlink'],
    ]);
  });

  it('reads loss against what should have arrived: received + lost', () => {
    // 50 lost of 1,000 expected is 5 %: poor; 49 of 1,000 is 4.9 %: degraded.
    const at = (lost: number) =>
      severityOf(
        {
          audio_consumer: received(6, 'remote-a', {
            packets_lost: lost,
            packets_received: 1000 - lost,
          }),
        },
        'audio loss (received)',
      );
    expect(at(50)).toBe('poor');
    expect(at(49)).toBe('degraded');
    expect(at(9)).toBe('none');
  });
});

describe('the sender’s own device', () => {
  const video = (n: number, values: (i: number) => Sample) =>
    samples(n).map((s, i) => ({ ...s, frames_per_second: 30, ...values(i) }));
  const durations = (cpuPerSample: number) => (i: number) => ({
    // Cumulative seconds, 10 s a sample: `cpuPerSample` of each interval CPU-limited.
    quality_limitation_durations: {
      cpu: 10 * cpuPerSample * (i + 1),
      none: 10 * (1 - cpuPerSample) * (i + 1),
      bandwidth: 0,
      other: 0,
    },
  });
  const cpu = (quality: unknown) =>
    rulesOf(quality).symptoms.find((s) => s.figure.key === 'CPU-limited');

  it.each([
    [0.29, false],
    [0.3, true],
    [0.31, true],
  ])('a share of %s of the time limited by the CPU → device: %s', (share, flagged) => {
    const found = cpu({ video_producer: video(6, durations(share)) });
    expect(found !== undefined).toBe(flagged);
    if (found) expect(found).toMatchObject({ cause: 'device', direction: 'device' });
  });

  it('counts samples whose reason is "cpu" when no durations are sent', () => {
    expect(
      cpu({ video_producer: video(6, () => ({ quality_limitation_reason: 'cpu' })) }),
    ).toBeDefined();
    expect(
      cpu({
        video_producer: video(6, (i) => ({
          quality_limitation_reason: i % 3 === 0 ? 'cpu' : 'none',
        })),
      }),
    ).toBeUndefined();
  });

  it.each([
    [7, 'none'],
    [6.9, 'device'],
  ])('a frame rate of %s fps on a clean network → %s', (fps, expected) => {
    const found = rulesOf({
      video_producer: video(6, () => ({ frames_per_second: fps })),
    }).symptoms;
    expect(found.find((s) => s.figure.key === 'video frame rate (sent)')?.direction ?? 'none').toBe(
      expected,
    );
  });

  it('leaves a low frame rate on a lossy network to the network', () => {
    const found = rulesOf({
      video_producer: video(6, () => ({ frames_per_second: 4, packets_lost: 80 })),
    }).symptoms;
    expect(found.find((s) => s.figure.key === 'video frame rate (sent)')).toMatchObject({
      cause: 'network',
      direction: 'uplink',
    });
  });
});

describe('counters that are a reporting bug', () => {
  it.each([
    [{ packets_lost: 500 }, false],
    [{ packets_lost: 501 }, true],
    [{ packets_lost: 1001 }, true],
    [{ packets_lost: -1 }, true],
    [{ packets_sent: -5, packets_lost: 0 }, true],
  ])('%o → flagged: %s', (values, flagged) => {
    const found = rulesOf({ audio_producer: samples(6, values) }).findings.find(
      (f) => f.id === 'report-counters',
    );
    expect(found !== undefined).toBe(flagged);
    if (found) {
      expect(found.severity).toBe('info');
      expect(found.explanation).toContain('reporting issue');
    }
  });
});

describe('the candidate pair', () => {
  const pair = (fields: Record<string, unknown>) =>
    rulesOf(
      {},
      { candidate_pairs: { producing_transport: [{ nominated: true, ...fields }] } },
    ).findings.map((f) => f.title);

  it('calls out TURN over TCP (or TLS), never a direct or UDP relay path', () => {
    expect(pair({ local_candidate_type: 'relay', local_candidate_protocol: 'tcp' })).toEqual([
      'TURN over TCP',
    ]);
    expect(
      pair({ local_candidate_type: 'relay', local_candidate_url: 'turns:turn.example.net:443' }),
    ).toEqual(['TURN over TLS (TCP)']);
    expect(pair({ local_candidate_type: 'relay', local_candidate_protocol: 'udp' })).toEqual([]);
    expect(pair({ local_candidate_type: 'host', local_candidate_protocol: 'tcp' })).toEqual([]);
  });

  it('reads the pair and its protocols', () => {
    const relay = read(
      {},
      {
        candidate_pairs: {
          producing_transport: [
            {
              local_candidate_type: 'relay',
              local_candidate_url: 'turn:x?transport=tcp',
              local_candidate_protocol: 'udp',
              remote_candidate_type: 'host',
            },
          ],
        },
      },
    );
    expect(candidatePairOf(relay)).toMatchObject({
      route: 'relay',
      transport: 'tcp',
      label: 'TURN over TCP',
    });
    expect(candidatePairOf(read({}))).toBeNull();
  });
});

describe('whole-call shares when there are no samples', () => {
  const cumulative = (rtt: Record<string, number>, mos?: number, loss?: number) =>
    rulesOf({
      audio_producer_cumulative: {
        rtt,
        ...(mos === undefined ? {} : { quality_mos: { avg: mos } }),
        ...(loss === undefined ? {} : { packet_loss: { '5_or_greater_event_fraction': loss } }),
      },
    }).symptoms.map((s) => `${s.figure.key}:${s.severity}`);

  it.each([
    [
      { '500ms_or_greater_event_fraction': WHOLE_CALL_SHARE },
      ['audio round trip of 500 ms or more:poor'],
    ],
    [{ '500ms_or_greater_event_fraction': WHOLE_CALL_SHARE - 0.01 }, []],
    [
      { '250ms_or_greater_event_fraction': WHOLE_CALL_SHARE },
      ['audio round trip of 250 ms or more:degraded'],
    ],
    [{ '250ms_or_greater_event_fraction': WHOLE_CALL_SHARE - 0.01 }, []],
  ])('rtt %o → %o', (rtt, expected) => {
    expect(cumulative(rtt)).toEqual(expected);
  });

  it('grades the average MOS and the share of lossy time, over the peer’s connection', () => {
    expect(cumulative({}, 4)).toEqual([]);
    expect(cumulative({}, 3.9)).toEqual(['audio MOS on average (sent):degraded']);
    expect(cumulative({}, 3.4)).toEqual(['audio MOS on average (sent):poor']);
    expect(cumulative({}, undefined, 0.25)).toEqual(['audio loss of 5 % or more:poor']);
    expect(cumulative({}, undefined, 0.24)).toEqual([]);
    const [s] = rulesOf({ audio_producer_cumulative: { quality_mos: { avg: 3 } } }).symptoms;
    expect(s).toMatchObject({ window: SPAN, direction: 'uplink' });
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

  it('splits what a peer received by sender', () => {
    const quality = {
      audio_consumer: [...received(2, 'remote-a'), ...received(3, 'remote-b')],
    };
    expect(
      reportSeries(read(quality), 'audio_consumer').map((s) => [s.remotePeerId, s.times.length]),
    ).toEqual([
      ['remote-a', 2],
      ['remote-b', 3],
    ]);
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

  it('lists the SDK events the report holds, with their times', () => {
    const report = read(
      {},
      {
        events: [
          {
            name: 'disconnect',
            timestamp: new Date(T0).toISOString(),
            metadata: { reason: 'network' },
          },
          { name: 'no time' },
        ],
      },
    );
    expect(reportEvents(report, PEER)).toEqual([
      { atMs: T0, name: 'disconnect', peerId: PEER, metadata: { reason: 'network' } },
    ]);
  });
});
