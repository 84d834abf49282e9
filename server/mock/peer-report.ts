/**
 * The peer report (RealtimeKit's API, docs/UPSTREAM.md) of one mock peer, in SDK 7.3.0's shape:
 * the participant's device, place, ICE candidate pairs and connectivity, the SDK's events and
 * device changes, and the 10-second samples of what the peer sent (producers) and received from
 * every other peer of the session it consumed (consumers, lib: ./media.ts), with their
 * cumulative distributions. Seeded by the peer id, so a report is the same on every request
 * and is only built when asked for.
 */
import type { WireParticipant } from '../../src/api/participant-schema';
import type {
  WireCandidatePair,
  WireDevicesUpdate,
  WireMediaDevice,
  WirePeerReportParticipant,
  WireReportEvent,
  WireReportQuality,
  WireSelectedDeviceUpdate,
} from '../../src/api/peer-report-schema';
import type { DeviceProfile, Location, NetworkProfile, QualityOptions } from './diagnostics';
import {
  between,
  type CpuEpisode,
  consumerSamples,
  cumulativeOf,
  type Episode,
  hash,
  KINDS,
  type Link,
  producerSamples,
  type Receiver,
  round,
  type Sender,
  uuidOf,
} from './media';
import { type Random, seeded } from './random';
import { iso, type Span } from './timeline';

/** How a participant's media went beyond its network profile (all optional). */
export type MediaOptions = {
  /** Stretches on another network for what the participant sent only. */
  readonly uplink?: readonly Episode[];
  /** Stretches on another network for what it received only. */
  readonly downlink?: readonly Episode[];
  /** Stretches when its camera's encoder was starved of CPU. */
  readonly cpu?: readonly CpuEpisode[];
  /** Participants whose media it did not consume (not on its page of the grid). */
  readonly ignores?: readonly string[];
};

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
  readonly media?: MediaOptions | undefined;
};

/** Everyone else in the session who sent media, asked for only when a report is built. */
export type Remotes = () => readonly Sender[];

/** A participant field as the SDK types it: a string, or absent (the record's wire allows more). */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function links(input: PeerReportInput): { uplink: Link; downlink: Link } {
  const episode = input.quality?.episode;
  const both = episode ? [episode] : [];
  return {
    uplink: { base: input.network, episodes: [...both, ...(input.media?.uplink ?? [])] },
    downlink: { base: input.network, episodes: [...both, ...(input.media?.downlink ?? [])] },
  };
}

/** The peers of a participant that sent media, as the others in its session receive them. */
export function sendersOf(input: PeerReportInput): Sender[] {
  const options = input.quality ?? {};
  if (options.noMedia) return [];
  const { uplink } = links(input);
  return input.peerIds.flatMap((peerId, i) => {
    const span = input.spans[i];
    if (!span || options.silentPeers?.includes(i)) return [];
    return [
      {
        participantId: text(input.participant.id) ?? '',
        peerId,
        span,
        uplink,
        cpu: input.media?.cpu ?? [],
        jitterInSeconds: options.jitterInSeconds === true,
        now: input.now,
      },
    ];
  });
}

const overlaps = (a: Span, b: Span, now: number) =>
  a.join < (b.leave ?? now) && b.join < (a.leave ?? now);

function qualityOf(
  input: PeerReportInput,
  sender: Sender | undefined,
  receiver: Receiver,
  remotes: Remotes,
) {
  const produced = sender ? producerSamples(sender) : { audio: [], video: [] };
  const ignored = new Set(input.media?.ignores ?? []);
  const received = remotes()
    .filter((s) => !ignored.has(s.participantId) && overlaps(s.span, receiver.span, input.now))
    .map((s) => consumerSamples(receiver, s));
  const quality: WireReportQuality = {};
  for (const kind of KINDS) {
    const producer = produced[kind];
    const consumer = received.flatMap((series) => series[kind]);
    quality[`${kind}_producer`] = producer;
    quality[`${kind}_consumer`] = consumer;
    if (producer.length > 0) {
      quality[`${kind}_producer_cumulative`] = cumulativeOf(producer, 'producer', kind);
    }
    if (consumer.length > 0) {
      quality[`${kind}_consumer_cumulative`] = cumulativeOf(consumer, 'consumer', kind);
    }
  }
  return quality;
}

/** One ICE candidate pair: a TURN relay over TCP when only the relay gets through, else UDP. */
function candidatePair(
  r: Random,
  net: NetworkProfile,
  location: Location,
  span: Span,
  now: number,
  traffic: { sent: number; received: number },
): WireCandidatePair {
  const relay = net.relayOnly;
  const rtt = round(between(r, net.rttMs, 0) / 1000, 3);
  const last = span.leave ?? now;
  return {
    nominated: true,
    local_candidate_id: r.uuid().slice(0, 8),
    local_candidate_type: relay ? 'relay' : 'srflx',
    local_candidate_protocol: relay ? 'tcp' : 'udp',
    local_candidate_address: relay ? '198.51.100.250' : location.ipv4,
    local_candidate_port: r.int(40_000, 60_000),
    local_candidate_related_address: relay ? location.ipv4 : `192.168.1.${r.int(2, 250)}`,
    local_candidate_related_port: r.int(40_000, 60_000),
    local_candidate_network_type: net.networkType === '4g' ? 'wifi' : 'cellular',
    ...(relay ? { local_candidate_url: 'turn:turn.example.net:443?transport=tcp' } : {}),
    remote_candidate_id: r.uuid().slice(0, 8),
    remote_candidate_type: 'host',
    remote_candidate_protocol: 'udp',
    remote_candidate_address: '203.0.113.250',
    remote_candidate_port: r.int(10_000, 20_000),
    current_round_trip_time: rtt,
    total_round_trip_time: round(rtt * Math.max(1, Math.round((last - span.join) / 1000)), 1),
    available_outgoing_bitrate: relay ? r.int(300_000, 900_000) : r.int(2_000_000, 6_000_000),
    available_incoming_bitrate: relay ? r.int(400_000, 1_200_000) : r.int(3_000_000, 9_000_000),
    packets_sent: traffic.sent,
    packets_received: traffic.received,
    bytes_sent: traffic.sent * 700,
    bytes_received: traffic.received * 700,
    packets_discarded_on_send: 0,
    bytes_discarded_on_send: 0,
    last_packet_sent_timestamp: last - r.int(5, 40),
    last_packet_received_timestamp: last - r.int(5, 40),
  };
}

const device = (kind: string, label: string): WireMediaDevice => ({
  device_id: uuidOf(`${kind}:${label}`).replace(/-/g, ''),
  kind,
  label,
});

/** The devices the browser listed at the join, those plugged in later, and which were picked. */
function devicesOf(input: PeerReportInput, span: Span) {
  const { device: d } = input;
  const listed = span.join - 900;
  const microphone = device('audioinput', d.microphone);
  const camera = device('videoinput', d.camera);
  const speaker = device('audiooutput', d.speaker);
  const video: WireDevicesUpdate[] = [{ timestamp: iso(listed), added: [camera], removed: [] }];
  const selected: WireSelectedDeviceUpdate[] = [microphone, camera, speaker].map((chosen) => ({
    timestamp: iso(span.join - 800),
    device: chosen,
  }));
  const end = span.leave ?? input.now;
  const switches: WireReportEvent[] = [];
  for (const episode of input.media?.cpu ?? []) {
    if (!episode.camera || episode.fromMs < span.join || episode.fromMs >= end) continue;
    const external = device('videoinput', episode.camera);
    video.push({ timestamp: iso(episode.fromMs - 20_000), added: [external], removed: [] });
    selected.push({ timestamp: iso(episode.fromMs - 10_000), device: external });
    switches.push({
      name: 'device_change',
      timestamp: iso(episode.fromMs - 10_000),
      metadata: { kind: 'videoinput', label: episode.camera },
    });
    if (episode.toMs < end) {
      selected.push({ timestamp: iso(episode.toMs), device: camera });
      switches.push({
        name: 'device_change',
        timestamp: iso(episode.toMs),
        metadata: { kind: 'videoinput', label: d.camera },
      });
      video.push({ timestamp: iso(episode.toMs + 15_000), added: [], removed: [external] });
    }
  }
  return {
    audio_devices_updates: [{ timestamp: iso(listed), added: [microphone], removed: [] }],
    video_devices_updates: video,
    speaker_devices_updates: [{ timestamp: iso(listed), added: [speaker], removed: [] }],
    selected_device_updates: selected,
    switches,
  };
}

const DISCONNECT_REASONS = ['ice_failed', 'transport_closed', 'signalling_timeout'] as const;

/** The SDK's own events for one peer: permissions, ICE, device changes and how it ended. */
function eventsOf(
  r: Random,
  span: Span,
  last: boolean,
  pair: WireCandidatePair,
  switches: readonly WireReportEvent[],
): WireReportEvent[] {
  const events: WireReportEvent[] = [
    {
      name: 'media_permission',
      timestamp: iso(span.join - 400),
      metadata: { audio: 'granted', video: 'granted' },
    },
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
    ...switches,
  ];
  if (span.leave !== null && !last) {
    events.push(
      {
        name: 'ice_connection_state',
        timestamp: iso(span.leave - 3_000),
        metadata: { state: 'disconnected' },
      },
      {
        name: 'network_disconnected',
        timestamp: iso(span.leave - 1_200),
        metadata: { reason: r.pick(DISCONNECT_REASONS) },
      },
    );
  } else if (span.leave !== null) {
    events.push({
      name: 'room_left',
      timestamp: iso(span.leave - 300),
      metadata: { reason: 'user_left' },
    });
  }
  return events;
}

export function buildPeerReport(
  input: PeerReportInput,
  peerId: string,
  remotes: Remotes,
): WirePeerReportParticipant | undefined {
  const index = input.peerIds.indexOf(peerId);
  const span = input.spans[index];
  const options = input.quality ?? {};
  // A peer that never sent media never uploaded stats: RealtimeKit has no report for it.
  if (index < 0 || !span || options.silentPeers?.includes(index)) return undefined;
  const { participant: p, device: d, location, network } = input;
  const r = seeded(hash(peerId));
  const sender = sendersOf(input).find((s) => s.peerId === peerId);
  const receiver: Receiver = {
    peerId,
    span,
    downlink: links(input).downlink,
    jitterInSeconds: options.jitterInSeconds === true,
    now: input.now,
  };
  const quality = qualityOf(input, sender, receiver, remotes);
  const packets = (
    key: 'audio_producer' | 'video_producer' | 'audio_consumer' | 'video_consumer',
  ) =>
    (quality[key] ?? []).reduce((sum, s) => sum + (s.packets_sent ?? s.packets_received ?? 0), 0);
  const sent = packets('audio_producer') + packets('video_producer');
  const got = packets('audio_consumer') + packets('video_consumer');
  const producing = candidatePair(r, network, location, span, input.now, {
    sent,
    received: Math.round(sent / 20),
  });
  const consuming = candidatePair(r, network, location, span, input.now, {
    sent: Math.round(got / 20),
    received: got,
  });
  const { switches, ...devices } = devicesOf(input, span);
  const asn = location.org.split(' ');
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
        device_info: { cpus: d.cpus, is_mobile: d.mobile, os: d.os, os_version: d.osVersion },
        browser_metadata: {
          browser: d.browser,
          browser_version: d.browserVersion,
          engine: d.engine,
          user_agent: d.userAgent,
          webgl_support: true,
        },
        native_metadata: { audio_encoder: 'opus', video_encoder: d.videoEncoder },
        ip_information: {
          ipv4: location.ipv4,
          city: location.city,
          region: location.region,
          country: location.country,
          timezone: location.timezone,
          org: location.org,
          asn: {
            asn: asn[0],
            name: asn.slice(1).join(' '),
            domain: location.asnDomain,
            route: `${location.ipv4.split('.').slice(0, 3).join('.')}.0/24`,
            type: location.asnType,
          },
        },
        candidate_pairs: { producing_transport: [producing], consuming_transport: [consuming] },
        pc_metadata: [
          {
            timestamp: iso(span.join - 200),
            effective_network_type: network.networkType,
            reflexive_connectivity: !network.relayOnly,
            relay_connectivity: true,
            turn_connectivity: true,
          },
        ],
        events: eventsOf(r, span, index === input.peerIds.length - 1, producing, switches),
        ...devices,
      },
      quality,
    },
  };
}
