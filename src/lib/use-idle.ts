import { useEffect, useState } from 'react';

/**
 * True once the browser has had an idle moment (or after `timeoutMs`) since `enabled` became
 * true: heavy, non-urgent rendering (the chart) waits for it, so it does not block the first
 * interactions.
 */
export function useIdle(timeoutMs = 1_000, enabled = true): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setIdle(true), 0);
      return () => clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }, [timeoutMs, enabled]);
  return idle;
}
