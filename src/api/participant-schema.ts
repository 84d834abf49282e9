/**
 * The one schema of the "Fetch details of a participant" response, shared by the browser (which
 * reads with the lenient schemas) and the embedded mock (which writes the wire types).
 *
 * Each field is declared once as a strict schema. The wire types (what the API sends when it
 * behaves) are derived from them; the lenient read schemas wrap every field so that a missing
 * value reads as undefined and a malformed one as an Invalid marker holding the raw value.
 */
import * as z from 'zod/mini';
import { parseTimestamp } from '../lib/timestamp';
import { lenient, lenientList } from './lenient';

export const FILTERS = [
  'device_info',
  'ip_information',
  'precall_network_information',
  'events',
  'quality_stats',
] as const;
export type Filter = (typeof FILTERS)[number];

/** What each filter checks, in the words the page uses. */
export const FILTER_LABELS: Record<Filter, string> = {
  device_info: 'device',
  ip_information: 'network and location',
  precall_network_information: 'pre-call test',
  events: 'SDK events',
  quality_stats: 'call quality',
};

export const EVENT_NAMES = ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const PRESET_VIEW_TYPES = [
  'GROUP_CALL',
  'WEBINAR',
  'AUDIO_ROOM',
  'LIVESTREAM',
  'CHAT',
] as const;
export type PresetViewType = (typeof PRESET_VIEW_TYPES)[number];

const text = z.string();

/** A timestamp in any form the API has been seen to send (ISO, offsets, epochs). */
export const timestamp = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((raw, ctx) => {
    const result = parseTimestamp(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  }),
);

// -0 is a valid JSON number but reads as "-0" in places; minutes and counts are never negative.
export const nonNegative = z.pipe(
  z.number().check(z.minimum(0, 'negative')),
  z.transform((n) => n + 0),
);

type Fields = Record<string, z.ZodMiniType>;

type Labelled<F extends Fields> = { [K in keyof F]: string };

/** Strict fields → the shape the API sends: every field optional and possibly null. */
function wireShape<F extends Fields>(fields: F) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (field) shape[key] = z.optional(z.nullable(field));
  }
  return shape as { [K in keyof F]: z.ZodMiniOptional<z.ZodMiniNullable<F[K]>> };
}

/** Strict fields → the shape the browser reads: every field lenient. */
function readShape<F extends Fields>(fields: F, expected: Labelled<F>) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (field) shape[key] = lenient(field, expected[key] ?? 'a value');
  }
  return shape as { [K in keyof F]: ReturnType<typeof lenient<F[K]>> };
}

const peerEventFields = {
  id: text,
  created_at: timestamp,
  updated_at: timestamp,
  event_name: z.enum(EVENT_NAMES),
  minutes_consumed: nonNegative,
  participant_id: text,
  peer_id: text,
  preset_view_type: z.enum(PRESET_VIEW_TYPES),
  session_id: text,
  socket_session_id: text,
};

const peerEventLabels: Labelled<typeof peerEventFields> = {
  id: 'a string',
  created_at: 'a timestamp',
  updated_at: 'a timestamp',
  event_name: `one of ${EVENT_NAMES.join(', ')}`,
  minutes_consumed: 'a number of minutes (≥ 0)',
  participant_id: 'a string',
  peer_id: 'a string',
  preset_view_type: `one of ${PRESET_VIEW_TYPES.join(', ')}`,
  session_id: 'a string',
  socket_session_id: 'a string',
};

const participantFields = {
  id: text,
  created_at: timestamp,
  updated_at: timestamp,
  custom_participant_id: text,
  display_name: text,
  duration: nonNegative,
  joined_at: timestamp,
  left_at: timestamp,
  preset_name: text,
  user_id: text,
};

const participantLabels: Labelled<typeof participantFields> = {
  id: 'a string',
  created_at: 'a timestamp',
  updated_at: 'a timestamp',
  custom_participant_id: 'a string',
  display_name: 'a string',
  duration: 'a number of minutes (≥ 0)',
  joined_at: 'a timestamp',
  left_at: 'a timestamp',
  preset_name: 'a string',
  user_id: 'a string',
};

// The filtered sections (docs/UPSTREAM.md, older deployments). Spellings and units drift in the wild, so each
// known variant is a field of its own; every field is read on its own, so one odd value is
// flagged where it stands instead of making the whole section unreadable.
const numberish = z.union([z.number(), z.string()]);
// A number, or a string that holds one ("45"): both are seen; anything else is flagged.
const numeric = z.pipe(
  numberish,
  z.transform((raw, ctx) => {
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    ctx.issues.push({ code: 'custom', message: 'got a value that is not a number', input: raw });
    return z.NEVER;
  }),
);
const flag = z.boolean();

const deviceInfoFields = {
  browser: text,
  browser_version: text,
  engine: text,
  user_agent: text,
  os: text,
  os_version: text,
  sdk_name: text,
  sdk_version: text,
  cpus: numeric,
  memory: numeric,
  is_mobile: flag,
  webgl_support: z.union([z.string(), z.boolean()]),
};

const ipInformationFields = {
  ipv4: text,
  city: text,
  region: text,
  country: text,
  timezone: text,
  org: text,
  ip_location: text,
  portal: z.union([z.string(), z.boolean()]),
};

const precallNetworkFields = {
  rtt: numeric,
  backend_rtt: numeric,
  jitter: numeric,
  fractional_loss: numeric,
  throughput: numeric,
  throughtput: numeric,
  effective_network_type: text,
  effective_networktype: text,
  reflexive_connectivity: flag,
  relay_connectivity: flag,
  turn_connectivity: flag,
};

/** What each kind of field should have been, for the "invalid" flag. */
function labelsOf<F extends Fields>(fields: F): Labelled<F> {
  const labels: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    labels[key] =
      field === text
        ? 'a string'
        : field === flag
          ? 'true or false'
          : field === numeric
            ? 'a number'
            : 'a string or true/false';
  }
  return labels as Labelled<F>;
}

export const statsEventWire = z.looseObject({
  type: z.optional(z.string()),
  timestamp: z.optional(numberish),
  metadata: z.optional(z.record(z.string(), z.unknown())),
});

export const peerStatsWire = z.looseObject({
  config: z.optional(z.string()),
  status: z.optional(z.string()),
  device_info: z.optional(z.looseObject(wireShape(deviceInfoFields))),
  ip_information: z.optional(z.looseObject(wireShape(ipInformationFields))),
  precall_network_information: z.optional(z.looseObject(wireShape(precallNetworkFields))),
  events: z.optional(z.array(statsEventWire)),
});

const section = <F extends Fields>(fields: F, expected: string) =>
  lenient(z.looseObject(readShape(fields, labelsOf(fields))), expected);

/** peer_stats as the browser reads it: each section and each field on its own. */
const peerStatsSchema = z.looseObject({
  config: lenient(text, 'a string'),
  status: lenient(text, 'a string'),
  device_info: section(deviceInfoFields, 'a device_info object'),
  ip_information: section(ipInformationFields, 'an ip_information object'),
  precall_network_information: section(
    precallNetworkFields,
    'a precall_network_information object',
  ),
  // Each SDK event is read by the timeline, one by one.
  events: lenient(z.array(z.unknown()), 'a list of SDK events'),
});

const sample = {
  timestamp: z.optional(numberish),
  quality: z.optional(numberish),
  jitter: z.optional(numberish),
  packets_lost: z.optional(numberish),
};

export const audioSampleWire = z.looseObject({
  ...sample,
  concealment_events: z.optional(numberish),
});

export const videoSampleWire = z.looseObject({
  ...sample,
  frame_width: z.optional(numberish),
  frame_height: z.optional(numberish),
  frames_per_second: z.optional(numberish),
  frames_dropped: z.optional(numberish),
});

export const qualityStatWire = z.looseObject({
  peer_id: z.optional(z.string()),
  start: z.optional(numberish),
  end: z.optional(numberish),
  average_quality: z.optional(numberish),
  audio_bandwidth: z.optional(numberish),
  video_bandwidth: z.optional(numberish),
  audio_packet_loss: z.optional(numberish),
  video_packet_loss: z.optional(numberish),
  audio_stats: z.optional(z.array(audioSampleWire)),
  video_stats: z.optional(z.array(videoSampleWire)),
});

const qualityStatsWire = z.union([z.array(qualityStatWire), qualityStatWire]);

// ---- Wire types: what the API sends (the mock writes these) ----

export const peerEventWire = z.looseObject(wireShape(peerEventFields));

export const participantWire = z.looseObject({
  ...wireShape(participantFields),
  peer_events: z.optional(z.nullable(z.array(peerEventWire))),
  peer_stats: z.optional(z.nullable(peerStatsWire)),
  quality_stats: z.optional(z.nullable(qualityStatsWire)),
});

export const participantResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(z.looseObject({ participant: z.optional(participantWire) })),
});

export type WirePeerEvent = z.input<typeof peerEventWire>;
export type WireParticipant = z.input<typeof participantWire>;
export type WireParticipantResponse = z.input<typeof participantResponseWire>;
export type WirePeerStats = z.input<typeof peerStatsWire>;
export type WireQualityStat = z.input<typeof qualityStatWire>;
export type WireAudioSample = z.input<typeof audioSampleWire>;
export type WireVideoSample = z.input<typeof videoSampleWire>;

// ---- Read schemas: what the browser makes of any body ----

/** A peer event's fields, each as the browser reads it (peer-events-quick.ts reads them by hand). */
export const peerEventReadShape = readShape(peerEventFields, peerEventLabels);
export const peerEventSchema = z.looseObject(peerEventReadShape);
export const PEER_EVENT_OBJECT = 'a peer event object';
/** The participant's peer events, each read on its own. */
export const peerEventsSchema = lenientList(peerEventSchema, PEER_EVENT_OBJECT);

export const participantSchema = z.looseObject({
  ...readShape(participantFields, participantLabels),
  peer_events: peerEventsSchema,
  peer_stats: lenient(peerStatsSchema, 'a peer_stats object'),
  // Kept as sent: an 8-hour call holds tens of thousands of samples, which the quality reader
  // (features/diagnostics/lib/quality.ts) reads field by field, so one odd sample hides nothing.
  quality_stats: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw) => raw ?? undefined),
    ),
  ),
});

export const participantResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(
    z.looseObject({ participant: lenient(participantSchema, 'a participant object') }),
    'a data object',
  ),
});

export type PeerEvent = z.output<typeof peerEventSchema>;
export type Participant = z.output<typeof participantSchema>;
export type ParticipantResponse = z.output<typeof participantResponseSchema>;

// ---- Error envelopes (docs/UPSTREAM.md): RealtimeKit's, Cloudflare's gateway's, and ours ----

/** What went wrong, when the error was found by this product's server rather than upstream. */
export const PROXY_ERROR_KINDS = [
  'invalid_request',
  'not_found',
  'method_not_allowed',
  'forbidden',
  'rate_limited',
  'upstream_unauthorized',
  'upstream_error',
  'upstream_unavailable',
  'server_busy',
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_bad_body',
  'internal',
] as const;
export type ProxyErrorKind = (typeof PROXY_ERROR_KINDS)[number];

export const errorEnvelopeSchema = z.looseObject({
  success: z.optional(z.boolean()),
  error: z.optional(
    z.looseObject({
      code: z.optional(z.union([z.number(), z.string()])),
      message: z.optional(z.string()),
      kind: z.optional(z.enum(PROXY_ERROR_KINDS)),
      request_id: z.optional(z.string()),
    }),
  ),
  errors: z.optional(
    z.array(
      z.looseObject({
        code: z.optional(z.union([z.number(), z.string()])),
        message: z.optional(z.string()),
      }),
    ),
  ),
});

export type ErrorEnvelope = z.input<typeof errorEnvelopeSchema>;
