import { afterEach, describe, expect, it, vi } from 'vitest';
import { shareUpstream } from './shared-upstream';
import type { Upstream } from './upstream';

/** An upstream that answers each path with a finished participant of `size` characters. */
function fakeUpstream(size = 100) {
  const asked: string[] = [];
  const upstream: Upstream = {
    breaker: { state: () => 'closed' },
    async get(path) {
      asked.push(path);
      const padding = 'x'.repeat(Math.max(0, size - 80));
      return new Response(
        JSON.stringify({
          data: { participant: { id: path, left_at: '2026-01-01T00:00:00Z', padding } },
        }),
        { status: 200 },
      );
    },
  };
  return { upstream, asked };
}

const signal = new AbortController().signal;

afterEach(() => {
  vi.useRealTimers();
});

describe('the answer cache', () => {
  it('holds at most cacheMaxBytes, dropping the least recently used first', async () => {
    const { upstream, asked } = fakeUpstream(1_000);
    const shared = shareUpstream(upstream, { cacheTtlMs: 60_000, cacheMaxBytes: 2_500 });
    await shared.get('/a', '', signal);
    await shared.get('/b', '', signal);
    // /a used again: /b is now the least recently used.
    await shared.get('/a', '', signal);
    await shared.get('/c', '', signal);
    expect(shared.cachedBytes()).toBeLessThanOrEqual(2_500);
    await shared.get('/a', '', signal);
    await shared.get('/b', '', signal);
    expect(asked).toEqual(['/a', '/b', '/c', '/b']);
  });

  it('never caches an answer larger than the whole cache', async () => {
    const { upstream, asked } = fakeUpstream(5_000);
    const shared = shareUpstream(upstream, { cacheTtlMs: 60_000, cacheMaxBytes: 1_000 });
    await shared.get('/big', '', signal);
    await shared.get('/big', '', signal);
    expect(asked).toHaveLength(2);
    expect(shared.cachedBytes()).toBe(0);
  });

  it('drops expired answers on read and on a timer, without waiting for the next insert', async () => {
    vi.useFakeTimers();
    const { upstream, asked } = fakeUpstream();
    const shared = shareUpstream(upstream, { cacheTtlMs: 5_000, cacheMaxBytes: 10_000 });
    await shared.get('/a', '', signal);
    expect(shared.cachedBytes()).toBeGreaterThan(0);
    vi.advanceTimersByTime(10_001);
    // Nothing was read or inserted since: the timer alone freed the memory.
    expect(shared.cachedBytes()).toBe(0);
    await shared.get('/a', '', signal);
    expect(asked).toEqual(['/a', '/a']);
  });
});

describe('what is cached', () => {
  /** An upstream whose session is LIVE or ENDED, answering its details and its list. */
  function sessionUpstream(status: 'LIVE' | 'ENDED') {
    const asked: string[] = [];
    const upstream: Upstream = {
      breaker: { state: () => 'closed' },
      async get(path) {
        asked.push(path);
        const data = path.endsWith('/participants')
          ? { participants: [{ id: 'p', left_at: '2026-01-01T00:00:00Z' }] }
          : { session: { id: 's', status } };
        return new Response(JSON.stringify({ success: true, data }), { status: 200 });
      },
    };
    return { upstream, asked };
  }
  const LIST = '/accounts/a/realtime/kit/k/sessions/s/participants';
  const DETAILS = '/accounts/a/realtime/kit/k/sessions/s';

  it('caches an ended session’s details, and its list once the details said it ended', async () => {
    const { upstream, asked } = sessionUpstream('ENDED');
    const shared = shareUpstream(upstream, { cacheTtlMs: 60_000, cacheMaxBytes: 100_000 });
    // Before anything says the session ended, its list may still change.
    await shared.get(LIST, '?page_no=0', signal);
    await shared.get(LIST, '?page_no=0', signal);
    await shared.get(DETAILS, '', signal);
    await shared.get(DETAILS, '', signal);
    await shared.get(LIST, '?page_no=0', signal);
    await shared.get(LIST, '?page_no=0', signal);
    expect(asked).toEqual([LIST, LIST, DETAILS, LIST]);
  });

  it('never caches a live session’s details or list', async () => {
    const { upstream, asked } = sessionUpstream('LIVE');
    const shared = shareUpstream(upstream, { cacheTtlMs: 60_000, cacheMaxBytes: 100_000 });
    for (let i = 0; i < 2; i++) {
      await shared.get(DETAILS, '', signal);
      await shared.get(LIST, '', signal);
    }
    expect(asked).toEqual([DETAILS, LIST, DETAILS, LIST]);
  });
});

describe('coalescing', () => {
  /** An upstream whose calls wait until aborted (or released), recording each call's signal. */
  function pendingUpstream() {
    const signals: AbortSignal[] = [];
    const upstream: Upstream = {
      breaker: { state: () => 'closed' },
      get(_path, _query, signal) {
        signals.push(signal);
        return new Promise((resolve) => {
          signal.addEventListener('abort', () => resolve(new Response(null, { status: 499 })));
        });
      },
    };
    return { upstream, signals };
  }

  it('aborts the upstream call for a browser that had already gone when it asked', async () => {
    const { upstream, signals } = pendingUpstream();
    const shared = shareUpstream(upstream, { cacheTtlMs: 0, cacheMaxBytes: 0 });
    const gone = AbortSignal.abort();
    const res = await shared.get('/a', '', gone);
    expect(res.status).toBe(499);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('starts a new call for a browser that asks after everyone waiting has left', async () => {
    const { upstream, signals } = pendingUpstream();
    const shared = shareUpstream(upstream, { cacheTtlMs: 0, cacheMaxBytes: 0 });
    const first = new AbortController();
    const leaving = shared.get('/a', '', first.signal);
    first.abort();
    // In the same tick as the last waiter left: not joined to the call that is ending.
    const next = new AbortController();
    const asking = shared.get('/a', '', next.signal);
    expect(signals).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    next.abort();
    expect((await leaving).status).toBe(499);
    expect((await asking).status).toBe(499);
  });
});
