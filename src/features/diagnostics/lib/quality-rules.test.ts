import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantSchema } from '../../../api/participant-schema';
import { type QualityContext, readQuality } from './quality';
import { problemWindows, qualityRules } from './quality-rules';

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);
const GROUP: QualityContext = { joinedPeerIds: null, viewer: false, viewerReason: null };

/** quality_stats for one peer: `n` audio samples 10 s apart, every field as given. */
function quality(entry: Record<string, unknown>, audio: Record<string, unknown> = {}, n = 6) {
  const samples = Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(T0 + i * 10_000).toISOString(),
    ...audio,
  }));
  const parsed = z.safeParse(participantSchema, {
    quality_stats: [{ peer_id: 'peer-1', audio_stats: samples, ...entry }],
  });
  if (!parsed.success) throw new Error('does not parse');
  return readQuality(parsed.data);
}

/** What the rules find: symptoms by figure, whole-call findings by id, with their severity. */
function found(q: ReturnType<typeof quality>, context = GROUP) {
  const rules = qualityRules(q, context);
  return [
    ...rules.symptoms.map((s) => [s.figure.key, s.severity]),
    ...rules.findings.map((f) => [f.id, f.severity]),
  ];
}
const verdictsFor = (...args: Parameters<typeof quality>) => found(quality(...args));

describe('sustained jitter', () => {
  it.each([
    [29.9, []],
    [30, [['audio jitter', 'degraded']]],
    [30.1, [['audio jitter', 'degraded']]],
    [40, [['audio jitter', 'degraded']]],
    [40.1, [['audio jitter', 'poor']]],
  ])('%s ms held for a minute → %j', (jitter, expected) => {
    expect(verdictsFor({}, { jitter })).toEqual(expected);
  });

  it('sets the window, the peer and its series, an unknown direction, and the threshold', () => {
    const [s] = qualityRules(quality({}, { jitter: 55 }), GROUP).symptoms;
    expect(s).toMatchObject({
      peerId: 'peer-1',
      window: { startMs: T0, endMs: T0 + 50_000 },
      cause: 'network',
      direction: 'unknown',
      focus: { peerId: 'peer-1', series: 'audioJitter' },
    });
    expect(s?.threshold).toContain('40 ms');
    expect(s?.figure.text).toBe('audio jitter up to 55 ms');
  });

  it('keeps sub-millisecond jitter good: 0.4 is milliseconds, not 400 ms', () => {
    expect(verdictsFor({}, { jitter: 0.4 })).toEqual([]);
    // WebRTC's seconds: 0.045 s is 45 ms, poor.
    expect(verdictsFor({}, { jitter: 0.045 })).toEqual([['audio jitter', 'poor']]);
  });

  it('ignores two bad samples in five', () => {
    const spiky = z.safeParse(participantSchema, {
      quality_stats: {
        peer_id: 'p',
        audio_stats: [5, 90, 5, 90, 5, 5].map((jitter, i) => ({
          timestamp: T0 + i * 1000,
          jitter,
        })),
      },
    });
    if (!spiky.success) throw new Error('does not parse');
    expect(found(readQuality(spiky.data))).toEqual([]);
  });
});

describe('sustained low quality score (MOS)', () => {
  it.each([
    [4, []],
    [3.99, [['audio MOS', 'degraded']]],
    [3.5, [['audio MOS', 'degraded']]],
    [3.49, [['audio MOS', 'poor']]],
  ])('score %s held for a minute → %j', (score, expected) => {
    expect(verdictsFor({}, { quality: score })).toEqual(expected);
  });

  it('reads a score of 0 as no score (nothing sent), not a poor one', () => {
    expect(verdictsFor({}, { quality: 0 })).toEqual([]);
  });

  it('shades the same stretches it reports', () => {
    const q = quality({}, { quality: 3 });
    const series = q.kind === 'peers' ? q.peers[0]?.series[0] : undefined;
    if (!series) throw new Error('no series');
    expect(problemWindows(series)).toEqual([
      { startMs: T0, endMs: T0 + 50_000, bad: 6, worst: 3, severity: 'poor' },
    ]);
  });
});

describe('a connection’s packet loss', () => {
  it.each([
    [0.99, []],
    [1, [['audio loss', 'degraded']]],
    [4.99, [['audio loss', 'degraded']]],
    [5, [['audio loss', 'poor']]],
    [50, [['audio loss', 'poor']]],
    [50.1, [['quality-audio-loss', 'info']]],
    [-1, [['quality-audio-loss', 'info']]],
  ])('audio loss %s %% → %j', (loss, expected) => {
    expect(verdictsFor({ audio_packet_loss: loss }, { jitter: 5 })).toEqual(expected);
  });

  it('covers the connection’s samples, and calls an absurd loss a reporting issue', () => {
    const [s] = qualityRules(quality({ audio_packet_loss: 12 }, { jitter: 5 }), GROUP).symptoms;
    expect(s?.window).toEqual({ startMs: T0, endMs: T0 + 50_000 });
    expect(s?.figure.text).toBe('audio loss 12 % over the connection');
    const [f] = qualityRules(quality({ video_packet_loss: '180' }), GROUP).findings;
    expect(f?.explanation).toContain('likely a reporting issue');
  });
});

describe('counters that look like a reporting bug', () => {
  it.each([
    [{ packets_lost: 0 }, []],
    [{ packets_lost: -1 }, [['quality-counter-audioLost', 'info']]],
    [{ quality: 5 }, []],
    [{ quality: 5.01 }, [['quality-counter-audioScore', 'info']]],
    [{ quality: -0.01 }, [['quality-counter-audioScore', 'info']]],
  ])('%j → %j', (sample, expected) => {
    expect(verdictsFor({}, sample)).toEqual(expected);
  });
});

describe('peers that never sent media', () => {
  const joined = (ids: string[]): QualityContext => ({ ...GROUP, joinedPeerIds: ids });

  it('names a joined peer with no samples', () => {
    const q = quality({}, { jitter: 5 });
    expect(qualityRules(q, joined(['peer-1', 'peer-2'])).findings).toEqual([
      expect.objectContaining({
        id: 'quality-never-sent-media',
        severity: 'degraded',
        title: 'Peer peer-2 joined but sent no audio or video',
      }),
    ]);
  });

  it('counts an entry with empty sample lists as never sent', () => {
    expect(verdictsFor({ audio_stats: [], video_stats: [] })).toEqual([
      ['quality-never-sent-media', 'degraded'],
    ]);
  });

  it('says nothing for a webinar viewer, who never publishes', () => {
    const q = quality({ audio_stats: [], video_stats: [] });
    expect(found(q, { ...joined(['peer-1']), viewer: true })).toEqual([]);
  });

  it('says nothing when quality stats were not sent at all', () => {
    expect(found({ kind: 'missing' }, joined(['peer-1']))).toEqual([]);
  });
});

describe('several peers', () => {
  it('each give their own symptoms, for the engine to merge in time', () => {
    const peer = (peer_id: string, jitter: number) => ({
      peer_id,
      audio_stats: Array.from({ length: 6 }, (_, i) => ({ timestamp: T0 + i * 10_000, jitter })),
    });
    const parsed = z.safeParse(participantSchema, {
      quality_stats: [peer('peer-a', 35), peer('peer-b', 60), peer('peer-c', 5)],
    });
    if (!parsed.success) throw new Error('does not parse');
    const { symptoms, known } = qualityRules(readQuality(parsed.data), GROUP);
    expect(symptoms.map((s) => [s.peerId, s.severity])).toEqual([
      ['peer-a', 'degraded'],
      ['peer-b', 'poor'],
    ]);
    expect(known).toBe(true);
  });
});
