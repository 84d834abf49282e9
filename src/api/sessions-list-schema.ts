/**
 * RealtimeKit's sessions list (`GET …/realtime/kit/{app_id}/sessions`, docs/UPSTREAM.md) and a
 * meeting's active session (`GET …/meetings/{meeting_id}/active-session`). Shared by the
 * browser (lenient read schemas), the proxy's person search (which reads the list it asks
 * for) and the embedded mock (wire types). The list's body follows the official SDK 7.3.0's
 * SessionGetSessionsResponse: `data.sessions[]` with `paging` at the top level (read inside
 * `data` too, as other RealtimeKit lists send it). Each session is the session details' shape.
 */
import * as z from 'zod/mini';
import { isInvalid, lenient, lenientList } from './lenient';
import { pagingSchema, pagingWire, sessionSchema, sessionWire } from './session-schema';

// ---- Wire types: what the API sends (the mock writes these) ----

export const sessionsListResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(
    z.looseObject({
      sessions: z.optional(z.array(sessionWire)),
      paging: z.optional(pagingWire),
    }),
  ),
  paging: z.optional(pagingWire),
});

/** The meeting's session in progress, in the session details' shape. */
export const activeSessionResponseWire = z.looseObject({
  success: z.optional(z.boolean()),
  data: z.optional(sessionWire),
});

export type WireSessionsListResponse = z.input<typeof sessionsListResponseWire>;
export type WireActiveSessionResponse = z.input<typeof activeSessionResponseWire>;

// ---- Read schemas: what the browser (and the person search) make of any body ----

/**
 * The list. `paging` is read where it came and copied to the other place when that has none,
 * so a reader finds it in `data.paging` and at the top level alike.
 */
export const sessionsListResponseSchema = z.pipe(
  z.looseObject({
    success: lenient(z.boolean(), 'true or false'),
    data: lenient(
      z.looseObject({
        sessions: lenientList(sessionSchema, 'a session object'),
        paging: lenient(pagingSchema, 'a paging object'),
      }),
      'a data object',
    ),
    paging: lenient(pagingSchema, 'a paging object'),
  }),
  z.transform((body) => {
    const { data, paging } = body;
    if (data === undefined || isInvalid(data)) return body;
    const both = paging ?? data.paging;
    return both === undefined ? body : { ...body, paging: both, data: { ...data, paging: both } };
  }),
);

export const activeSessionResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(sessionSchema, 'a session object'),
});

export type SessionsListResponse = z.output<typeof sessionsListResponseSchema>;
export type ActiveSessionResponse = z.output<typeof activeSessionResponseSchema>;
