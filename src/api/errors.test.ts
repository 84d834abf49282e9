import { describe, expect, it } from 'vitest';
import {
  ApiError,
  DEFAULT_RETRY_AFTER_SECONDS,
  errorFromResponse,
  retryDelay,
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

  it('keeps Retry-After of a 429 in seconds', () => {
    const error = errorFromResponse(429, {}, headers({ 'retry-after': '20' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(20);
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

  it('never retries a 4xx but 429, and that once', () => {
    for (const kind of ['not_found', 'unauthorized', 'invalid_request', 'malformed'] as const) {
      expect(shouldRetry(0, error(kind))).toBe(false);
    }
    expect(shouldRetry(0, error('rate_limited'))).toBe(true);
    expect(shouldRetry(1, error('rate_limited'))).toBe(false);
  });

  it('retries 5xx, timeouts and network errors at most twice', () => {
    for (const kind of ['upstream', 'timeout', 'network'] as const) {
      expect([0, 1, 2].map((n) => shouldRetry(n, error(kind)))).toEqual([true, true, false]);
    }
    expect(shouldRetry(0, new Error('a bug'))).toBe(false);
  });

  it('waits for Retry-After on 429, else backs off like the SDK (0.5 s · 2ⁿ, cap 8 s, jitter)', () => {
    expect(retryDelay(0, error('rate_limited', 20))).toBe(20_000);
    expect(retryDelay(0, error('rate_limited'))).toBe(DEFAULT_RETRY_AFTER_SECONDS * 1000);
    for (const n of [0, 1, 2, 6]) {
      const base = Math.min(500 * 2 ** n, 8000);
      const delay = retryDelay(n, error('upstream'));
      expect(delay).toBeGreaterThanOrEqual(base * 0.75);
      expect(delay).toBeLessThanOrEqual(base);
    }
  });
});
