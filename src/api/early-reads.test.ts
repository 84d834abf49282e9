import { describe, expect, it, vi } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { ApiError } from './errors';
import { getJson, startEarlyReads } from './http';

const report = (peer: string) => `/api/sessions/peer-report/${peer}`;
const body = { success: true, data: { participant: { id: 'p' } } };

describe('reads a painted page starts as it boots', () => {
  it('answer the first request of their URL; the next one goes to the network', async () => {
    const urls = answerFetch(200, body);
    startEarlyReads([report('a')]);
    expect(urls).toEqual([report('a')]);
    expect((await getJson(report('a'))).body).toEqual(body);
    expect(urls).toEqual([report('a')]);
    await getJson(report('a'));
    expect(urls).toEqual([report('a'), report('a')]);
  });

  it('hand a failure (a peer with no report) to the app’s request, asked once', async () => {
    const urls = answerFetch(404, {
      success: false,
      error: { code: 404, message: 'Peer not found' },
    });
    startEarlyReads([report('b')]);
    const failure = await getJson(report('b')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('not_found');
    expect(urls).toHaveLength(1);
  });

  it('are left for the next request when the one waiting is cancelled', async () => {
    const urls = answerFetch(200, body);
    startEarlyReads([report('c')]);
    const cancelled = new AbortController();
    const first = getJson(report('c'), cancelled.signal);
    cancelled.abort(new DOMException('gone', 'AbortError'));
    await expect(first).rejects.toThrow('gone');
    // An already cancelled request does not take it either.
    await expect(getJson(report('c'), AbortSignal.abort())).rejects.toThrow();
    expect((await getJson(report('c'), new AbortController().signal)).body).toEqual(body);
    expect(urls).toEqual([report('c')]);
  });

  it('are dropped when no request comes for them within 30 s', async () => {
    vi.useFakeTimers();
    try {
      const urls = answerFetch(200, body);
      startEarlyReads([report('d')]);
      await vi.advanceTimersByTimeAsync(30_001);
      await getJson(report('d'));
      expect(urls).toEqual([report('d'), report('d')]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('are only this server’s API paths, as written, each started once', () => {
    const urls = answerFetch(200, body);
    startEarlyReads([
      'https://elsewhere.example/api/x',
      '//elsewhere.example/api/x',
      '/api/../login',
      '/api/%2e%2e/login',
      '/login',
      '',
      report('e'),
      report('e'),
    ]);
    expect(urls).toEqual([report('e')]);
  });
});
