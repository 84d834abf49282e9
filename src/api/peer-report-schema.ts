/**
 * The peer report (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions/peer-report/{peer_id}`), shared by the
 * browser (lenient read schemas) and the embedded mock (strict wire types). Field names follow
 * the official `cloudflare` SDK's SessionGetParticipantDataFromPeerIDResponse.
 *
 * Each field is declared once with its wire schema and its lenient read schema, so a missing
 * value reads as undefined, a malformed one as an Invalid marker holding the raw value, and one
 * bad sample in a list never discards the others. Unknown keys pass everywhere.
 */
import * as z from 'zod/mini';
import { parseTimestamp } from '../lib/timestamp';
import { lenient, lenientList } from './lenient';
import { type Filter, peerEventSchema, peerEventWire } from './participant-schema';
import { type FiltersCheck, parseFilters, parseIncludePeerEvents } from './request-params';

type Field = { readonly wire: z.ZodMiniType; readonly read: z.ZodMiniType };

/** A leaf value: strict on the wire, lenient when read. */
const leaf = <S extends z.ZodMiniType>(strict: S, expected: string) => ({
  wire: strict,
  read: lenient(strict, expected),
});

const timestamp = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((raw, ctx) => {
    const result = parseTimestamp(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  }),
);

const num = () => leaf(z.number(), 'a number');
const str = () => leaf(z.string(), 'a string');
const bool = () => leaf(z.boolean(), 'true or false');
const time = () => leaf(timestamp, 'a timestamp');

type Loose<Shape extends z.core.$ZodLooseShape> = ReturnType<typeof z.looseObject<Shape>>;

type Group<F extends Record<string, Field>> = {
  readonly wire: Loose<{ [K in keyof F]: z.ZodMiniOptional<z.ZodMiniNullable<F[K]['wire']>> }>;
  readonly read: Loose<{ [K in keyof F]: F[K]['read'] }>;
};

/** An object of fields: both schemas pass unknown keys. */
function group<F extends Record<string, Field>>(fields: F): Group<F> {
  const wire: Record<string, z.ZodMiniType> = {};
  const read: Record<string, z.ZodMiniType> = {};
  for (const [key, field] of Object.entries(fields)) {
    wire[key] = z.optional(z.nullable(field.wire));
    read[key] = field.read;
  }
  return {
    wire: z.looseObject(wire) as Group<F>['wire'],
    read: z.looseObject(read) as Group<F>['read'],
  };
}

/** A nested object, read leniently as a whole (a string in its place is flagged). */
const nested = <F extends Record<string, Field>>(g: Group<F>, expected: string) => ({
  wire: g.wire,
  read: lenient(g.read, expected),
});

/** A list read item by item. */
const list = <F extends Record<string, Field>>(g: Group<F>, expected: string) => ({
  wire: z.array(g.wire),
  read: lenientList(g.read, expected),
});

// ---- quality ----

/** One sample of a producer or consumer; producers send rtt and packets_sent, consumers not. */
export const qualitySample = group({
  timestamp: time(),
  mos_quality: num(),
  jitter: num(),
  rtt: num(),
  packets_lost: num(),
  packets_sent: num(),
  packets_received: num(),
  bytes_sent: num(),
  bytes_received: num(),
  concealment_events: num(),
  jitter_buffer_delay: num(),
  frame_width: num(),
  frame_height: num(),
  frames_per_second: num(),
  quality_limitation_reason: str(),
  producer_id: str(),
  consumer_id: str(),
  peer_id: str(),
  mid: str(),
  ssrc: num(),
});

const distribution = group({ avg: num(), p50: num(), p75: num(), p90: num() });

/** Loss fractions: the share (0..1) of the time the loss was at or above 5, 10, 25, 50 %. */
const packetLoss = group({
  avg: num(),
  '5_or_greater_event_fraction': num(),
  '10_or_greater_event_fraction': num(),
  '25_or_greater_event_fraction': num(),
  '50_or_greater_event_fraction': num(),
});

/** Latency fractions: the share (0..1) of the time at or above 100, 250, 500 ms. */
const latency = group({
  avg: num(),
  '100ms_or_greater_event_fraction': num(),
  '250ms_or_greater_event_fraction': num(),
  '500ms_or_greater_event_fraction': num(),
});

export const cumulative = group({
  packet_loss: nested(packetLoss, 'a packet_loss object'),
  quality_mos: nested(distribution, 'a quality_mos object'),
  rtt: nested(latency, 'an rtt object'),
  jitter_buffer_delay: nested(latency, 'a jitter_buffer_delay object'),
  frame_per_second: nested(distribution, 'a frame_per_second object'),
});

const samples = () => list(qualitySample, 'a quality sample object');
const totals = () => nested(cumulative, 'a cumulative object');

const quality = group({
  audio_producer: samples(),
  audio_producer_cumulative: totals(),
  video_producer: samples(),
  video_producer_cumulative: totals(),
  audio_consumer: samples(),
  audio_consumer_cumulative: totals(),
  video_consumer: samples(),
  video_consumer_cumulative: totals(),
  screenshare_audio_producer: samples(),
  screenshare_audio_producer_cumulative: totals(),
  screenshare_video_producer: samples(),
  screenshare_video_producer_cumulative: totals(),
  screenshare_audio_consumer: samples(),
  screenshare_audio_consumer_cumulative: totals(),
  screenshare_video_consumer: samples(),
  screenshare_video_consumer_cumulative: totals(),
});

// ---- metadata ----

/** One ICE candidate pair of a transport (WebRTC's RTCIceCandidatePairStats, flattened). */
export const candidatePair = group({
  nominated: bool(),
  local_candidate_type: str(),
  local_candidate_protocol: str(),
  local_candidate_address: str(),
  local_candidate_port: num(),
  local_candidate_network_type: str(),
  local_candidate_url: str(),
  remote_candidate_type: str(),
  remote_candidate_protocol: str(),
  remote_candidate_address: str(),
  remote_candidate_port: num(),
  current_round_trip_time: num(),
  total_round_trip_time: num(),
  available_outgoing_bitrate: num(),
  available_incoming_bitrate: num(),
  bytes_sent: num(),
  bytes_received: num(),
  packets_sent: num(),
  packets_received: num(),
  last_packet_sent_timestamp: num(),
  last_packet_received_timestamp: num(),
});

const candidatePairs = group({
  producing_transport: list(candidatePair, 'a candidate pair object'),
  consuming_transport: list(candidatePair, 'a candidate pair object'),
});

export const pcMetadata = group({
  timestamp: time(),
  effective_network_type: str(),
  reflexive_connectivity: bool(),
  relay_connectivity: bool(),
  turn_connectivity: bool(),
});

const reportEvent = group({
  name: str(),
  timestamp: time(),
  metadata: leaf(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    'an object of plain values',
  ),
});

const metadata = group({
  device_info: nested(
    group({ cpus: num(), is_mobile: bool(), os: str(), os_version: str() }),
    'a device_info object',
  ),
  browser_metadata: nested(
    group({
      browser: str(),
      browser_version: str(),
      engine: str(),
      user_agent: str(),
      // Seen as a boolean in the reference and as a string ("webgl2") in peer_stats.
      webgl_support: leaf(z.union([z.boolean(), z.string()]), 'true, false or a string'),
    }),
    'a browser_metadata object',
  ),
  ip_information: nested(
    group({
      ipv4: str(),
      city: str(),
      region: str(),
      country: str(),
      timezone: str(),
      org: str(),
      asn: nested(
        group({ asn: str(), name: str(), domain: str(), route: str(), type: str() }),
        'an asn object',
      ),
    }),
    'an ip_information object',
  ),
  candidate_pairs: nested(candidatePairs, 'a candidate_pairs object'),
  pc_metadata: list(pcMetadata, 'a pc_metadata object'),
  events: list(reportEvent, 'an event object'),
  sdk_name: str(),
  sdk_version: str(),
  sdk_type: str(),
  room_view_type: str(),
});

const peerReport = group({
  metadata: nested(metadata, 'a metadata object'),
  quality: nested(quality, 'a quality object'),
});

const reportParticipant = group({
  id: str(),
  session_id: str(),
  created_at: time(),
  updated_at: time(),
  joined_at: time(),
  left_at: time(),
  duration: num(),
  display_name: str(),
  custom_participant_id: str(),
  user_id: str(),
  role: str(),
  peer_report: nested(peerReport, 'a peer_report object'),
  peer_events: {
    wire: z.array(peerEventWire),
    read: lenientList(peerEventSchema, 'a peer event object'),
  },
});

// ---- Wire types: what the API sends (the mock writes these) ----

export const peerReportResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(z.looseObject({ participant: z.optional(reportParticipant.wire) })),
});

export type WirePeerReportParticipant = z.input<typeof reportParticipant.wire>;
export type WirePeerReport = z.input<typeof peerReport.wire>;
export type WireQualitySample = z.input<typeof qualitySample.wire>;
export type WireCumulative = z.input<typeof cumulative.wire>;
export type WireCandidatePair = z.input<typeof candidatePair.wire>;

// ---- Read schemas: what the browser makes of any body ----

export const peerReportResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(
    z.looseObject({
      participant: lenient(reportParticipant.read, 'a participant object'),
    }),
    'a data object',
  ),
});

export type PeerReportParticipant = z.output<typeof reportParticipant.read>;
export type PeerReport = z.output<typeof peerReport.read>;
export type ReportMetadata = z.output<typeof metadata.read>;
export type ReportQuality = z.output<typeof quality.read>;
export type QualitySample = z.output<typeof qualitySample.read>;
export type Cumulative = z.output<typeof cumulative.read>;
export type CandidatePair = z.output<typeof candidatePair.read>;
export type PcMetadata = z.output<typeof pcMetadata.read>;

// ---- The request's rules, shared by the proxy and the mock ----

/** The query keys the peer-report endpoint documents (official SDK); anything else is refused. */
export const PEER_REPORT_QUERY_KEYS = ['filters', 'include_peer_events'] as const;

export type PeerReportQuery =
  | { ok: true; filters: Filter[]; includePeerEvents: boolean | undefined }
  | { ok: false; message: string };

/**
 * Reads the peer-report query: `filters` takes the five documented names (as for the
 * participant endpoint), `include_peer_events` true or false; unknown or repeated keys are
 * refused rather than dropped, so nothing reaches upstream that was not checked.
 */
export function readPeerReportQuery(params: URLSearchParams): PeerReportQuery {
  const keys = [...params.keys()];
  const unknown = keys.filter((k) => !(PEER_REPORT_QUERY_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    const shown = [...new Set(unknown)].slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
    return {
      ok: false,
      message: `Unknown query ${shown.join(', ')}; the peer report takes only ${PEER_REPORT_QUERY_KEYS.join(' and ')}.`,
    };
  }
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) {
    return { ok: false, message: `${repeated} is given more than once.` };
  }
  const filters: FiltersCheck = parseFilters(params.get('filters'));
  if (!filters.ok) return filters;
  const include = parseIncludePeerEvents(params.get('include_peer_events'));
  if (!include.ok) return include;
  return { ok: true, filters: filters.value, includePeerEvents: include.value };
}
