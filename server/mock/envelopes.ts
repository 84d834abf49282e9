/** The two error envelopes the mock answers with (docs/UPSTREAM.md). */
import type { ErrorEnvelope } from '../../src/api/participant-schema';

/** Cloudflare's gateway envelope (authentication, routing, rate limits). */
export const gatewayError = (
  code: number,
  message: string,
): ErrorEnvelope & Record<string, unknown> => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});

/** RealtimeKit's own envelope. */
export const kitError = (code: number, message: string): ErrorEnvelope => ({
  success: false,
  error: { code, message },
});
