import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantSchema } from '../../../api/participant-schema';
import { type QualityContext, readQuality } from './quality';
import { problemWindows, qualityVerdicts } from './quality-verdicts';

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

const verdictsFor = (...args: Parameters<typeof quality>) =>
  qualityVerdicts(quality(...args), GROUP).map((v) => [v.id, v.severity]);

describe('sustained jitter', () => {
  it.each([
    [29.9, []],
    [30, [['quality-audioJitter', 'degraded']]],
    [30.1, [['quality-audioJitter', 'degraded']]],
    [40, [['quality-audioJitter', 'degraded']]],
    [40.1, [['quality-audioJitter', 'poor']]],
  ])('%s ms held for a minute → %j', (jitter, expected) => {
    expect(verdictsFor({}, { jitter })).toEqual(expected);
  });

  it('sets the window and the peer, and says the threshold', () => {
    const [v] = qualityVerdicts(quality({}, { jitter: 55 }), GROUP);
    expect(v).toMatchObject({
      peerId: 'peer-1',
      window: { startMs: T0, endMs: T0 + 50_000 },
      metric: 'audio jitter',
    });
    expect(v?.threshold).toContain('40 ms');
    expect(v?.title).toContain('peak 55 ms');
  });

  it('keeps sub-millisecond jitter good: 0.4 is milliseconds, not 400 ms', () => {
    expect(verdictsFor({}, { jitter: 0.4 })).toEqual([]);
    // WebRTC's seconds: 0.045 s is 45 ms, poor.
    expect(verdictsFor({}, { jitter: 0.045 })).toEqual([['quality-audioJitter', 'poor']]);
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
    expect(qualityVerdicts(readQuality(spiky.data), GROUP)).toEqual([]);
  });
});

describe('sustained low quality score (MOS)', () => {
  it.each([
    [4, []],
    [3.99, [['quality-audioScore', 'degraded']]],
    [3.5, [['quality-audioScore', 'degraded']]],
    [3.49, [['quality-audioScore', 'poor']]],
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
    expect(problemWindows(series).poor).toEqual([
      { startMs: T0, endMs: T0 + 50_000, bad: 6, worst: 3 },
    ]);
  });
});

describe('whole-call packet loss', () => {
  it.each([
    [0.99, []],
    [1, [['quality-audio-loss', 'degraded']]],
    [4.99, [['quality-audio-loss', 'degraded']]],
    [5, [['quality-audio-loss', 'poor']]],
    [50, [['quality-audio-loss', 'poor']]],
    [50.1, [['quality-audio-loss', 'info']]],
    [-1, [['quality-audio-loss', 'info']]],
  ])('audio loss %s %% → %j', (loss, expected) => {
    expect(verdictsFor({ audio_packet_loss: loss })).toEqual(expected);
  });

  it('calls an absurd loss a reporting issue, not the network', () => {
    const [v] = qualityVerdicts(quality({ video_packet_loss: '180' }), GROUP);
    expect(v?.explanation).toContain('likely a reporting issue');
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
    const found = qualityVerdicts(q, joined(['peer-1', 'peer-2']));
    expect(found).toEqual([
      expect.objectContaining({
        id: 'quality-never-sent-media',
        severity: 'degraded',
        peerId: 'peer-2',
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
    expect(qualityVerdicts(q, { ...joined(['peer-1']), viewer: true })).toEqual([]);
  });

  it('says nothing when quality stats were not sent at all', () => {
    expect(qualityVerdicts({ kind: 'missing' }, joined(['peer-1']))).toEqual([]);
  });
});

describe('the same finding on several peers', () => {
  it('is one verdict: the worst peer, and how many share it', () => {
    const peer = (peer_id: string, jitter: number) => ({
      peer_id,
      audio_stats: Array.from({ length: 6 }, (_, i) => ({ timestamp: T0 + i * 10_000, jitter })),
    });
    const parsed = z.safeParse(participantSchema, {
      quality_stats: [peer('peer-a', 35), peer('peer-b', 60), peer('peer-c', 5)],
    });
    if (!parsed.success) throw new Error('does not parse');
    const found = qualityVerdicts(readQuality(parsed.data), GROUP);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'poor', peerId: 'peer-b' });
    expect(found[0]?.title).toContain('(2 of 3 peers; worst: peer peer-b)');
  });
});
