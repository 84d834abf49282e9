/**
 * The filtered sections (docs/UPSTREAM.md, older deployments) for a mock participant: device, location, pre-call
 * test, SDK events and per-peer quality samples, drawn from a seeded generator.
 */
import type {
  WireAudioSample,
  WirePeerStats,
  WireQualityStat,
  WireVideoSample,
} from '../../src/api/participant-schema';
import type { Random } from './random';
import type { Span } from './timeline';

export type Diagnostics = {
  readonly peer_stats: WirePeerStats;
  /** A list, or one object as some responses send it. */
  readonly quality_stats: WireQualityStat[] | WireQualityStat;
};

/** How the quality samples of a mock participant are sent. */
export type QualityOptions = {
  /** Time between samples; 10 s unless said. */
  readonly stepMs?: number;
  /** Jitter in seconds, as WebRTC reports it, instead of milliseconds. */
  readonly jitterInSeconds?: boolean;
  /** One object instead of a list (seen in the wild; the first peer only). */
  readonly asObject?: boolean;
  /** Peers (by index) that joined but never sent media: empty sample lists. */
  readonly silentPeers?: readonly number[];
  /** No peer sends media (a webinar viewer): every sample list is empty. */
  readonly noMedia?: boolean;
  /** A stretch on another network: a bad patch in an otherwise good call. */
  readonly episode?: {
    readonly fromMs: number;
    readonly toMs: number;
    readonly network: NetworkProfile;
  };
};

export type NetworkProfile = {
  /** Packet loss in percent: [min, max] per sample. */
  readonly lossPct: [number, number];
  /** Jitter in milliseconds. */
  readonly jitterMs: [number, number];
  readonly rttMs: [number, number];
  /** Whether only a TURN relay could connect (typical of strict corporate firewalls). */
  readonly relayOnly: boolean;
  readonly networkType: string;
};

export type DeviceProfile = {
  readonly browser: string;
  readonly browserVersion: string;
  readonly engine: string;
  readonly os: string;
  readonly osVersion: string;
  readonly mobile: boolean;
  readonly cpus: number;
  readonly memory: number;
  readonly userAgent: string;
  /** What the browser names its microphone, camera and speaker. */
  readonly microphone: string;
  readonly camera: string;
  readonly speaker: string;
  /** The encoders a peer report's native_metadata names. */
  readonly videoEncoder: string;
};

export type Location = {
  readonly ipv4: string;
  readonly city: string;
  readonly region: string;
  readonly country: string;
  readonly timezone: string;
  readonly org: string;
  readonly latLon: string;
  /** The network's operator, as the peer report's ip_information.asn names it. */
  readonly asnDomain: string;
  readonly asnType: 'isp' | 'business' | 'hosting' | 'education';
};

const between = (r: Random, [min, max]: [number, number], digits = 2) =>
  Number((min + r.next() * (max - min)).toFixed(digits));

function qualityFor(
  r: Random,
  peerId: string,
  span: Span,
  base: NetworkProfile,
  now: number,
  options: QualityOptions,
): WireQualityStat {
  const end = span.leave ?? now;
  const stepMs = options.stepMs ?? 10_000;
  const jitterUnit = options.jitterInSeconds ? 1000 : 1;
  const audio: WireAudioSample[] = [];
  const video: WireVideoSample[] = [];
  const losses: number[] = [];
  for (let at = span.join; at <= end; at += stepMs) {
    const episode = options.episode;
    const net = episode && at >= episode.fromMs && at < episode.toMs ? episode.network : base;
    const loss = between(r, net.lossPct);
    const jitter = between(r, net.jitterMs);
    losses.push(loss);
    const quality = Math.max(1, Math.min(5, 4.6 - loss * 0.18 - jitter * 0.01));
    const timestamp = new Date(at).toISOString();
    audio.push({
      timestamp,
      quality: Number(quality.toFixed(2)),
      jitter: Number((jitter / jitterUnit).toFixed(5)),
      packets_lost: Math.round(loss * 0.5),
      concealment_events: Math.round(loss * 2),
    });
    const fps = net.lossPct[1] > 5 ? r.int(8, 20) : r.int(24, 30);
    video.push({
      timestamp,
      quality: Number(Math.max(1, quality - 0.2).toFixed(2)),
      jitter: Number((between(r, net.jitterMs) / jitterUnit).toFixed(5)),
      packets_lost: Math.round(loss * 3),
      frame_width: fps < 20 ? 640 : 1280,
      frame_height: fps < 20 ? 360 : 720,
      frames_per_second: fps,
      frames_dropped: Math.round(loss),
    });
  }
  const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const lossy = losses.some((l) => l > 5);
  return {
    peer_id: peerId,
    start: new Date(span.join).toISOString(),
    end: new Date(end).toISOString(),
    average_quality: Number(avg(audio.map((s) => Number(s.quality))).toFixed(2)),
    audio_bandwidth: r.int(28, 42),
    video_bandwidth:
      base.lossPct[1] > 5 ? r.int(250, 600) : lossy ? r.int(600, 900) : r.int(900, 1800),
    audio_packet_loss: Number(avg(losses).toFixed(2)),
    video_packet_loss: Number((avg(losses) * 1.1).toFixed(2)),
    audio_stats: audio,
    video_stats: video,
  };
}

/** A peer that joined but sent nothing: the entry is there, its sample lists are empty. */
const silentQuality = (peerId: string, span: Span, now: number): WireQualityStat => ({
  peer_id: peerId,
  start: new Date(span.join).toISOString(),
  end: new Date(span.leave ?? now).toISOString(),
  audio_stats: [],
  video_stats: [],
});

function qualityStats(
  r: Random,
  spans: readonly Span[],
  peerIds: readonly string[],
  network: NetworkProfile,
  now: number,
  options: QualityOptions,
): WireQualityStat[] | WireQualityStat {
  const entries = spans.map((span, i) =>
    options.noMedia || options.silentPeers?.includes(i)
      ? silentQuality(peerIds[i] ?? '', span, now)
      : qualityFor(r, peerIds[i] ?? '', span, network, now, options),
  );
  const [first] = entries;
  return options.asObject && first ? first : entries;
}

export function buildDiagnostics(
  r: Random,
  input: {
    device: DeviceProfile;
    location: Location;
    network: NetworkProfile;
    spans: readonly Span[];
    peerIds: readonly string[];
    now: number;
    quality?: QualityOptions;
  },
): Diagnostics {
  const { device, location, network, spans, peerIds, now } = input;
  const events = spans.flatMap((span, i) => [
    {
      type: 'media_permission',
      timestamp: new Date(span.join - 400).toISOString(),
      metadata: { audio: 'granted', video: 'granted' },
    },
    {
      type: network.relayOnly ? 'ice_connected_relay' : 'ice_connected_direct',
      timestamp: new Date(span.join + 900).toISOString(),
      metadata: { peer_id: peerIds[i] ?? '' },
    },
    ...(span.leave !== null && i < spans.length - 1
      ? [
          {
            type: 'network_disconnected',
            timestamp: new Date(span.leave - 1200).toISOString(),
            metadata: { reason: 'ice_failed' },
          },
        ]
      : []),
  ]);
  return {
    peer_stats: {
      config: network.relayOnly ? 'relay' : 'default',
      status: spans.some((s) => s.leave === null) ? 'connected' : 'disconnected',
      device_info: {
        browser: device.browser,
        browser_version: device.browserVersion,
        engine: device.engine,
        user_agent: device.userAgent,
        os: device.os,
        os_version: device.osVersion,
        sdk_name: 'web-core',
        sdk_version: '1.35.2',
        cpus: device.cpus,
        memory: device.memory,
        is_mobile: device.mobile,
        webgl_support: 'webgl2',
      },
      ip_information: {
        ipv4: location.ipv4,
        city: location.city,
        region: location.region,
        country: location.country,
        timezone: location.timezone,
        org: location.org,
        ip_location: location.latLon,
        portal: 'false',
      },
      precall_network_information: {
        rtt: between(r, network.rttMs, 0),
        backend_rtt: between(r, network.rttMs, 0) + 12,
        jitter: between(r, network.jitterMs),
        fractional_loss: Number((between(r, network.lossPct) / 100).toFixed(4)),
        throughtput: network.relayOnly ? r.int(300, 900) : r.int(4000, 12000),
        effective_networktype: network.networkType,
        reflexive_connectivity: !network.relayOnly,
        relay_connectivity: true,
        turn_connectivity: true,
      },
      events,
    },
    quality_stats: qualityStats(r, spans, peerIds, network, now, input.quality ?? {}),
  };
}
