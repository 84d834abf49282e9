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
      /** Seconds to wait, from Retry-After, for rate limits. */
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

  /** Worth a "Try again" button: anything but an answer that would be the same (404, 400). */
  get canTryAgain(): boolean {
    return this.kind !== 'not_found' && this.kind !== 'invalid_request';
  }

  /** Worth trying again by itself: the network, a timeout, or a 5xx (not a 200 success:false). */
  get retryable(): boolean {
    if (this.kind === 'upstream') return (this.details.status ?? 500) >= 500;
    return this.kind === 'network' || this.kind === 'timeout';
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

/** Error codes seen in envelopes (CONTRACT.md A4) and the HTTP status each stands for. */
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

/** Automatic retries after the first attempt, for 5xx, timeouts and network errors. */
export const MAX_RETRIES = 2;

/** ' The API said: “…”.' — the API's own words, quoted once, or nothing. */
export function apiSaid(message: string | undefined): string {
  if (!message) return '';
  const text = message.trim().replace(/[.!]+$/, '');
  return ` The API said: “${text}”.`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** The typed error for a non-2xx answer (or a 2xx with success: false). */
export function errorFromResponse(status: number, body: unknown, headers: Headers): ApiError {
  const { message, code, kind, requestId } = envelopeMessage(body);
  const at = Date.now();
  const said = apiSaid(message);
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'));
    return new ApiError('rate_limited', `Too many requests to the RealtimeKit API.${said}`, {
      status,
      code,
      retryAfterSeconds,
      at,
      apiMessage: message,
      requestId,
    });
  }
  if (status === 401 || status === 403) {
    return new ApiError(
      'unauthorized',
      `The server's API token was refused (HTTP ${status}).${said}`,
      { status, code, at, apiMessage: message, requestId },
    );
  }
  if (status === 404) {
    return new ApiError('not_found', message ?? 'Not found.', {
      status,
      code,
      at,
      apiMessage: message,
      requestId,
    });
  }
  if (status === 400) {
    return new ApiError('invalid_request', message ?? 'The request was refused as invalid.', {
      status,
      code,
      at,
      apiMessage: message,
      requestId,
    });
  }
  if (status === 504 || kind === 'upstream_timeout') {
    return new ApiError('timeout', message ?? 'The RealtimeKit API did not answer in time.', {
      status,
      code,
      at,
      apiMessage: message,
      requestId,
    });
  }
  if (kind === 'upstream_bad_body') {
    return new ApiError('upstream', message ?? 'The RealtimeKit API sent an unreadable answer.', {
      status,
      code,
      at,
      apiMessage: message,
      requestId,
    });
  }
  if (status >= 200 && status < 300) {
    // success:false inside a 200: read the envelope's code as the status it stands for (A4).
    const meant = CODE_MEANS[String(code)];
    if (meant !== undefined) return errorFromResponse(meant, body, headers);
    return new ApiError('upstream', `The RealtimeKit API answered success: false.${said}`, {
      status,
      code,
      at,
      apiMessage: message,
      requestId,
    });
  }
  return new ApiError('upstream', `The RealtimeKit API failed (HTTP ${status}).${said}`, {
    status,
    code,
    at,
    apiMessage: message,
    requestId,
  });
}

/** How a query retries: never for 4xx but 429, at most twice for 5xx and network errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'rate_limited') return failureCount < 1;
  return error.retryable && failureCount < MAX_RETRIES;
}

/** Backoff as the official SDK does it (0.5 s · 2ⁿ, cap 8 s, jitter), or Retry-After on 429. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.kind === 'rate_limited') {
    return (error.details.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000;
  }
  const base = Math.min(500 * 2 ** failureCount, 8000);
  return base * (0.75 + Math.random() * 0.25);
}
