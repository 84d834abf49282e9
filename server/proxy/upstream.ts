/**
 * The one way this server talks to RealtimeKit: a fixed path under the configured account and
 * app, a bearer token built here (no browser header is forwarded), a time limit per attempt
 * and a deadline overall, retries only where a retry can help, and a circuit breaker so an
 * outage is not hammered. Success bodies pass through verbatim; error bodies never do — the
 * browser gets this server's envelope, with nothing of the token, the account or the upstream.
 */
import type { UpstreamConfig } from '../config';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker';
import { errorResponse, JSON_HEADERS } from './errors';
import type { Budget } from './rate-limit';

export type UpstreamFetch = (request: Request) => Promise<Response>;

/** Larger bodies are refused rather than buffered: 64 MiB holds well over 100,000 events. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Statuses worth one more try: the gateway or the service had a moment. Never 4xx but 408. */
const RETRY_STATUSES = new Set([408, 502, 503, 504]);

export type Upstream = {
  /** GET `{base}/accounts/{account}/realtime/kit/{app}{path}{query}`; path and query pre-validated. */
  get(path: string, query: string, signal: AbortSignal): Promise<Response>;
  readonly breaker: CircuitBreaker;
};

function retryAfter(value: string | null): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,6}$/.test(trimmed)) return trimmed;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return String(Math.max(0, Math.ceil((date - Date.now()) / 1000)));
}

/** 250 ms · 2ⁿ with ±25 % jitter, so retries from many agents do not arrive in step. */
const backoff = (attempt: number) => 250 * 2 ** attempt * (0.75 + Math.random() * 0.5);

/**
 * A signal that aborts when `parent` does or after `ms`, whichever comes first, with a way to
 * tell which. Built by hand: AbortSignal.timeout and AbortSignal.any allocate transferable
 * signals and weak references, a measurable cost on every proxied request.
 */
function limited(parent: AbortSignal, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The upstream took too long', 'TimeoutError'));
  }, ms);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

type Attempt =
  | { kind: 'answer'; status: number; text: string; headers: Headers }
  | { kind: 'timeout' | 'unreachable' | 'unreadable' | 'aborted' };

/** The answer for a non-2xx upstream status, in this server's words. */
function upstreamError(status: number, headers: Headers): Response {
  if (status === 401 || status === 403) {
    return errorResponse(
      403,
      'upstream_unauthorized',
      `RealtimeKit refused this server's API token (HTTP ${status}). The token needs the Realtime (read) or Realtime Admin permission on this account.`,
    );
  }
  if (status === 404) {
    return errorResponse(404, 'not_found', 'RealtimeKit has no such session or participant.');
  }
  if (status === 429) {
    const wait =
      retryAfter(headers.get('retry-after')) ?? retryAfter(headers.get('x-ratelimit-reset'));
    return errorResponse(
      429,
      'rate_limited',
      'RealtimeKit is rate limiting this server’s token (1,200 requests per 5 minutes).',
      wait === undefined ? {} : { 'retry-after': wait },
    );
  }
  if (status === 504) {
    return errorResponse(504, 'upstream_timeout', 'RealtimeKit’s gateway timed out (HTTP 504).');
  }
  if (status >= 400 && status < 500) {
    return errorResponse(
      status === 400 ? 400 : 502,
      status === 400 ? 'invalid_request' : 'upstream_error',
      `RealtimeKit refused the request (HTTP ${status}).`,
    );
  }
  return errorResponse(502, 'upstream_error', `RealtimeKit failed (HTTP ${status}).`);
}

/** A budget that never refuses: the embedded mock has no quota to protect. */
const UNLIMITED: Budget = { take: () => 0 };

export function createUpstream(
  config: UpstreamConfig,
  fetchImpl: UpstreamFetch,
  /** Upstream calls allowed, counted per attempt (retries spend the team's quota too). */
  budget: Budget = UNLIMITED,
): Upstream {
  const breaker = createCircuitBreaker(config.breaker);
  const scrub = (text: string) =>
    text.includes(config.token) ? text.split(config.token).join('[redacted]') : text;

  async function attempt(url: string, signal: AbortSignal): Promise<Attempt> {
    // Each attempt has its own limit; the browser leaving (signal) aborts the fetch too.
    const limit = limited(signal, config.timeoutMs);
    try {
      const response = await fetchImpl(
        new Request(url, {
          method: 'GET',
          headers: {
            authorization: `Bearer ${config.token}`,
            accept: 'application/json',
            'user-agent': 'participant-inspector',
          },
          redirect: 'manual',
          signal: limit.signal,
        }),
      );
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_BODY_BYTES) {
        await response.body?.cancel();
        return { kind: 'unreadable' };
      }
      const text = await response.text();
      if (text.length > MAX_BODY_BYTES) return { kind: 'unreadable' };
      return { kind: 'answer', status: response.status, text, headers: response.headers };
    } catch {
      if (signal.aborted) return { kind: 'aborted' };
      return { kind: limit.timedOut() ? 'timeout' : 'unreachable' };
    } finally {
      limit.done();
    }
  }

  return {
    breaker,
    async get(path, query, signal) {
      const wait = breaker.retryAfterSeconds();
      if (wait > 0) {
        return errorResponse(
          503,
          'upstream_unavailable',
          `RealtimeKit failed repeatedly; this server pauses its requests for ${wait} s.`,
          { 'retry-after': String(wait) },
        );
      }
      const url = `${config.base}/accounts/${config.accountId}/realtime/kit/${config.appId}${path}${query}`;
      const overall = limited(signal, config.deadlineMs);
      const deadline = overall.signal;
      let result: Attempt = { kind: 'unreachable' };
      for (let n = 0; n <= config.retries; n++) {
        if (n > 0) await sleep(backoff(n - 1), deadline);
        if (deadline.aborted) break;
        const wait = budget.take('upstream');
        if (wait > 0) {
          // Out of budget: the first attempt answers 429; a retry stops with what it has.
          if (n > 0) break;
          overall.done();
          return errorResponse(
            429,
            'rate_limited',
            'This server has used its share of the RealtimeKit budget for now; it protects the team’s token.',
            { 'retry-after': String(wait) },
          );
        }
        result = await attempt(url, deadline);
        const retry =
          result.kind === 'unreachable' ||
          result.kind === 'timeout' ||
          (result.kind === 'answer' && RETRY_STATUSES.has(result.status));
        if (!retry) break;
      }
      const pastDeadline = overall.timedOut();
      overall.done();

      // Aborted by the deadline rather than by the browser: that is a timeout, not a departure.
      if (result.kind === 'aborted' && !signal.aborted) result = { kind: 'timeout' };
      if (signal.aborted) {
        // The browser went away: nobody reads this, and it says nothing about RealtimeKit.
        return new Response(null, { status: 499 });
      }
      if (result.kind !== 'answer') {
        breaker.failure();
        if (result.kind === 'timeout' || pastDeadline) {
          return errorResponse(
            504,
            'upstream_timeout',
            `RealtimeKit did not answer within ${config.timeoutMs / 1000} s (tried ${config.retries + 1} times).`,
          );
        }
        if (result.kind === 'unreadable') {
          return errorResponse(
            502,
            'upstream_bad_body',
            'The RealtimeKit answer could not be read.',
          );
        }
        return errorResponse(502, 'upstream_unreachable', 'Could not reach RealtimeKit.');
      }

      const { status, text, headers } = result;
      if (status >= 500 || status === 408) breaker.failure();
      else breaker.success();
      let json = true;
      try {
        JSON.parse(text);
      } catch {
        json = false;
      }
      if (!json || (status >= 300 && status < 400)) {
        const what = text.trimStart().startsWith('<')
          ? 'an HTML page'
          : status >= 300 && status < 400
            ? 'a redirect'
            : 'a body that is not valid JSON';
        const type = (headers.get('content-type') ?? 'no content type').split(';')[0];
        return errorResponse(
          502,
          'upstream_bad_body',
          `RealtimeKit answered HTTP ${status} with ${what} (${type}).`,
        );
      }
      if (status < 200 || status >= 300) return upstreamError(status, headers);
      return new Response(scrub(text), { status, headers: JSON_HEADERS });
    },
  };
}
