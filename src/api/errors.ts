/**
 * Every way a request can fail, as cases the UI tells apart. Built from the status, the
 * envelope (RealtimeKit's, Cloudflare's gateway's or this server's) and Retry-After.
 */
import * as z from 'zod/mini';
import { errorEnvelopeSchema } from './participant-schema';

export type ApiErrorKind =
  | 'invalid_request'
  | 'not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable'
  | 'busy'
  | 'timeout'
  | 'upstream'
  | 'malformed'
  | 'network';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly code?: string | number;
      /** Seconds to wait, from Retry-After, for rate limits and a paused upstream. */
      readonly retryAfterSeconds?: number;
      /** When the error was seen (ms since the epoch), to count down from. */
      readonly at?: number;
      /** The message of the error envelope, as the API (or this server) worded it. */
      readonly apiMessage?: string;
      /** This server's id for the request, to find its log line. */
      readonly requestId?: string;
    } = {},
  ) {
    super(message);
  }
}

function envelopeMessage(body: unknown): {
  message?: string;
  code?: string | number;
  kind?: string;
  requestId?: string;
} {
  const parsed = z.safeParse(errorEnvelopeSchema, body);
  if (!parsed.success) return {};
  const { error, errors } = parsed.data;
  if (error) {
    return {
      message: error.message,
      code: error.code,
      kind: error.kind,
      requestId: error.request_id,
    };
  }
  const first = errors?.[0];
  return first ? { message: first.message, code: first.code } : {};
}

/** Error codes seen in envelopes (docs/UPSTREAM.md) and the HTTP status each stands for. */
const CODE_MEANS: Record<string, number> = {
  '10000': 401,
  '9109': 403,
  '7000': 404,
  '7003': 404,
  '404': 404,
  '10100': 429,
  '400': 400,
};

/** How long to wait after a 429 that did not say (Retry-After missing or unreadable). */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/** The longest Retry-After believed (the server caps its own at the same). */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Automatic retries after the first attempt, only when this app's server was not reached. */
export const MAX_RETRIES = 1;

/** ' The API said: “…”.' — the API's own words, quoted once, or nothing. */
function apiSaid(message: string | undefined): string {
  if (!message) return '';
  const text = message.trim().replace(/[.!]+$/, '');
  return ` The API said: “${text}”.`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(Number(value.trim()), MAX_RETRY_AFTER_SECONDS);
}

/** The typed error for a non-2xx answer (or a 2xx with success: false). */
export function errorFromResponse(status: number, body: unknown, headers: Headers): ApiError {
  const { message, code, kind, requestId } = envelopeMessage(body);
  const seen = { status, code, at: Date.now(), apiMessage: message, requestId };
  const said = apiSaid(message);
  // Said with a 429, and with the 503 of this server's open circuit (it pauses RealtimeKit).
  const waited = { ...seen, retryAfterSeconds: parseRetryAfter(headers.get('retry-after')) };
  if (status === 429) {
    return new ApiError('rate_limited', `Too many requests to the RealtimeKit API.${said}`, waited);
  }
  if (kind === 'server_busy') {
    return new ApiError('busy', message ?? 'This server is busy.', waited);
  }
  if (status === 503 || kind === 'upstream_unavailable') {
    return new ApiError('unavailable', message ?? 'RealtimeKit is unavailable (HTTP 503).', waited);
  }
  if (status === 401 || status === 403) {
    return new ApiError(
      'unauthorized',
      `The server's API token was refused (HTTP ${status}).${said}`,
      seen,
    );
  }
  if (status === 404) return new ApiError('not_found', message ?? 'Not found.', seen);
  if (status === 400) {
    return new ApiError('invalid_request', message ?? 'The request was refused as invalid.', seen);
  }
  if (status === 504 || kind === 'upstream_timeout') {
    return new ApiError('timeout', message ?? 'The RealtimeKit API did not answer in time.', seen);
  }
  if (kind === 'upstream_bad_body') {
    return new ApiError(
      'upstream',
      message ?? 'The RealtimeKit API sent an unreadable answer.',
      seen,
    );
  }
  if (status >= 200 && status < 300) {
    // success:false inside a 200: read the envelope's code as the status it stands for (docs/UPSTREAM.md, "Errors").
    const meant = CODE_MEANS[String(code)];
    if (meant !== undefined) return errorFromResponse(meant, body, headers);
    return new ApiError('upstream', `The RealtimeKit API answered success: false.${said}`, seen);
  }
  return new ApiError('upstream', `The RealtimeKit API failed (HTTP ${status}).${said}`, seen);
}

/**
 * Who tries a failed request again. This app's server already retries RealtimeKit's timeouts,
 * 5xx and network errors within a deadline, so the browser retries only when that server
 * could not be reached at all; everything else waits for the agent's Try again.
 * - 'none': the same request would get the same answer (404, 400).
 * - 'manual': Try again (after Retry-After's wait, if any).
 * - 'automatic': the page tries once more by itself, and Try again stays offered.
 */
export type RetryAdvice = 'none' | 'manual' | 'automatic';

export function retryAdvice(error: unknown): RetryAdvice {
  if (!(error instanceof ApiError)) return 'manual';
  if (error.kind === 'not_found' || error.kind === 'invalid_request') return 'none';
  return error.kind === 'network' ? 'automatic' : 'manual';
}

/** How long Try again waits after this error (seconds, from Retry-After); null: no wait. */
export function retryWaitSeconds(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const { retryAfterSeconds } = error.details;
  if (error.kind === 'rate_limited') return retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  if (error.kind === 'unavailable' || error.kind === 'busy') return retryAfterSeconds ?? null;
  return null;
}

/** Until when Try again waits after this error (ms since the epoch, from when it arrived). */
export function retryWaitUntil(error: unknown): number | null {
  const wait = retryWaitSeconds(error);
  if (wait === null || !(error instanceof ApiError)) return null;
  return (error.details.at ?? 0) + wait * 1000;
}

/** How a query retries: once, and only when this app's server could not be reached. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return retryAdvice(error) === 'automatic' && failureCount < MAX_RETRIES;
}

/** Backoff as the official SDK does it: 0.5 s · 2ⁿ, cap 8 s, jitter. */
export function retryDelay(failureCount: number): number {
  const base = Math.min(500 * 2 ** failureCount, 8000);
  return base * (0.75 + Math.random() * 0.25);
}
