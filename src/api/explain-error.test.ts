import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse } from './errors';
import { type ApiSubject, explainApiError } from './explain-error';

const AT = Date.UTC(2026, 11, 7, 14, 0, 0);
const error = (kind: ApiError['kind'], message: string, details: ApiError['details'] = {}) =>
  new ApiError(kind, message, { at: AT, ...details });

/** This server's failure answer, as the browser reads it. */
const answered = (status: number, kind: string, message: string, headers = {}) =>
  errorFromResponse(
    status,
    { success: false, error: { code: status, kind, message } },
    new Headers(headers),
  );

const SUBJECTS: readonly ApiSubject[] = [
  'participant',
  'peer_report',
  'session_details',
  'session_participants',
  'neighbours',
];

describe('explainApiError', () => {
  it('says a busy server is busy, with its short wait, without blaming RealtimeKit', () => {
    const busy = answered(
      503,
      'server_busy',
      'This server is reading other large RealtimeKit answers right now.',
      { 'retry-after': '3' },
    );
    expect(busy.kind).toBe('busy');
    const explained = explainApiError(busy, 'participant');
    expect(explained.title).toBe('This server is busy');
    expect(explained.explanation).toContain('Ask for this participant again in 3 s.');
    expect(explained.explanation).not.toMatch(/pause|RealtimeKit failed/);
    expect(explained.retry).toBe('manual');
    expect(explained.waitUntil).toBe((busy.details.at ?? 0) + 3_000);
  });

  it('says what was not found, in the words of what was asked for', () => {
    const missing = error('not_found', 'RealtimeKit has no such session or participant.');
    expect(explainApiError(missing, 'participant')).toMatchObject({
      title: 'Participant not found',
      explanation: expect.stringContaining('RealtimeKit has no such participant in this session'),
      retry: 'none',
      waitUntil: null,
    });
    expect(explainApiError(missing, 'peer_report').title).toBe('No report for this peer');
    for (const subject of ['session_details', 'session_participants', 'neighbours'] as const) {
      expect(explainApiError(missing, subject)).toMatchObject({
        title: 'Session not found',
        explanation: 'RealtimeKit has no session with this ID.',
      });
    }
  });

  it('counts a rate limit down from when it arrived, and names what waits', () => {
    const limited = error('rate_limited', 'x', {
      retryAfterSeconds: 20,
      apiMessage: 'Slow down',
      requestId: 'r-1',
    });
    expect(explainApiError(limited, 'session_participants')).toEqual({
      title: 'Rate limited',
      explanation:
        'Slow down. Asking for the participant list again waits 20 s: the token’s budget is the whole team’s.',
      retry: 'manual',
      waitUntil: AT + 20_000,
      requestId: 'r-1',
    });
  });

  it('explains the open circuit as a pause for RealtimeKit, with its countdown', () => {
    const paused = answered(
      503,
      'upstream_unavailable',
      'RealtimeKit failed for several different requests in a row; this server pauses its requests for 30 s.',
      { 'retry-after': '30' },
    );
    const explained = explainApiError(paused, 'participant');
    expect(explained.title).toBe('RealtimeKit is being given a pause');
    expect(explained.explanation).toBe(
      'RealtimeKit failed for several different requests in a row; this server pauses its requests for 30 s. RealtimeKit is given a pause to recover: ask for this participant again in 30 s.',
    );
    expect(explained.retry).toBe('manual');
    expect(explained.waitUntil).toBe((paused.details.at ?? 0) + 30_000);
    // Without Retry-After there is nothing to count down: Try again at once.
    expect(explainApiError(error('unavailable', 'x'), 'peer_report').waitUntil).toBeNull();
  });

  it('says RealtimeKit did not answer, in the server’s words, with Try again', () => {
    const timeout = answered(
      504,
      'upstream_timeout',
      'RealtimeKit did not answer within 5 s (tried 2 times).',
    );
    expect(explainApiError(timeout, 'participant')).toMatchObject({
      title: 'RealtimeKit did not answer',
      explanation: expect.stringMatching(
        /^RealtimeKit did not answer within 5 s \(tried 2 times\)\./,
      ),
      retry: 'manual',
      waitUntil: null,
    });
  });

  it('offers a retry by itself only when this app’s server was not reached', () => {
    const lost = error('network', 'Could not reach the Participant Inspector server.');
    expect(explainApiError(lost, 'neighbours')).toMatchObject({
      title: 'Could not reach the server',
      retry: 'automatic',
    });
  });

  it('asks for the token to be checked when it was refused', () => {
    const refused = error('unauthorized', 'x', {
      status: 403,
      apiMessage: 'RealtimeKit refused this server’s API token (HTTP 403).',
    });
    expect(explainApiError(refused, 'peer_report').explanation).toBe(
      'RealtimeKit refused this server’s API token (HTTP 403). Ask whoever runs this server to check the token it holds.',
    );
  });

  it('has a title and an explanation for every kind and subject, a bug included', () => {
    const kinds: readonly ApiError['kind'][] = [
      'invalid_request',
      'not_found',
      'unauthorized',
      'rate_limited',
      'unavailable',
      'timeout',
      'upstream',
      'malformed',
      'network',
    ];
    for (const subject of SUBJECTS) {
      for (const kind of kinds) {
        const { title, explanation } = explainApiError(error(kind, 'Said.'), subject);
        expect(title, `${kind} ${subject}`).not.toBe('');
        expect(explanation, `${kind} ${subject}`).not.toBe('');
      }
      expect(explainApiError(new TypeError('x is undefined'), subject)).toMatchObject({
        explanation: 'x is undefined',
        retry: 'manual',
        requestId: undefined,
      });
    }
    expect(explainApiError(new Error('oops'), 'peer_report').title).toBe('Something went wrong');
  });
});
