/**
 * The peer report (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions/peer-report/{peer_id}`), shared by the
 * browser (lenient read schemas) and the embedded mock (strict wire types). Field names and
 * types follow the official `cloudflare` SDK 7.3.0's SessionGetParticipantDataFromPeerIDResponse;
 * server/mock/sdk.test.ts fails to compile when the two drift apart.
 *
 * Each field is declared once with its wire schema and its lenient read schema, so a missing
 * value reads as undefined, a malformed one as an Invalid marker holding the raw value, and one
 * bad sample in a list never discards the others. Unknown keys pass everywhere.
 *
 * The wire is as strict as the SDK (ISO timestamps, no nulls but WebGL's); the read takes what
 * has been seen besides (epoch timestamps, WebGL as a string, null for absent).
 */
import * as z from 'zod/mini';
import { parseTimestamp } from '../lib/timestamp';
import { type Invalid, isInvalid, lenient } from './lenient';
import { type Filter, peerEventsSchema, peerEventWire } from './participant-schema';
import {
  lenientListQuick,
  lenientQuick,
  type QuickRead,
  quickBoolean,
  quickNumber,
  quickObject,
  quickOneOf,
  quickString,
  quickTimestamp,
} from './quick-read';
import { type FiltersCheck, parseFilters, parseIncludePeerEvents } from './request-params';

type Field = {
  readonly wire: z.ZodMiniType;
  readonly read: z.ZodMiniType;
  /** The read of a present value (neither absent nor null) by hand, where it is quick to tell. */
  readonly take?: QuickRead<unknown>;
};

/** A leaf value: strict on the wire, lenient when read. */
const leaf = <S extends z.ZodMiniType>(
  strict: S,
  expected: string,
  take?: QuickRead<z.output<S>>,
) => ({
  wire: strict,
  read: take ? lenientQuick(strict, expected, take) : lenient(strict, expected),
  take,
});

/** A timestamp in any form `parseTimestamp` reads, from a schema that took the raw value. */
const timestampFrom = <S extends z.ZodMiniType<string | number, string | number>>(raw: S) =>
  z.pipe(
    raw,
    z.transform((value: z.output<S>, ctx) => {
      const result = parseTimestamp(value);
      if (result.ok) return result.value;
      ctx.issues.push({ code: 'custom', message: result.reason, input: value });
      return z.NEVER;
    }),
  );

const num = () => leaf(z.number(), 'a number', quickNumber);
const str = () => leaf(z.string(), 'a string', quickString);
const bool = () => leaf(z.boolean(), 'true or false', quickBoolean);
/** A string on the wire, as the SDK types it; epochs are read too (seen elsewhere in the API). */
const time = () => ({
  wire: timestampFrom(z.string()),
  read: lenientQuick(
    timestampFrom(z.union([z.string(), z.number()])),
    'a timestamp',
    quickTimestamp,
  ),
  take: quickTimestamp,
});

type Loose<Shape extends z.core.$ZodLooseShape> = ReturnType<typeof z.looseObject<Shape>>;

type Group<F extends Record<string, Field>> = {
  readonly wire: Loose<{ [K in keyof F]: z.ZodMiniOptional<F[K]['wire']> }>;
  readonly read: Loose<{ [K in keyof F]: F[K]['read'] }>;
  /** The read of an object, by hand: what `read` makes of it. */
  readonly take: QuickRead<z.output<Loose<{ [K in keyof F]: F[K]['read'] }>>>;
};

/** An object of fields, each optional (null only where the SDK allows it): both pass unknown keys. */
function group<F extends Record<string, Field>>(fields: F): Group<F> {
  const wire: Record<string, z.ZodMiniType> = {};
  const read: Record<string, z.ZodMiniType> = {};
  for (const [key, field] of Object.entries(fields)) {
    wire[key] = z.optional(field.wire);
    read[key] = field.read;
  }
  return {
    wire: z.looseObject(wire) as Group<F>['wire'],
    read: z.looseObject(read) as Group<F>['read'],
    take: quickObject(fields),
  };
}

/** A nested object, read leniently as a whole (a string in its place is flagged). */
const nested = <F extends Record<string, Field>>(g: Group<F>, expected: string) => ({
  wire: g.wire,
  read: lenientQuick(g.read, expected, g.take),
  take: g.take,
});

/** A list read item by item. */
const list = <F extends Record<string, Field>>(g: Group<F>, expected: string) => ({
  wire: z.array(g.wire),
  read: lenientListQuick(g.read, expected, g.take),
});

// ---- quality ----

export const QUALITY_LIMITATION_REASONS = ['cpu', 'bandwidth', 'none', 'other'] as const;
export type QualityLimitationReason = (typeof QUALITY_LIMITATION_REASONS)[number];

/**
 * Seconds a video sender spent limited by each reason (WebRTC's qualityLimitationDurations):
 * cumulative since the sender started, so a sample's own share is the growth since the last.
 */
const limitationDurations = group({ cpu: num(), bandwidth: num(), none: num(), other: num() });

/**
 * One sample of any list. The SDK types eight lists apart; this is their union, every field
 * optional. A producer sample (what the peer sent) has rtt, packets_sent and bytes_sent, video
 * also what the encoder did and why it was limited; a consumer sample (what it received)
 * names the remote `peer_id` and `producer_id` and has packets_received, bytes_received and the
 * jitter buffer, audio its concealment, video what the decoder did.
 */
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
  jitter_buffer_emitted_count: num(),
  frame_width: num(),
  frame_height: num(),
  frames_per_second: num(),
  frames_encoded: num(),
  frames_decoded: num(),
  frames_dropped: num(),
  key_frames_encoded: num(),
  key_frames_decoded: num(),
  fir_count: num(),
  pli_count: num(),
  quality_limitation_reason: leaf(
    z.enum(QUALITY_LIMITATION_REASONS),
    `one of ${QUALITY_LIMITATION_REASONS.join(', ')}`,
    quickOneOf(QUALITY_LIMITATION_REASONS),
  ),
  quality_limitation_durations: nested(
    limitationDurations,
    'a quality_limitation_durations object',
  ),
  quality_limitation_resolution_changes: num(),
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

/** Video's trouble as shares (0..1) of the time: consumers lag, producers are limited. */
const videoIssues = group({
  lag_fraction: num(),
  no_video_fraction: num(),
  poor_resolution_fraction: num(),
  quality_limitation_fraction: num(),
  cpu_quality_limitation_fraction: num(),
  bandwidth_quality_limitation_fraction: num(),
});

/** A list's summary; like the samples, the union of the SDK's eight cumulative types. */
export const cumulative = group({
  packet_loss: nested(packetLoss, 'a packet_loss object'),
  quality_mos: nested(distribution, 'a quality_mos object'),
  rtt: nested(latency, 'an rtt object'),
  jitter_buffer_delay: nested(latency, 'a jitter_buffer_delay object'),
  frame_per_second: nested(distribution, 'a frame_per_second object'),
  frame_width: nested(distribution, 'a frame_width object'),
  issues: nested(videoIssues, 'an issues object'),
  key_frames_encoded_fraction: num(),
  key_frames_decoded_fraction: num(),
  high_negative_feedback_fraction: num(),
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
  local_candidate_id: str(),
  local_candidate_type: str(),
  local_candidate_protocol: str(),
  local_candidate_address: str(),
  local_candidate_port: num(),
  local_candidate_related_address: str(),
  local_candidate_related_port: num(),
  local_candidate_network_type: str(),
  local_candidate_url: str(),
  remote_candidate_id: str(),
  remote_candidate_type: str(),
  remote_candidate_protocol: str(),
  remote_candidate_address: str(),
  remote_candidate_port: num(),
  remote_candidate_url: str(),
  current_round_trip_time: num(),
  total_round_trip_time: num(),
  available_outgoing_bitrate: num(),
  available_incoming_bitrate: num(),
  bytes_sent: num(),
  bytes_received: num(),
  bytes_discarded_on_send: num(),
  packets_sent: num(),
  packets_received: num(),
  packets_discarded_on_send: num(),
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
  sdp: leaf(z.array(z.string()), 'a list of SDP lines'),
});

const reportEvent = group({
  name: str(),
  timestamp: time(),
  metadata: leaf(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    'an object of plain values',
  ),
});

/** A camera, microphone or speaker as the browser names it. */
const mediaDevice = group({ device_id: str(), kind: str(), label: str() });

/** The devices that appeared and went away at one moment (a headset plugged in, say). */
const devicesUpdate = group({
  timestamp: time(),
  added: list(mediaDevice, 'a device object'),
  removed: list(mediaDevice, 'a device object'),
});

/** The device the participant (or the SDK) switched to. */
const selectedDeviceUpdate = group({
  timestamp: time(),
  device: nested(mediaDevice, 'a device object'),
});

const devicesUpdates = () => list(devicesUpdate, 'a device update object');

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
      // The SDK says true, false or null; a string ("webgl2") is seen in peer_stats.
      webgl_support: {
        wire: z.nullable(z.boolean()),
        read: lenient(z.union([z.boolean(), z.string()]), 'true, false or a string'),
      },
    }),
    'a browser_metadata object',
  ),
  native_metadata: nested(
    group({ audio_encoder: str(), video_encoder: str() }),
    'a native_metadata object',
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
  audio_devices_updates: devicesUpdates(),
  video_devices_updates: devicesUpdates(),
  speaker_devices_updates: devicesUpdates(),
  selected_device_updates: list(selectedDeviceUpdate, 'a selected device update object'),
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
  // The participant endpoint's own peer events: its wire allows more (null, epochs) than the SDK.
  peer_events: {
    wire: z.array(peerEventWire),
    read: peerEventsSchema,
  },
});

// ---- Wire types: what the API sends (the mock writes these) ----

/**
 * `data.participant{…}` as the SDK documents it; for three weeks of 2026 the schema described
 * the participant as `data{…}` itself. Both are read (`peerReportOf`).
 */
export const peerReportResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(
    z.union([z.looseObject({ participant: reportParticipant.wire }), reportParticipant.wire]),
  ),
});

export type WirePeerReportParticipant = z.input<typeof reportParticipant.wire>;
export type WirePeerReport = z.input<typeof peerReport.wire>;
export type WireReportMetadata = z.input<typeof metadata.wire>;
export type WireReportQuality = z.input<typeof quality.wire>;
export type WireQualitySample = z.input<typeof qualitySample.wire>;
export type WireCumulative = z.input<typeof cumulative.wire>;
export type WireCandidatePair = z.input<typeof candidatePair.wire>;
export type WirePcMetadata = z.input<typeof pcMetadata.wire>;
export type WireReportEvent = z.input<typeof reportEvent.wire>;
export type WireMediaDevice = z.input<typeof mediaDevice.wire>;
export type WireDevicesUpdate = z.input<typeof devicesUpdate.wire>;
export type WireSelectedDeviceUpdate = z.input<typeof selectedDeviceUpdate.wire>;

// ---- Read schemas: what the browser makes of any body ----

/**
 * The envelope. `data.participant` is read here; a flat `data{…}` passes as sent and is read
 * by `peerReportOf`.
 */
export const peerReportResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(
    z.looseObject({
      participant: lenientQuick(
        reportParticipant.read,
        'a participant object',
        reportParticipant.take,
      ),
    }),
    'a data object',
  ),
});

export const reportParticipantSchema = reportParticipant.read;

export type PeerReportParticipant = z.output<typeof reportParticipant.read>;
export type PeerReport = z.output<typeof peerReport.read>;
export type ReportMetadata = z.output<typeof metadata.read>;
export type ReportQuality = z.output<typeof quality.read>;
export type QualitySample = z.output<typeof qualitySample.read>;
export type Cumulative = z.output<typeof cumulative.read>;
export type CandidatePair = z.output<typeof candidatePair.read>;
export type PcMetadata = z.output<typeof pcMetadata.read>;
export type ReportEvent = z.output<typeof reportEvent.read>;
export type MediaDevice = z.output<typeof mediaDevice.read>;
export type DevicesUpdate = z.output<typeof devicesUpdate.read>;
export type SelectedDeviceUpdate = z.output<typeof selectedDeviceUpdate.read>;

/** Which documented shape the report came in. */
export type ReportShape = 'wrapped' | 'flat';

type ReportData = NonNullable<Exclude<z.output<typeof peerReportResponseSchema>['data'], Invalid>>;

/**
 * The participant inside `data`, whichever documented shape it came in: `data.participant`, or
 * `data` itself when it holds any of a participant's fields. Null when neither holds one (a
 * `data.participant` that is not an object stays flagged in `data`).
 */
export function peerReportOf(
  data: ReportData,
): { participant: PeerReportParticipant; shape: ReportShape } | null {
  const inner = data.participant;
  if (inner !== undefined)
    return isInvalid(inner) ? null : { participant: inner, shape: 'wrapped' };
  if (!Object.keys(reportParticipant.read.shape).some((key) => key in data)) return null;
  const parsed = z.safeParse(reportParticipant.read, data);
  return parsed.success ? { participant: parsed.data, shape: 'flat' } : null;
}

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
