/**
 * The two session endpoints (RealtimeKit's API, docs/UPSTREAM.md): the participants of a session and the session's
 * details. Shared by the browser (lenient read schemas) and the embedded mock (wire types).
 * List entries are participants, read with the participant endpoint's own schema. Session
 * details come in two documented shapes, `data.session{…}` (older) and flat `data{…}` (newer):
 * both are read. The list's `paging` is read inside `data` and beside it. Unknown keys pass; a
 * bad value is flagged with its raw value, never thrown.
 *
 * The wire follows the official SDK 7.3.0's SessionGetSessionDetailsResponse (its required
 * fields required, ISO timestamps, no nulls); server/mock/sdk.test.ts checks the two agree.
 */
import * as z from 'zod/mini';
import { parseTimestamp } from '../lib/timestamp';
import { isInvalid, lenient, lenientList } from './lenient';
import { nonNegative, participantSchema, participantWire, timestamp } from './participant-schema';
import { SESSION_STATUSES } from './request-params';

export { SESSION_STATUSES };
export const SESSION_TYPES = ['meeting', 'livestream', 'participant'] as const;

/** A field: strict on the wire (required there unless `optional`), lenient when read. */
const leaf = <S extends z.ZodMiniType, O extends boolean = false>(
  strict: S,
  expected: string,
  optional?: O,
) => ({
  wire: strict,
  read: lenient(strict, expected),
  optional: (optional ?? false) as O,
});

const str = () => leaf(z.string(), 'a string');
// An ISO string on the wire, as the SDK types it; the read takes epochs and offsets too.
const isoTimestamp = z.string().check(z.refine((raw) => parseTimestamp(raw).ok, 'not a timestamp'));
const time = <O extends boolean = false>(optional?: O) => ({
  wire: isoTimestamp,
  read: lenient(timestamp, 'a timestamp'),
  optional: (optional ?? false) as O,
});
const count = () => leaf(nonNegative, 'a count (≥ 0)');

const sessionFields = {
  id: str(),
  associated_id: str(),
  meeting_display_name: str(),
  status: leaf(z.enum(SESSION_STATUSES), `one of ${SESSION_STATUSES.join(', ')}`),
  type: leaf(z.enum(SESSION_TYPES), `one of ${SESSION_TYPES.join(', ')}`),
  created_at: time(),
  started_at: time(),
  ended_at: time(true),
  updated_at: time(),
  live_participants: count(),
  max_concurrent_participants: count(),
  minutes_consumed: leaf(nonNegative, 'a number of minutes (≥ 0)'),
  organization_id: str(),
};

type SessionFields = typeof sessionFields;

const sessionWireShape = Object.fromEntries(
  Object.entries(sessionFields).map(([key, f]) => [key, f.optional ? z.optional(f.wire) : f.wire]),
) as {
  [K in keyof SessionFields]: SessionFields[K]['optional'] extends true
    ? z.ZodMiniOptional<SessionFields[K]['wire']>
    : SessionFields[K]['wire'];
};

const sessionReadShape = Object.fromEntries(
  Object.entries(sessionFields).map(([key, f]) => [key, f.read]),
) as { [K in keyof SessionFields]: SessionFields[K]['read'] };

// ---- Wire types: what the API sends (the mock writes these) ----

export const sessionWire = z.looseObject({
  ...sessionWireShape,
  breakout_rooms: z.optional(z.array(z.unknown())),
});

/** Older responses wrap the session in `data.session`; newer ones send it as `data` itself. */
export const sessionResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(z.union([z.looseObject({ session: sessionWire }), sessionWire])),
});

export const pagingWire = z.looseObject({
  start_offset: z.optional(z.number()),
  end_offset: z.optional(z.number()),
  total_count: z.optional(z.number()),
});

/** `paging` inside `data` (the documented example) or beside it (also seen); SDK 7.3.0 has neither. */
export const sessionParticipantsResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(
    z.looseObject({
      participants: z.optional(z.array(participantWire)),
      paging: z.optional(pagingWire),
    }),
  ),
  paging: z.optional(pagingWire),
});

export type WireSession = z.input<typeof sessionWire>;
export type WireSessionResponse = z.input<typeof sessionResponseWire>;
export type WireSessionParticipantsResponse = z.input<typeof sessionParticipantsResponseWire>;
export type WirePaging = z.input<typeof pagingWire>;

// ---- Read schemas: what the browser makes of any body ----

export const sessionSchema = z.looseObject({
  ...sessionReadShape,
  breakout_rooms: lenient(z.array(z.unknown()), 'a list of breakout rooms'),
});

export const pagingSchema = z.looseObject({
  start_offset: count().read,
  end_offset: count().read,
  total_count: count().read,
});

/** Either shape of `data`, before the session inside is found (see `sessionOf`). */
export const sessionResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(z.record(z.string(), z.unknown()), 'a data object'),
});

/**
 * A RealtimeKit list, read: its entries in `data` under their own key, and `paging` inside
 * `data` (the documented example) or beside it (SDK 7.3.0's sessions list); a top-level
 * `paging` is read as `data.paging` when `data` has none of its own.
 */
export const listResponseSchema = <E extends Record<string, z.ZodMiniType>>(entries: E) =>
  z.pipe(
    z.looseObject({
      success: lenient(z.boolean(), 'true or false'),
      data: lenient(
        z.looseObject({ ...entries, paging: lenient(pagingSchema, 'a paging object') }),
        'a data object',
      ),
      paging: lenient(pagingSchema, 'a paging object'),
    }),
    z.transform((body) => {
      const { data, paging } = body;
      if (paging === undefined || data === undefined || isInvalid(data)) return body;
      return data.paging === undefined ? { ...body, data: { ...data, paging } } : body;
    }),
  );

export const sessionParticipantsResponseSchema = listResponseSchema({
  participants: lenientList(participantSchema, 'a participant object'),
});

export type Session = z.output<typeof sessionSchema>;
export type Paging = z.output<typeof pagingSchema>;
export type SessionParticipantsResponse = z.output<typeof sessionParticipantsResponseSchema>;

/**
 * The session inside `data`, whichever documented shape it came in: `data.session` when that
 * is an object, else `data` itself. Null when neither looks like a session.
 */
export function sessionOf(data: Record<string, unknown>): Session | null {
  const inner = data.session;
  const candidate = typeof inner === 'object' && inner !== null ? inner : data;
  const parsed = z.safeParse(sessionSchema, candidate);
  if (!parsed.success) return null;
  const session = parsed.data;
  // A flat `data` with none of the session's fields is not a session.
  const known = Object.keys(sessionFields).some((k) => k in candidate);
  return known ? session : null;
}
