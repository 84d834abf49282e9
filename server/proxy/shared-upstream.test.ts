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
