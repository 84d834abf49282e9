/**
 * Request budgets: at most about `limit` requests in any `windowMs`. Used twice — per user (an
 * agent's runaway tab) and globally for upstream calls (the team's shared token: Cloudflare
 * allows 1,200 per 5 minutes and blocks the token for 5 minutes beyond that).
 *
 * A sliding-window counter, as Cloudflare's own limiter counts: this window's count plus the
 * previous window's, weighted by how much of it still overlaps. O(1) per request, whatever the
 * limit (a log of timestamps cost ~0.3 ms a request at 100,000 a minute).
 */
export type Budget = {
  /** Takes one request from the budget of `key`: 0 when allowed, else seconds to wait. */
  take(key: string): number;
};

type Window = { start: number; count: number; previous: number };

export function createBudget(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys tracked at once before the oldest are forgotten (per-user budgets). */
  maxKeys?: number;
}): Budget {
  const now = options.now ?? Date.now;
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, Window>();

  return {
    take(key) {
      const at = now();
      const start = Math.floor(at / windowMs) * windowMs;
      let w = windows.get(key);
      if (!w || w.start !== start) {
        const previous = w && w.start === start - windowMs ? w.count : 0;
        w = { start, count: 0, previous };
      }
      windows.delete(key);
      windows.set(key, w);
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      const overlap = 1 - (at - start) / windowMs;
      const estimate = w.previous * overlap + w.count;
      if (estimate + 1 > limit) {
        // When the previous window's weight will have fallen enough for one more request.
        const freeAt =
          w.previous > 0 && w.count < limit
            ? start + windowMs * (1 - (limit - 1 - w.count) / w.previous)
            : start + windowMs;
        return Math.max(1, Math.ceil((Math.max(freeAt, at) - at) / 1000));
      }
      w.count += 1;
      return 0;
    },
  };
}
