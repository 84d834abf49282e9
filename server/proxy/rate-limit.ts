/**
 * Request budgets: at most `limit` requests in any `windowMs`, exactly. Used twice — per user
 * (an agent's runaway tab) and globally for upstream calls (the team's shared token:
 * Cloudflare allows 1,200 per 5 minutes and blocks the token for 5 minutes beyond that, so
 * an estimate that may overshoot is not good enough).
 *
 * Each key keeps a ring of its last `limit` request times: a request is allowed when the
 * oldest of them has left the window. O(1) per request (a filtered log of timestamps cost
 * ~0.3 ms a request at 100,000 a minute).
 */
export type Budget = {
  /** Takes one request from the budget of `key`: 0 when allowed, else seconds to wait. */
  take(key: string): number;
};

type Ring = { times: number[]; next: number };

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
  const rings = new Map<string, Ring>();

  return {
    take(key) {
      const at = now();
      let ring = rings.get(key);
      if (!ring) {
        ring = { times: [], next: 0 };
        if (rings.size >= maxKeys) {
          const oldest = rings.keys().next().value;
          if (oldest !== undefined) rings.delete(oldest);
        }
        rings.set(key, ring);
      }
      if (ring.times.length < limit) {
        ring.times.push(at);
        return 0;
      }
      // The ring is full: `next` points at the oldest of the last `limit` requests.
      const oldest = ring.times[ring.next] ?? at;
      if (oldest > at - windowMs) return Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
      ring.times[ring.next] = at;
      ring.next = (ring.next + 1) % limit;
      return 0;
    },
  };
}
