/**
 * The postMessage protocol between the inspector (in an iframe) and the admin portal around
 * it. Every message carries `source: "participant-inspector"`. Outbound: ready, resize,
 * navigated. Inbound: navigate, set-theme, set-redact — validated here, field by field.
 */
import * as z from 'zod/mini';
import { FILTERS } from '../../api/participant-schema';
import { ID_PATTERN } from '../../api/request-params';
import { THEMES } from '../../lib/view-params';

export const MESSAGE_SOURCE = 'participant-inspector';

const id = z.string().check(z.regex(ID_PATTERN));

export const inboundMessageSchema = z.discriminatedUnion('type', [
  z.object({
    source: z.literal(MESSAGE_SOURCE),
    type: z.literal('navigate'),
    session_id: id,
    participant_id: id,
    filters: z.optional(z.array(z.enum(FILTERS))),
    include_peer_events: z.optional(z.boolean()),
  }),
  z.object({
    source: z.literal(MESSAGE_SOURCE),
    type: z.literal('set-theme'),
    theme: z.enum(THEMES),
  }),
  z.object({
    source: z.literal(MESSAGE_SOURCE),
    type: z.literal('set-redact'),
    redact: z.boolean(),
  }),
]);

export type InboundMessage = z.output<typeof inboundMessageSchema>;

export type OutboundMessage =
  | { type: 'ready'; version: 1 }
  | { type: 'resize'; height: number }
  | {
      type: 'navigated';
      session_id: string | null;
      participant_id: string | null;
      deep_link: string;
    };

/** The message, when it is one of ours and well formed; null for anything else. */
export function readInbound(data: unknown): InboundMessage | null {
  const parsed = z.safeParse(inboundMessageSchema, data);
  return parsed.success ? parsed.data : null;
}
