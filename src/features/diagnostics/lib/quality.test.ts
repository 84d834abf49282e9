import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isInvalid } from '../../../api/lenient';
import { type Participant, participantSchema } from '../../../api/participant-schema';
import { type QualityPeer, qualityContext, readQuality, type Series, seriesStats } from './quality';

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function participant(body: Record<string, unknown>): Participant {
  const parsed = z.safeParse(participantSchema, body);
  if (!parsed.success) throw new Error('test participant does not parse');
  return parsed.data;
}

function onlyPeer(body: Record<string, unknown>): QualityPeer {
  const q = readQuality(participant(body));
  if (q.kind !== 'peers' || !q.peers[0]) throw new Error(`expected peers, got ${q.kind}`);
  return q.peers[0];
}

function series(peer: QualityPeer, key: Series['key']): Series {
  const found = peer.series.find((s) => s.key === key);
  if (!found) throw new Error(`no ${key} series`);
  return found;
}

describe('seriesStats', () => {
  it('gives avg, nearest-rank p50/p95, min, max and count, skipping gaps', () => {
    const values = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), Number.NaN]);
    expect(seriesStats(values)).toEqual({
      avg: 10.5,
      p50: 10,
      p95: 19,
      min: 1,
      max: 20,
      count: 20,
    });
  });

  it('is null when nothing is readable', () => {
    expect(seriesStats(Float64Array.from([Number.NaN]))).toBeNull();
    expect(seriesStats([])).toBeNull();
  });

  it('takes the only value for every figure of a one-sample series', () => {
    expect(seriesStats([7])).toEqual({ avg: 7, p50: 7, p95: 7, min: 7, max: 7, count: 1 });
  });
});

describe('readQuality', () => {
  it('says missing when quality_stats was not sent, invalid when it is neither list nor object', () => {
    expect(readQuality(participant({}))).toEqual({ kind: 'missing' });
    expect(readQuality(participant({ quality_stats: null }))).toEqual({ kind: 'missing' });
    expect(readQuality(participant({ quality_stats: 'n/a' }))).toMatchObject({
      kind: 'invalid',
      raw: 'n/a',
    });
  });

  it('reads a list and a single object alike, and says which it was', () => {
    const entry = { peer_id: 'p1', average_quality: '4.2', audio_stats: [] };
    const list = readQuality(participant({ quality_stats: [entry, 'junk'] }));
    const object = readQuality(participant({ quality_stats: entry }));
    expect(list).toMatchObject({ kind: 'peers', shape: 'list', entryProblems: [{ raw: 'junk' }] });
    expect(object).toMatchObject({ kind: 'peers', shape: 'object', entryProblems: [] });
    if (list.kind !== 'peers' || object.kind !== 'peers') throw new Error('unreachable');
    expect(list.peers[0]?.figures.average_quality).toBe(4.2);
    expect(object.peers[0]?.figures.average_quality).toBe(4.2);
  });

  it('reads numeric strings, flags unreadable figures and keeps the rest', () => {
    const peer = onlyPeer({
      quality_stats: [
        { peer_id: 'p1', audio_packet_loss: '2.5', video_packet_loss: 'lots', audio_bandwidth: 32 },
      ],
    });
    expect(peer.figures.audio_packet_loss).toBe(2.5);
    expect(peer.figures.audio_bandwidth).toBe(32);
    expect(peer.figures.video_bandwidth).toBeUndefined();
    const bad = peer.figures.video_packet_loss;
    expect(isInvalid(bad) && bad.raw).toBe('lots');
  });

  it('sorts samples by time, accepts any timestamp form, and counts unreadable ones', () => {
    const peer = onlyPeer({
      quality_stats: [
        {
          peer_id: 'p1',
          audio_stats: [
            { timestamp: iso(T0 + 20_000), jitter: 12, quality: '4.1' },
            { timestamp: (T0 + 10_000) / 1000, jitter: '11', quality: 4.0 },
            { timestamp: 'yesterday', jitter: 99 },
            { timestamp: String(T0), jitter: 'fast', quality: 4.4 },
            'not a sample',
          ],
        },
      ],
    });
    const jitter = series(peer, 'audioJitter');
    expect([...jitter.times]).toEqual([T0, T0 + 10_000, T0 + 20_000]);
    expect([...jitter.values]).toEqual([Number.NaN, 11, 12]);
    expect(jitter.unreadable).toEqual({ count: 1, example: 'fast' });
    expect(jitter.stats).toMatchObject({ count: 2, min: 11, max: 12 });
    expect([...series(peer, 'audioScore').values]).toEqual([4.4, 4, 4.1]);
    expect(peer.unplaced.audio).toEqual({
      count: 2,
      example: { timestamp: 'yesterday', jitter: 99 },
    });
    expect(peer.sampleCount.audio).toBe(5);
  });

  it('reads jitter under 1 as seconds, and says so; larger values as milliseconds', () => {
    const samples = (jitters: number[]) =>
      jitters.map((jitter, i) => ({ timestamp: iso(T0 + i * 1000), jitter }));
    const peer = onlyPeer({
      quality_stats: {
        peer_id: 'p1',
        audio_stats: samples([0, 0.012, 0.03, 0.041]),
        video_stats: samples([0, 12, 30, 41]),
      },
    });
    const audio = series(peer, 'audioJitter');
    expect([...audio.values]).toEqual([0, 12, 30, 41]);
    expect(audio.note).toContain('read as seconds');
    const video = series(peer, 'videoJitter');
    expect([...video.values]).toEqual([0, 12, 30, 41]);
    expect(video.note).toBe('read as milliseconds');
  });

  it('keeps the video fields and leaves out series that were never sent', () => {
    const peer = onlyPeer({
      quality_stats: [
        {
          peer_id: 'p1',
          video_stats: [
            { timestamp: iso(T0), frame_height: '720', frames_per_second: 30, frames_dropped: 0 },
          ],
        },
      ],
    });
    expect(peer.series.map((s) => s.key)).toEqual(['videoFps', 'videoHeight', 'framesDropped']);
    expect(series(peer, 'videoHeight').stats?.max).toBe(720);
  });

  it('flags a sample list that is not a list, and the peer id when it is not a string', () => {
    const peer = onlyPeer({ quality_stats: [{ peer_id: 42, audio_stats: { jitter: 3 } }] });
    expect(peer.peerId).toBeNull();
    expect(peer.peerIdProblem?.raw).toBe(42);
    expect(peer.listProblems[0]?.raw).toEqual({ jitter: 3 });
  });

  // The figure itself is measured by `npm run bench`; this only catches a read that grows
  // worse than linearly (about 50 ms here when the machine is quiet).
  it('reads 28,800 samples of each kind in linear time', () => {
    const audio = Array.from({ length: 28_800 }, (_, i) => ({
      timestamp: iso(T0 + i * 1000),
      quality: 4.2,
      jitter: 8 + (i % 7),
      packets_lost: i % 3,
      concealment_events: 1,
    }));
    const video = audio.map((a) => ({
      ...a,
      frame_width: 1280,
      frame_height: 720,
      frames_per_second: 30,
      frames_dropped: 0,
    }));
    const body = { quality_stats: [{ peer_id: 'p1', audio_stats: audio, video_stats: video }] };
    readQuality(participant(body));
    const started = performance.now();
    const q = readQuality(participant(body));
    const elapsed = performance.now() - started;
    expect(q.kind === 'peers' && q.peers[0]?.series.length).toBe(9);
    // Quadratic work over 57,600 samples would take minutes; a busy CI machine takes < 1 s.
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('qualityContext', () => {
  const event = (peer_id: string, event_name: string, preset_view_type: string) => ({
    id: `${peer_id}-${event_name}`,
    peer_id,
    event_name,
    preset_view_type,
  });

  it('lists joined peers and treats a webinar viewer as one who never publishes', () => {
    const ctx = qualityContext(
      participant({
        preset_name: 'webinar_viewer',
        peer_events: [event('a', 'PEER_JOINING', 'WEBINAR'), event('a', 'PEER_LEAVING', 'WEBINAR')],
      }),
    );
    expect(ctx).toEqual({
      joinedPeerIds: ['a'],
      viewer: true,
      viewerReason: 'preset "webinar_viewer", view type WEBINAR',
    });
  });

  it('does not call a webinar host a viewer, and knows nothing of peers without events', () => {
    const host = qualityContext(
      participant({
        preset_name: 'webinar_presenter',
        peer_events: [event('a', 'PEER_JOINING', 'WEBINAR')],
      }),
    );
    expect(host.viewer).toBe(false);
    expect(qualityContext(participant({})).joinedPeerIds).toBeNull();
  });
});
