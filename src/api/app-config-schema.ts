/** The shape of GET /api/config (this server's routes, see README), shared by the server and the browser. */
import * as z from 'zod/mini';

export const sampleSchema = z.object({
  label: z.string(),
  session_id: z.string(),
  participant_id: z.string(),
  group: z.optional(z.enum(['participants', 'errors'])),
});

export const appConfigSchema = z.looseObject({
  mode: z.enum(['demo', 'live']),
  samples: z.optional(z.array(sampleSchema)),
  /** The portal origins the app may talk to with postMessage when it is framed. */
  embed: z.optional(z.object({ parent_origins: z.array(z.string()) })),
  /** How often a participant still in a live session is refreshed (LIVE_REFRESH_MS). */
  live_refresh_ms: z.optional(z.number()),
});

export type AppConfig = z.output<typeof appConfigSchema>;
export type Sample = z.output<typeof sampleSchema>;
