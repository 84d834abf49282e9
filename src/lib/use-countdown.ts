import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` (ms since the epoch), ticking as each second passes; 0 once
 * it has passed, or for null.
 */
export function useCountdown(until: number | null): number {
  const target = until ?? 0;
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const left = target - Date.now();
    if (left <= 0) {
      // A wait that ended while nothing ticked (or none at all): show it ended.
      if (now < target) setNow(Date.now());
      return;
    }
    // Wakes when the shown number changes, not a second after whenever it last woke.
    const timer = setTimeout(() => setNow(Date.now()), left % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [now, target]);
  return Math.max(0, Math.ceil((target - now) / 1000));
}
