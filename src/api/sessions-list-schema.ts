/**
 * RealtimeKit's sessions list (`GET …/realtime/kit/{app_id}/sessions`, docs/UPSTREAM.md) and a
 * meeting's active session (`GET …/meetings/{meeting_id}/active-session`). Shared by the
 * browser (lenient read schemas), the proxy's person search (which reads the list it asks
 * for) and the embedded mock (wire types). The list's body follows the official SDK 7.3.0's
 * SessionGetSessionsResponse: `data.sessions[]` with `paging` at the top level (read inside
 * `data` too, as other RealtimeKit lists send it). Each session is the session details' shape.
 */
import * as z from 'zod/mini';
import { lenient, lenientList } from './lenient';
import { listResponseSchema, pagingWire, sessionSchema, sessionWire } from './session-schema';

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

/** The list, `paging` read as `data.paging` wherever it came (see listResponseSchema). */
export const sessionsListResponseSchema = listResponseSchema({
  sessions: lenientList(sessionSchema, 'a session object'),
});

export const activeSessionResponseSchema = z.looseObject({
  success: lenient(z.boolean(), 'true or false'),
  data: lenient(sessionSchema, 'a session object'),
});
