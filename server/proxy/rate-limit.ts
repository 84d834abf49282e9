/**
 * Sliding-window request budgets: at most `limit` requests in any `windowMs`. Used twice — per
 * user (an agent's runaway tab) and globally for upstream calls (the team's shared token:
 * Cloudflare allows 1,200 per 5 minutes and blocks the token for 5 minutes beyond that).
 */
export type Budget = {
  /** Takes one request from the budget of `key`: 0 when allowed, else seconds to wait. */
  take(key: string): number;
};

export function createBudget(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys tracked at once before the oldest are forgotten (per-user budgets). */
  maxKeys?: number;
}): Budget {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, number[]>();
  return {
    take(key) {
      const at = now();
      const since = at - options.windowMs;
      const times = (windows.get(key) ?? []).filter((t) => t > since);
      if (times.length >= options.limit) {
        windows.set(key, times);
        const oldest = times[0] ?? at;
        return Math.max(1, Math.ceil((oldest + options.windowMs - at) / 1000));
      }
      times.push(at);
      windows.delete(key);
      windows.set(key, times);
      if (windows.size > maxKeys) {
        const first = windows.keys().next().value;
        if (first !== undefined) windows.delete(first);
      }
      return 0;
    },
  };
}
