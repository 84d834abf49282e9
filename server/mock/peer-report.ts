/**
 * The peer report (RealtimeKit's API, docs/UPSTREAM.md) of one mock peer: the participant's device and place, the
 * ICE candidate pair its network allowed, and 10-second audio and video producer samples with
 * their cumulative distributions. Drawn from a generator seeded by the peer id, so a report is
 * the same on every request and is only built when asked for.
 */
import type { WireParticipant } from '../../src/api/participant-schema';
import type {
  WireCandidatePair,
  WireCumulative,
  WirePeerReportParticipant,
  WireQualitySample,
} from '../../src/api/peer-report-schema';
import type { DeviceProfile, Location, NetworkProfile, QualityOptions } from './diagnostics';
import { type Random, seeded } from './random';
import { iso, type Span } from './timeline';

export type PeerReportInput = {
  readonly participant: WireParticipant;
  readonly peerIds: readonly string[];
  readonly spans: readonly Span[];
  readonly device: DeviceProfile;
  readonly location: Location;
  readonly network: NetworkProfile;
  readonly now: number;
  /** The same options the participant's quality_stats follow, so both tell one story. */
  readonly quality?: QualityOptions | undefined;
};

const STEP_MS = 10_000;
/** Opus sends 50 packets a second: about 500 in a sample. */
const AUDIO_PACKETS = 500;

/** FNV-1a: a stable seed from the peer id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const between = (r: Random, [min, max]: readonly [number, number], digits = 1) =>
  Number((min + r.next() * (max - min)).toFixed(digits));

/** A participant field as the SDK types it: a string, or absent (the record's wire allows more). */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

/** A rough E-model: loss, delay beyond 150 ms and jitter each take their share off 4.5. */
function mosOf(lossPct: number, rttMs: number, jitterMs: number): number {
  const mos = 4.5 - 0.12 * lossPct - 0.003 * Math.max(0, rttMs - 150) - 0.008 * jitterMs;
  return round(Math.min(4.5, Math.max(1, mos)), 2);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const mean = (values: readonly number[]) =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The cumulative block as RealtimeKit sums it up: averages, percentiles and time shares. */
export function cumulativeOf(samples: readonly WireQualitySample[]): WireCumulative {
  const loss = samples.map((s) => (100 * (s.packets_lost ?? 0)) / Math.max(1, s.packets_sent ?? 0));
  const rtt = samples.map((s) => s.rtt ?? 0);
  const mos = samples.map((s) => s.mos_quality ?? 0).sort((a, b) => a - b);
  const share = (values: readonly number[], limit: number) =>
    round(values.filter((v) => v >= limit).length / Math.max(1, values.length));
  return {
    packet_loss: {
      avg: round(mean(loss), 2),
      '5_or_greater_event_fraction': share(loss, 5),
      '10_or_greater_event_fraction': share(loss, 10),
      '25_or_greater_event_fraction': share(loss, 25),
      '50_or_greater_event_fraction': share(loss, 50),
    },
    quality_mos: {
      avg: round(mean(mos), 2),
      p50: percentile(mos, 0.5),
      p75: percentile(mos, 0.75),
      p90: percentile(mos, 0.9),
    },
    rtt: {
      avg: round(mean(rtt), 1),
      '100ms_or_greater_event_fraction': share(rtt, 100),
      '250ms_or_greater_event_fraction': share(rtt, 250),
      '500ms_or_greater_event_fraction': share(rtt, 500),
    },
  };
}

function samplesFor(
  r: Random,
  span: Span,
  base: NetworkProfile,
  now: number,
  options: QualityOptions,
) {
  const audio: WireQualitySample[] = [];
  const video: WireQualitySample[] = [];
  if (options.noMedia) return { audio, video };
  const jitterUnit = options.jitterInSeconds ? 1000 : 1;
  for (let at = span.join + STEP_MS; at <= (span.leave ?? now); at += STEP_MS) {
    const episode = options.episode;
    const net = episode && at >= episode.fromMs && at < episode.toMs ? episode.network : base;
    const lossy = net.lossPct[1] > 5;
    const lossPct = between(r, net.lossPct, 2);
    const rtt = between(r, net.rttMs, 0);
    const jitter = between(r, net.jitterMs);
    const sent = AUDIO_PACKETS + r.int(-8, 8);
    audio.push({
      timestamp: iso(at),
      producer_id: 'audio-0',
      mid: '0',
      ssrc: 1111,
      mos_quality: mosOf(lossPct, rtt, jitter),
      jitter: round(jitter / jitterUnit),
      rtt,
      packets_sent: sent,
      packets_lost: Math.round((sent * lossPct) / 100),
      bytes_sent: sent * r.int(95, 125),
    });
    const videoSent = lossy ? r.int(300, 600) : r.int(900, 1300);
    const fps = lossy ? r.int(8, 20) : r.int(24, 30);
    video.push({
      timestamp: iso(at),
      producer_id: 'video-0',
      mid: '1',
      ssrc: 2222,
      mos_quality: round(Math.max(1, mosOf(lossPct, rtt, jitter) - 0.2), 2),
      jitter: round(between(r, net.jitterMs) / jitterUnit),
      rtt,
      packets_sent: videoSent,
      packets_lost: Math.round((videoSent * lossPct) / 100),
      bytes_sent: videoSent * r.int(1000, 1150),
      frame_width: fps < 20 ? 640 : 1280,
      frame_height: fps < 20 ? 360 : 720,
      frames_per_second: fps,
      quality_limitation_reason: lossy ? 'bandwidth' : 'none',
    });
  }
  return { audio, video };
}

/** The pair ICE chose: a TURN relay over TCP when only the relay gets through, else direct UDP. */
function candidatePair(r: Random, net: NetworkProfile, location: Location): WireCandidatePair {
  const relay = net.relayOnly;
  return {
    nominated: true,
    local_candidate_type: relay ? 'relay' : 'srflx',
    local_candidate_protocol: relay ? 'tcp' : 'udp',
    local_candidate_address: relay ? '198.51.100.250' : location.ipv4,
    local_candidate_port: r.int(40_000, 60_000),
    local_candidate_network_type: net.networkType === '4g' ? 'wifi' : 'cellular',
    ...(relay ? { local_candidate_url: 'turn:turn.example.net:443?transport=tcp' } : {}),
    remote_candidate_type: 'host',
    remote_candidate_protocol: 'udp',
    remote_candidate_address: '203.0.113.250',
    remote_candidate_port: r.int(10_000, 20_000),
    current_round_trip_time: round(between(r, net.rttMs, 0) / 1000, 3),
    available_outgoing_bitrate: relay ? r.int(300_000, 900_000) : r.int(2_000_000, 6_000_000),
  };
}

export function buildPeerReport(
  input: PeerReportInput,
  peerId: string,
): WirePeerReportParticipant | undefined {
  const index = input.peerIds.indexOf(peerId);
  const span = input.spans[index];
  const options = input.quality ?? {};
  // A peer that never sent media never uploaded stats: RealtimeKit has no report for it.
  if (index < 0 || !span || options.silentPeers?.includes(index)) return undefined;
  const { participant: p, device, location, network } = input;
  const r = seeded(hash(peerId));
  const { audio, video } = samplesFor(r, span, network, input.now, options);
  const pair = candidatePair(r, network, location);
  return {
    id: text(p.id),
    session_id: text(p.peer_events?.[0]?.session_id),
    display_name: text(p.display_name),
    custom_participant_id: text(p.custom_participant_id),
    user_id: text(p.user_id),
    role: text(p.preset_name),
    created_at: text(p.created_at),
    updated_at: text(p.updated_at),
    joined_at: text(p.joined_at),
    left_at: text(p.left_at),
    duration: p.duration ?? undefined,
    peer_report: {
      metadata: {
        sdk_name: 'web-core',
        sdk_version: '1.35.2',
        sdk_type: 'web',
        room_view_type: text(p.peer_events?.[0]?.preset_view_type),
        device_info: {
          cpus: device.cpus,
          is_mobile: device.mobile,
          os: device.os,
          os_version: device.osVersion,
        },
        browser_metadata: {
          browser: device.browser,
          browser_version: device.browserVersion,
          engine: device.engine,
          user_agent: device.userAgent,
          webgl_support: true,
        },
        ip_information: {
          ipv4: location.ipv4,
          city: location.city,
          region: location.region,
          country: location.country,
          timezone: location.timezone,
          org: location.org,
          asn: {
            asn: location.org.split(' ')[0],
            name: location.org.split(' ').slice(1).join(' '),
          },
        },
        candidate_pairs: { producing_transport: [pair], consuming_transport: [{ ...pair }] },
        pc_metadata: [
          {
            timestamp: iso(span.join - 200),
            effective_network_type: network.networkType,
            reflexive_connectivity: !network.relayOnly,
            relay_connectivity: true,
            turn_connectivity: true,
          },
        ],
        events: [
          {
            name: 'ice_connection_state',
            timestamp: iso(span.join + 600),
            metadata: { state: 'connected' },
          },
          {
            name: 'selected_candidate_pair',
            timestamp: iso(span.join + 700),
            metadata: {
              local_candidate_type: pair.local_candidate_type ?? null,
              protocol: pair.local_candidate_protocol ?? null,
            },
          },
        ],
      },
      quality: {
        audio_producer: audio,
        video_producer: video,
        ...(audio.length > 0
          ? {
              audio_producer_cumulative: cumulativeOf(audio),
              video_producer_cumulative: cumulativeOf(video),
            }
          : {}),
      },
    },
  };
}
