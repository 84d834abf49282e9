import { useEffect, useState } from 'react';
import { ApiError, DEFAULT_RETRY_AFTER_SECONDS } from './errors';

/**
 * Seconds until a rate-limited request may be sent again (0 for any other error), ticking once
 * a second. Every retry control waits for it: the token's budget is the whole team's.
 */
export function useRetryWait(error: unknown): number {
  const until =
    error instanceof ApiError && error.kind === 'rate_limited'
      ? (error.details.at ?? 0) +
        (error.details.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000
      : 0;
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (now >= until) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [now, until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}
