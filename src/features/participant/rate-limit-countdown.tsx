import { useEffect, useState } from 'react';

export type RateLimitCountdownProps = {
  /** When the 429 arrived (ms since the epoch). */
  at: number;
  retryAfterSeconds: number;
};

/** Seconds left until Retry-After has passed, re-rendering once a second. */
function useSecondsLeft({ at, retryAfterSeconds }: RateLimitCountdownProps): number {
  const until = at + retryAfterSeconds * 1000;
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (now >= until) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [now, until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** "17 s", counting down; "now" at zero. */
export function RateLimitCountdown(props: RateLimitCountdownProps) {
  const left = useSecondsLeft(props);
  return (
    <span role="timer" aria-live="off" className="font-semibold tabular-nums">
      {left > 0 ? `${left} s` : 'now'}
    </span>
  );
}
