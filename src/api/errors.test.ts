import { describe, expect, it } from 'vitest';
import {
  ApiError,
  DEFAULT_RETRY_AFTER_SECONDS,
  errorFromResponse,
  MAX_RETRY_AFTER_SECONDS,
  retryAdvice,
  retryDelay,
  retryWaitSeconds,
  shouldRetry,
} from './errors';

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe('errorFromResponse', () => {
  it('reads RealtimeKit’s envelope and Cloudflare’s gateway envelope alike', () => {
    const kit = errorFromResponse(
      404,
      { success: false, error: { code: 404, message: 'Participant not found' } },
      headers(),
    );
    expect(kit.kind).toBe('not_found');
    expect(kit.details.apiMessage).toBe('Participant not found');
    const gateway = errorFromResponse(
      403,
      {
        success: false,
        errors: [{ code: 10000, message: 'Authentication error' }],
        messages: [],
        result: null,
      },
      headers(),
    );
    expect(gateway.kind).toBe('unauthorized');
    expect(gateway.details).toMatchObject({
      status: 403,
      code: 10000,
      apiMessage: 'Authentication error',
    });
  });

  it('keeps Retry-After of a 429 in seconds, at most an hour', () => {
    const error = errorFromResponse(429, {}, headers({ 'retry-after': '20' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(20);
    const long = errorFromResponse(429, {}, headers({ 'retry-after': '86400' }));
    expect(long.details.retryAfterSeconds).toBe(MAX_RETRY_AFTER_SECONDS);
    const unreadable = errorFromResponse(429, {}, headers({ 'retry-after': 'soon' }));
    expect(unreadable.details.retryAfterSeconds).toBeUndefined();
  });

  it('reads the open circuit’s 503 as a pause with its Retry-After', () => {
    const message =
      'RealtimeKit failed for several different requests in a row; this server pauses its requests for 30 s.';
    const error = errorFromResponse(
      503,
      { success: false, error: { code: 503, kind: 'upstream_unavailable', message } },
      headers({ 'retry-after': '30', 'x-request-id': 'r-1' }),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.details).toMatchObject({
      status: 503,
      retryAfterSeconds: 30,
      apiMessage: message,
    });
    expect(
      errorFromResponse(503, undefined, headers({ 'retry-after': '7200' })).details
        .retryAfterSeconds,
    ).toBe(3600);
  });

  it('tells timeouts, unreadable bodies and success:false apart', () => {
    expect(errorFromResponse(504, { error: { kind: 'upstream_timeout' } }, headers()).kind).toBe(
      'timeout',
    );
    expect(
      errorFromResponse(
        502,
        { error: { kind: 'upstream_bad_body', message: 'HTML page' } },
        headers(),
      ).message,
    ).toBe('HTML page');
    const soft = errorFromResponse(
      200,
      { success: false, error: { code: 500, message: 'Could not fetch' } },
      headers(),
    );
    expect(soft.kind).toBe('upstream');
    expect(soft.message).toContain('success: false');
  });
});

describe('retries', () => {
  const error = (kind: ApiError['kind'], retryAfterSeconds?: number) =>
    new ApiError(kind, kind, { retryAfterSeconds });

  it('retries once by itself, and only when this app’s server could not be reached', () => {
    expect([0, 1].map((n) => shouldRetry(n, error('network')))).toEqual([true, false]);
    // The server already retried RealtimeKit within its deadline; a 429 waits for Try again.
    for (const kind of ['upstream', 'timeout', 'unavailable', 'rate_limited'] as const) {
      expect(shouldRetry(0, error(kind))).toBe(false);
    }
    for (const kind of ['not_found', 'unauthorized', 'invalid_request', 'malformed'] as const) {
      expect(shouldRetry(0, error(kind))).toBe(false);
    }
    expect(shouldRetry(0, new Error('a bug'))).toBe(false);
  });

  it('offers Try again for all but the answers that would come back the same', () => {
    expect(retryAdvice(error('not_found'))).toBe('none');
    expect(retryAdvice(error('invalid_request'))).toBe('none');
    expect(retryAdvice(error('network'))).toBe('automatic');
    for (const kind of ['timeout', 'upstream', 'rate_limited', 'unavailable'] as const) {
      expect(retryAdvice(error(kind))).toBe('manual');
    }
    expect(retryAdvice(new Error('a bug'))).toBe('manual');
  });

  it('waits for Retry-After on a 429 (30 s unsaid) and on a pause that says how long', () => {
    expect(retryWaitSeconds(error('rate_limited', 20))).toBe(20);
    expect(retryWaitSeconds(error('rate_limited'))).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(retryWaitSeconds(error('unavailable', 12))).toBe(12);
    expect(retryWaitSeconds(error('unavailable'))).toBeNull();
    expect(retryWaitSeconds(error('timeout', 20))).toBeNull();
  });

  it('backs off like the SDK (0.5 s · 2ⁿ, cap 8 s, jitter)', () => {
    for (const n of [0, 1, 2, 6]) {
      const base = Math.min(500 * 2 ** n, 8000);
      const delay = retryDelay(n);
      expect(delay).toBeGreaterThanOrEqual(base * 0.75);
      expect(delay).toBeLessThanOrEqual(base);
    }
  });
});
