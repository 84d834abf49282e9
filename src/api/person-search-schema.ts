/**
 * The person search's answer (this server's `GET /api/person-search`, README): a stream of
 * JSON lines (application/x-ndjson) the server writes as its fan-out progresses, and the
 * browser reads line by line. The first line says how many sessions the range holds and how
 * many will be searched (at most the bound, newest first); then each match as soon as its
 * session answered, with progress after every session; the last line is `done` (or `error`
 * when the search could not start). Unknown line types are skipped by the reader.
 */
import * as z from 'zod/mini';

/** Sessions searched per search at most, newest first. */
export const PERSON_SEARCH_BOUND = 50;

const session = z.looseObject({
  id: z.string(),
  associated_id: z.optional(z.string()),
  meeting_display_name: z.optional(z.string()),
  status: z.optional(z.string()),
  started_at: z.optional(z.string()),
  ended_at: z.optional(z.string()),
});

const participant = z.looseObject({
  id: z.string(),
  display_name: z.optional(z.string()),
  custom_participant_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  joined_at: z.optional(z.string()),
  left_at: z.optional(z.string()),
  duration: z.optional(z.number()),
});

export const personSearchLine = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('range'),
    /** Sessions in the range, as the sessions list counted them (its paging's total). */
    sessions_in_range: z.number(),
    /** How many of them are searched: all, or the newest PERSON_SEARCH_BOUND. */
    searching: z.number(),
  }),
  z.object({
    type: z.literal('progress'),
    searched: z.number(),
    total: z.number(),
    /** Sessions whose participants could not be read (counted, never retried endlessly). */
    failed: z.number(),
  }),
  z.object({ type: z.literal('match'), session, participant }),
  z.object({
    type: z.literal('done'),
    searched: z.number(),
    total: z.number(),
    failed: z.number(),
    matches: z.number(),
    /** The range held more sessions than were searched. */
    truncated: z.boolean(),
  }),
  z.object({
    type: z.literal('error'),
    /** The error kinds of the API's JSON errors (rate_limited, upstream, …). */
    kind: z.string(),
    message: z.string(),
  }),
]);

export type PersonSearchLine = z.output<typeof personSearchLine>;
export type PersonMatch = Extract<PersonSearchLine, { type: 'match' }>;
