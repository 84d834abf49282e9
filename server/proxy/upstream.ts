/**
 * The one way this server talks to RealtimeKit: a fixed path under the configured account and
 * app, a bearer token built here (no browser header is forwarded), a time limit per attempt
 * and a deadline overall, retries only where a retry can help, and a circuit breaker so an
 * outage is not hammered. Success bodies pass through verbatim; error bodies never do — the
 * browser gets this server's envelope, with nothing of the token, the account or the upstream.
 */
import type { UpstreamConfig } from '../config';
import { type CircuitBreaker, createCircuitBreaker, type Permit } from './circuit-breaker';
import { errorResponse, JSON_HEADERS } from './errors';
import type { Budget } from './rate-limit';

/**
 * How a call reaches the upstream: a URL and its options, never a Request object. Node's fetch
 * re-wraps a Request it is handed and follows that Request's signal only through weak
 * references, so after a major GC an abort no longer reached the connection; with the signal
 * in the options it holds on to it. The caller also races every step against its own signal,
 * so a transport that ignores aborts still cannot hold a request past its deadline.
 */
export type UpstreamInit = {
  readonly method: 'GET';
  readonly headers: Record<string, string>;
  readonly redirect: 'manual';
  readonly signal: AbortSignal;
};
export type UpstreamFetch = (url: string, init: UpstreamInit) => Promise<Response>;

/** Statuses worth one more try: the gateway or the service had a moment. Never 4xx but 408. */
const RETRY_STATUSES = new Set([408, 502, 503, 504]);

export type Upstream = {
  /** GET `{base}/accounts/{account}/realtime/kit/{app}{path}{query}`; path and query pre-validated. */
  get(path: string, query: string, signal: AbortSignal): Promise<Response>;
  /** The circuit's state, for readiness (a Worker's comes from the shared Durable Object). */
  readonly breaker: Pick<CircuitBreaker, 'state'>;
};

/** The longest wait passed on: a date years away is a broken header, not advice. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** An HTTP date as Retry-After allows it (IMF-fixdate), e.g. "Wed, 21 Oct 2026 07:28:00 GMT". */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** Beyond this a number is an epoch time (X-RateLimit-Reset's other form), not a delay. */
const EPOCH_SECONDS = 1_000_000_000;

/**
 * Seconds to wait, from Retry-After or X-RateLimit-Reset: delay seconds, an epoch time in
 * seconds, or an HTTP date; anything else (a fraction, a sign, a bare year) is no advice.
 */
function retryAfter(value: string | null): string | undefined {
  const trimmed = value?.trim() ?? '';
  let seconds: number;
  if (/^\d{1,12}$/.test(trimmed)) {
    const n = Number(trimmed);
    seconds = n >= EPOCH_SECONDS ? Math.ceil(n - Date.now() / 1000) : n;
  } else if (HTTP_DATE.test(trimmed)) {
    seconds = Math.ceil((Date.parse(trimmed) - Date.now()) / 1000);
  } else return undefined;
  if (Number.isNaN(seconds)) return undefined;
  return String(Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds)));
}

/**
 * The upstream paths this server may call: slash-separated segments of the id alphabet, and a
 * query of plain parameter characters. Checked again here, below the routes, so that no caller
 * (a route, the Workers upstream object) can steer a call elsewhere with "..", "//" or "#".
 */
export function isUpstreamTarget(path: string, query: string): boolean {
  return (
    /^(\/[A-Za-z0-9_-]{1,64}){1,6}$/.test(path) &&
    (query === '' || /^\?[A-Za-z0-9_=&,.:+%-]{1,2000}$/.test(query))
  );
}

/** An upstream content type, echoed only as a plain media type; anything else is not quoted. */
function mediaType(value: string | null): string {
  const type = (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return 'no content type';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/.test(type)
    ? type
    : 'an unusual content type';
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
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Settles with `work`, or rejects as soon as `signal` aborts, whatever `work` does then; a
 * value that arrives after the abort is handed to `late` (to cancel a body nobody will read).
 */
function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  late: (value: T) => void = () => undefined,
): Promise<T> {
  if (signal.aborted) {
    work.then(late, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) late(value);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

class TooLarge extends Error {}
class Busy extends Error {}

/**
 * Bytes held by the bodies being read or answered now, shared by every call of one upstream:
 * a body counts from its first chunk until its call has answered.
 */
type Reading = { bytes: number; readonly max: number };

/**
 * The body's bytes and their text, reading at most `max` decoded bytes (what the transport hands
 * over after any gzip or brotli): a chunked or compressed body is counted as it streams, not
 * trusted by its Content-Length. Every read is bounded by `signal`, and the stream is cancelled
 * on any exit that did not read it to the end. The bytes are what is handed on: the text is
 * only checked (JSON, no token in it), so a large answer is not encoded again.
 */
async function readBody(
  response: Response,
  max: number,
  signal: AbortSignal,
  reading: Reading,
): Promise<{ text: string; body: Uint8Array<ArrayBuffer>; bytes: number }> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) {
    void response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return { text: '', body: new Uint8Array(0), bytes: 0 };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await unlessAborted(reader.read(), signal);
      if (done) break;
      bytes += value.byteLength;
      reading.bytes += value.byteLength;
      if (bytes > max) throw new TooLarge();
      if (reading.bytes > reading.max) throw new Busy();
      chunks.push(value);
    }
    const body = new Uint8Array(bytes);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    chunks.length = 0;
    const text = new TextDecoder().decode(body);
    // Still counted: the caller gives the bytes back once its answer is made. (A copy or a
    // decode that throws, on an answer past a string's length, gives them back in `finally`.)
    finished = true;
    return { text, body, bytes };
  } finally {
    if (!finished) {
      reading.bytes -= bytes;
      void reader.cancel().catch(() => undefined);
    }
  }
}

type Attempt =
  | {
      kind: 'answer';
      status: number;
      text: string;
      body: Uint8Array<ArrayBuffer>;
      headers: Headers;
      bytes: number;
    }
  | { kind: 'timeout' | 'unreachable' | 'too_large' | 'busy' | 'aborted' };

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
  const reading: Reading = { bytes: 0, max: config.maxBytesInFlight };
  const scrub = (text: string) =>
    text.includes(config.token) ? text.split(config.token).join('[redacted]') : text;

  async function attempt(url: string, signal: AbortSignal): Promise<Attempt> {
    // Each attempt has its own limit; the browser leaving (signal) aborts the fetch too.
    const limit = limited(signal, config.timeoutMs);
    try {
      const response = await unlessAborted(
        fetchImpl(url, {
          method: 'GET',
          headers: {
            authorization: `Bearer ${config.token}`,
            accept: 'application/json',
            'user-agent': 'participant-inspector',
          },
          redirect: 'manual',
          signal: limit.signal,
        }),
        limit.signal,
        (late) => void late.body?.cancel().catch(() => undefined),
      );
      const read = await readBody(response, config.maxBodyBytes, limit.signal, reading);
      return { kind: 'answer', status: response.status, headers: response.headers, ...read };
    } catch (error) {
      if (error instanceof TooLarge) return { kind: 'too_large' };
      if (error instanceof Busy) return { kind: 'busy' };
      if (signal.aborted) return { kind: 'aborted' };
      return { kind: limit.timedOut() ? 'timeout' : 'unreachable' };
    } finally {
      limit.done();
    }
  }

  return {
    breaker,
    async get(path, query, signal) {
      if (!isUpstreamTarget(path, query)) {
        return errorResponse(400, 'invalid_request', 'Not a RealtimeKit path this server calls.');
      }
      // Failures are counted per upstream path: the same participant failing again counts once.
      const entry = breaker.enter(path);
      if (!entry.permit) {
        return errorResponse(
          503,
          'upstream_unavailable',
          `RealtimeKit failed for several different requests in a row; this server pauses its requests for ${entry.wait} s.`,
          { 'retry-after': String(entry.wait) },
        );
      }
      const { permit } = entry;
      try {
        return await call(path, query, signal, permit);
      } finally {
        // Every exit settles the permit: one that neither succeeded nor failed frees its slot.
        permit.release();
      }
    },
  };

  async function call(
    path: string,
    query: string,
    signal: AbortSignal,
    permit: Permit,
  ): Promise<Response> {
    const url = `${config.base}/accounts/${config.accountId}/realtime/kit/${config.appId}${path}${query}`;
    const overall = limited(signal, config.deadlineMs);
    const deadline = overall.signal;
    let result: Attempt = { kind: 'unreachable' };
    let tries = 0;
    try {
      for (let n = 0; n <= config.retries; n++) {
        if (n > 0) await sleep(backoff(n - 1), deadline);
        if (deadline.aborted) break;
        const wait = budget.take('upstream');
        if (wait > 0) {
          // Out of budget: the first attempt answers 429; a retry stops with what it has.
          if (n > 0) break;
          return errorResponse(
            429,
            'rate_limited',
            'This server has used its share of the RealtimeKit budget for now; it protects the team’s token.',
            { 'retry-after': String(Math.min(wait, MAX_RETRY_AFTER_SECONDS)) },
          );
        }
        tries += 1;
        // A body retried over is no longer held.
        if (result.kind === 'answer') reading.bytes -= result.bytes;
        result = await attempt(url, deadline);
        const retry =
          result.kind === 'unreachable' ||
          result.kind === 'timeout' ||
          (result.kind === 'answer' && RETRY_STATUSES.has(result.status));
        if (!retry) break;
      }
    } finally {
      overall.done();
    }
    try {
      return answer(result, tries, overall.timedOut(), signal, permit);
    } finally {
      if (result.kind === 'answer') reading.bytes -= result.bytes;
    }
  }

  /** What the browser gets for the last attempt's result. */
  function answer(
    last: Attempt,
    tries: number,
    pastDeadline: boolean,
    signal: AbortSignal,
    permit: Permit,
  ): Response {
    let result = last;

    // Aborted by the deadline rather than by the browser: that is a timeout, not a departure.
    if (result.kind === 'aborted' && !signal.aborted) result = { kind: 'timeout' };
    if (signal.aborted) {
      // The browser went away: nobody reads this, and it says nothing about RealtimeKit.
      return new Response(null, { status: 499 });
    }
    if (result.kind !== 'answer') {
      if (result.kind === 'busy') {
        // Says nothing about RealtimeKit: the permit is released, not failed.
        return errorResponse(
          503,
          'server_busy',
          'This server is reading other large RealtimeKit answers right now.',
          { 'retry-after': '3' },
        );
      }
      if (result.kind === 'too_large') {
        // The service answered; the answer is just more than this server will hold.
        permit.success();
        return errorResponse(
          502,
          'upstream_bad_body',
          `The RealtimeKit answer is larger than this server reads (${Math.round(config.maxBodyBytes / 1024 / 1024)} MiB).`,
        );
      }
      permit.failure();
      if (result.kind === 'timeout' || pastDeadline) {
        const seconds = Math.round(Math.min(config.timeoutMs, config.deadlineMs) / 100) / 10;
        return errorResponse(
          504,
          'upstream_timeout',
          `RealtimeKit did not answer within ${seconds} s (tried ${tries} ${tries === 1 ? 'time' : 'times'}).`,
        );
      }
      return errorResponse(502, 'upstream_unreachable', 'Could not reach RealtimeKit.');
    }

    const { status, text, body, headers } = result;
    if (status >= 500 || status === 408) permit.failure();
    else permit.success();
    let json = true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      json = false;
    }
    if (!json || (status >= 300 && status < 400)) {
      const what = text.trimStart().startsWith('<')
        ? 'an HTML page'
        : status >= 300 && status < 400
          ? 'a redirect'
          : 'a body that is not valid JSON';
      return errorResponse(
        502,
        'upstream_bad_body',
        `RealtimeKit answered HTTP ${status} with ${what} (${mediaType(headers.get('content-type'))}).`,
      );
    }
    if (status < 200 || status >= 300) return upstreamError(status, headers);
    // The bytes as they came, unless the token has to be taken out of them. JSON may spell any
    // character as an escape (\u0074…): with escapes in it, the text is looked at as written
    // out plainly again, which is what a browser's JSON.parse would see.
    const plain = text.includes('\\u') ? JSON.stringify(parsed) : text;
    const scrubbed = scrub(plain);
    return new Response(scrubbed === plain ? body : scrubbed, {
      status,
      headers: JSON_HEADERS,
    });
  }
}
