/**
 * What a mock peer sent and received, 10-second sample by sample, as a peer report lists it
 * (RealtimeKit's API, docs/UPSTREAM.md). A participant's network is two links: the uplink
 * carries what it sends (its producer samples), the downlink what it receives. What one peer
 * receives from another (a consumer sample) suffers from both the sender's uplink and the
 * receiver's downlink, so one person's bad uplink shows in everyone's consumer series of their
 * producers, and a bad downlink in all of that person's consumer series.
 *
 * The state of a link at a moment is drawn from a generator seeded by the peer and the 10 s
 * slot, so every report that asks about the same link at the same time sees the same numbers.
 */
import type { WireCumulative, WireQualitySample } from '../../src/api/peer-report-schema';
import type { NetworkProfile } from './diagnostics';
import { type Random, seeded } from './random';
import { iso, type Span } from './timeline';

export const STEP_MS = 10_000;
/** Opus sends 50 packets a second: about 500 in a sample. */
const AUDIO_PACKETS = 500;

/** FNV-1a: a stable seed from a text. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uuid that is always the same for the same key. */
export const uuidOf = (key: string) => seeded(hash(key)).uuid();

export const between = (r: Random, [min, max]: readonly [number, number], digits = 1) =>
  Number((min + r.next() * (max - min)).toFixed(digits));

export const round = (n: number, digits = 4) => Number(n.toFixed(digits));

export type Window = { readonly fromMs: number; readonly toMs: number };

/** A stretch on another network: a bad patch in an otherwise good call. */
export type Episode = Window & { readonly network: NetworkProfile };

/** One direction of a participant's network: its profile, with stretches on another. */
export type Link = { readonly base: NetworkProfile; readonly episodes: readonly Episode[] };

const inside = (w: Window, at: number) => at >= w.fromMs && at < w.toMs;

function networkAt(link: Link, at: number): NetworkProfile {
  return link.episodes.find((e) => inside(e, at))?.network ?? link.base;
}

type Conditions = { lossPct: number; jitterMs: number; rttMs: number; lossy: boolean };

/** The link's state in the 10 s slot that holds `at`, the same for everyone who asks. */
function conditionsAt(link: Link, key: string, at: number): Conditions {
  const net = networkAt(link, at);
  const r = seeded(hash(`${key}@${Math.floor(at / STEP_MS)}`));
  return {
    lossPct: between(r, net.lossPct, 2),
    jitterMs: between(r, net.jitterMs),
    rttMs: between(r, net.rttMs, 0),
    lossy: net.lossPct[1] > 5,
  };
}

/** A rough E-model: loss, delay beyond 150 ms and jitter each take their share off 4.5. */
function mosOf(lossPct: number, rttMs: number, jitterMs: number): number {
  const mos = 4.5 - 0.12 * lossPct - 0.003 * Math.max(0, rttMs - 150) - 0.008 * jitterMs;
  return round(Math.min(4.5, Math.max(1, mos)), 2);
}

/** The camera's encoder starved of CPU from `fromMs` to `toMs`, with the camera then in use. */
export type CpuEpisode = Window & { readonly camera?: string };

/** One peer as the others in the session receive it: what it sent, over which link. */
export type Sender = {
  readonly participantId: string;
  readonly peerId: string;
  readonly span: Span;
  readonly uplink: Link;
  readonly cpu: readonly CpuEpisode[];
  /** Whether jitter is reported in seconds (WebRTC's unit), as some SDKs send it. */
  readonly jitterInSeconds: boolean;
  /** The end of a span still open. */
  readonly now: number;
};

export type Kind = 'audio' | 'video';
export const KINDS: readonly Kind[] = ['audio', 'video'];

export const producerIdOf = (peerId: string, kind: Kind) => uuidOf(`${peerId}:${kind}-producer`);

/** The 10 s sample times of a span: its first sample 10 s after the join. */
function sampleTimes(span: Span, now: number, from = span.join, to = span.leave ?? now): number[] {
  const times: number[] = [];
  const first = span.join + STEP_MS * Math.max(1, Math.ceil((from - span.join) / STEP_MS));
  for (let at = first; at <= to; at += STEP_MS) times.push(at);
  return times;
}

type Video = {
  fps: number;
  width: number;
  height: number;
  reason: 'cpu' | 'bandwidth' | 'none';
  /** The part (0..1) of the sample's 10 s the encoder was limited. */
  limited: number;
};

/**
 * The video the sender's encoder put out at `at`: a CPU-starved encoder drops from 30 to about
 * 8 frames a second within a minute and shrinks the picture; a lossy uplink makes the
 * bandwidth estimator do the same.
 */
function videoSentAt(sender: Sender, at: number): Video {
  const r = seeded(hash(`${sender.peerId}:video@${Math.floor(at / STEP_MS)}`));
  const cpu = sender.cpu.find((w) => inside(w, at));
  if (cpu) {
    const into = Math.min(1, (at - cpu.fromMs) / 60_000);
    const fps = Math.max(7, Math.round(30 - 22 * into) + r.int(-1, 1));
    // Now and then the encoder catches up for a moment.
    const starved = into < 0.2 || r.next() < 0.85;
    return starved
      ? { fps, width: 640, height: 360, reason: 'cpu', limited: between(r, [0.8, 1], 2) }
      : { fps: fps + 4, width: 640, height: 360, reason: 'none', limited: 0 };
  }
  if (conditionsAt(sender.uplink, `${sender.peerId}:up`, at).lossy) {
    return {
      fps: r.int(8, 20),
      width: 640,
      height: 360,
      reason: 'bandwidth',
      limited: between(r, [0.5, 1], 2),
    };
  }
  return { fps: r.int(24, 30), width: 1280, height: 720, reason: 'none', limited: 0 };
}

const jitterOf = (ms: number, inSeconds: boolean) => round(inSeconds ? ms / 1000 : ms);

/** What the sender's peer sent: its audio and video producer samples. */
export function producerSamples(sender: Sender): Record<Kind, WireQualitySample[]> {
  const r = seeded(hash(`${sender.peerId}:producers`));
  const audio: WireQualitySample[] = [];
  const video: WireQualitySample[] = [];
  const durations = { cpu: 0, bandwidth: 0, none: 0, other: 0 };
  let changes = 0;
  let lastWidth = 0;
  for (const at of sampleTimes(sender.span, sender.now)) {
    const up = conditionsAt(sender.uplink, `${sender.peerId}:up`, at);
    const sent = AUDIO_PACKETS + r.int(-8, 8);
    audio.push({
      timestamp: iso(at),
      producer_id: producerIdOf(sender.peerId, 'audio'),
      mid: '0',
      ssrc: 1111,
      mos_quality: mosOf(up.lossPct, up.rttMs, up.jitterMs),
      jitter: jitterOf(up.jitterMs, sender.jitterInSeconds),
      rtt: up.rttMs,
      packets_sent: sent,
      packets_lost: Math.round((sent * up.lossPct) / 100),
      bytes_sent: sent * r.int(95, 125),
    });
    const v = videoSentAt(sender, at);
    const limitedSeconds = round(10 * v.limited, 1);
    if (v.reason !== 'none') durations[v.reason] = round(durations[v.reason] + limitedSeconds, 1);
    durations.none = round(durations.none + 10 - (v.reason === 'none' ? 0 : limitedSeconds), 1);
    if (lastWidth !== 0 && v.width !== lastWidth) changes += 1;
    lastWidth = v.width;
    const packets = Math.round(v.fps * (v.width >= 1280 ? 40 : 25) + r.int(-20, 20));
    const videoJitter = between(r, [up.jitterMs * 0.8, up.jitterMs * 1.2]);
    video.push({
      timestamp: iso(at),
      producer_id: producerIdOf(sender.peerId, 'video'),
      mid: '1',
      ssrc: 2222,
      mos_quality: round(Math.max(1, mosOf(up.lossPct, up.rttMs, up.jitterMs) - 0.2), 2),
      jitter: jitterOf(videoJitter, sender.jitterInSeconds),
      rtt: up.rttMs,
      packets_sent: packets,
      packets_lost: Math.round((packets * up.lossPct) / 100),
      bytes_sent: packets * r.int(1000, 1150),
      frame_width: v.width,
      frame_height: v.height,
      frames_per_second: v.fps,
      frames_encoded: v.fps * 10,
      key_frames_encoded: up.lossy ? r.int(1, 3) : r.int(0, 1),
      pli_count: up.lossy ? r.int(2, 6) : r.int(0, 1),
      fir_count: 0,
      quality_limitation_reason: v.reason,
      // WebRTC's counters: seconds per reason and resolution changes since the sender started.
      quality_limitation_durations: { ...durations },
      quality_limitation_resolution_changes: changes,
    });
  }
  return { audio, video };
}

/** The receiving end of a consumer series: the peer, and its downlink. */
export type Receiver = {
  readonly peerId: string;
  readonly span: Span;
  readonly downlink: Link;
  readonly jitterInSeconds: boolean;
  readonly now: number;
};

/**
 * What the receiver's peer got from one sender's producers while both were connected: each
 * sample names the sender's peer and producer, and carries both links' trouble.
 */
export function consumerSamples(
  receiver: Receiver,
  sender: Sender,
): Record<Kind, WireQualitySample[]> {
  const r = seeded(hash(`${receiver.peerId}<${sender.peerId}`));
  const audio: WireQualitySample[] = [];
  const video: WireQualitySample[] = [];
  const from = Math.max(receiver.span.join, sender.span.join);
  const to = Math.min(receiver.span.leave ?? receiver.now, sender.span.leave ?? sender.now);
  const consumer = (kind: Kind) => ({
    peer_id: sender.peerId,
    producer_id: producerIdOf(sender.peerId, kind),
    consumer_id: uuidOf(`${receiver.peerId}<${producerIdOf(sender.peerId, kind)}`),
  });
  for (const at of sampleTimes(receiver.span, receiver.now, from, to)) {
    const up = conditionsAt(sender.uplink, `${sender.peerId}:up`, at);
    const down = conditionsAt(receiver.downlink, `${receiver.peerId}:down`, at);
    // The worse leg dominates; the other adds a little.
    const lossPct = Math.max(up.lossPct, down.lossPct) + 0.3 * Math.min(up.lossPct, down.lossPct);
    const jitterMs =
      Math.max(up.jitterMs, down.jitterMs) + 0.3 * Math.min(up.jitterMs, down.jitterMs);
    const mos = mosOf(lossPct, (up.rttMs + down.rttMs) / 2, jitterMs);
    const received = AUDIO_PACKETS + r.int(-8, 8);
    const lost = Math.round((received * lossPct) / (100 - lossPct));
    const bufferMs = Math.round(jitterMs * 2 + r.int(20, 40));
    audio.push({
      timestamp: iso(at),
      ...consumer('audio'),
      mid: String(2 * audio.length),
      ssrc: 3000 + (hash(sender.peerId) % 1000),
      mos_quality: mos,
      jitter: jitterOf(jitterMs, receiver.jitterInSeconds),
      packets_received: received,
      packets_lost: lost,
      bytes_received: received * r.int(95, 125),
      concealment_events: Math.round(lost * 0.6),
      jitter_buffer_delay: bufferMs,
      jitter_buffer_emitted_count: 480_000 + r.int(-500, 500),
    });
    const v = videoSentAt(sender, at);
    const fps = down.lossy ? Math.min(v.fps, r.int(8, 18)) : v.fps;
    const packets = Math.round(v.fps * (v.width >= 1280 ? 40 : 25) + r.int(-20, 20));
    const videoLost = Math.round((packets * lossPct) / (100 - lossPct));
    video.push({
      timestamp: iso(at),
      ...consumer('video'),
      mid: String(2 * video.length + 1),
      ssrc: 4000 + (hash(sender.peerId) % 1000),
      mos_quality: round(Math.max(1, mos - 0.2), 2),
      jitter: jitterOf(between(r, [jitterMs * 0.8, jitterMs * 1.2]), receiver.jitterInSeconds),
      packets_received: packets,
      packets_lost: videoLost,
      bytes_received: packets * r.int(1000, 1150),
      jitter_buffer_delay: bufferMs + r.int(10, 30),
      jitter_buffer_emitted_count: fps * 10,
      frame_width: v.width,
      frame_height: v.height,
      frames_per_second: fps,
      frames_decoded: fps * 10,
      frames_dropped: Math.max(0, v.fps - fps) * 10,
      key_frames_decoded: lossPct > 5 ? r.int(1, 3) : r.int(0, 1),
      fir_count: 0,
    });
  }
  return { audio, video };
}

// ---- the cumulative blocks ----

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const mean = (values: readonly number[]) =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

const share = (values: readonly number[], limit: number) =>
  round(values.filter((v) => v >= limit).length / Math.max(1, values.length));

function distribution(values: readonly number[], digits = 2) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    avg: round(mean(sorted), digits),
    p50: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    p90: percentile(sorted, 0.9),
  };
}

function latency(values: readonly number[]) {
  return {
    avg: round(mean(values), 1),
    '100ms_or_greater_event_fraction': share(values, 100),
    '250ms_or_greater_event_fraction': share(values, 250),
    '500ms_or_greater_event_fraction': share(values, 500),
  };
}

/** Loss in percent of what was sent (producer) or of what should have arrived (consumer). */
const lossPctOf = (s: WireQualitySample) => {
  const lost = s.packets_lost ?? 0;
  const expected = s.packets_sent ?? (s.packets_received ?? 0) + lost;
  return (100 * lost) / Math.max(1, expected);
};

/**
 * The cumulative block as RealtimeKit sums up a list: averages, percentiles and time shares;
 * round trips for a producer, the jitter buffer for a consumer, frames and trouble for video.
 */
export function cumulativeOf(
  samples: readonly WireQualitySample[],
  side: 'producer' | 'consumer' = 'producer',
  kind: Kind = 'audio',
): WireCumulative {
  const loss = samples.map(lossPctOf);
  const block: WireCumulative = {
    packet_loss: {
      avg: round(mean(loss), 2),
      '5_or_greater_event_fraction': share(loss, 5),
      '10_or_greater_event_fraction': share(loss, 10),
      '25_or_greater_event_fraction': share(loss, 25),
      '50_or_greater_event_fraction': share(loss, 50),
    },
    quality_mos: distribution(samples.map((s) => s.mos_quality ?? 0)),
    ...(side === 'producer'
      ? { rtt: latency(samples.map((s) => s.rtt ?? 0)) }
      : { jitter_buffer_delay: latency(samples.map((s) => s.jitter_buffer_delay ?? 0)) }),
  };
  if (kind === 'audio') return block;
  const fps = samples.map((s) => s.frames_per_second ?? 0);
  const widths = samples.map((s) => s.frame_width ?? 0);
  const fraction = (test: (s: WireQualitySample) => boolean) =>
    round(samples.filter(test).length / Math.max(1, samples.length));
  const common = {
    frame_per_second: distribution(fps, 1),
    frame_width: distribution(widths, 0),
  };
  if (side === 'consumer') {
    return {
      ...block,
      ...common,
      issues: {
        lag_fraction: fraction((s) => (s.frames_per_second ?? 0) < 15),
        no_video_fraction: fraction((s) => (s.frames_per_second ?? 0) === 0),
        poor_resolution_fraction: fraction((s) => (s.frame_width ?? 0) < 640),
      },
      key_frames_decoded_fraction: fraction((s) => (s.key_frames_decoded ?? 0) > 0),
    };
  }
  const reason = (r: string) => fraction((s) => s.quality_limitation_reason === r);
  return {
    ...block,
    ...common,
    issues: {
      quality_limitation_fraction: fraction(
        (s) => (s.quality_limitation_reason ?? 'none') !== 'none',
      ),
      cpu_quality_limitation_fraction: reason('cpu'),
      bandwidth_quality_limitation_fraction: reason('bandwidth'),
      no_video_fraction: fraction((s) => (s.frames_per_second ?? 0) === 0),
      poor_resolution_fraction: fraction((s) => (s.frame_width ?? 0) < 640),
    },
    key_frames_encoded_fraction: fraction((s) => (s.key_frames_encoded ?? 0) > 0),
    high_negative_feedback_fraction: fraction((s) => (s.pli_count ?? 0) + (s.fir_count ?? 0) >= 2),
  };
}
