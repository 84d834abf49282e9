/**
 * After `failures` upstream failures in a row the circuit opens: requests are answered at once
 * with 503 and Retry-After for `coolDownMs`, then one request is let through to probe; its
 * success closes the circuit, its failure opens it again.
 */
export type CircuitBreaker = {
  /** Seconds until requests may go upstream again; 0 when they may now. */
  retryAfterSeconds(): number;
  success(): void;
  failure(): void;
  readonly state: () => 'closed' | 'open' | 'half-open';
};

export function createCircuitBreaker(options: {
  failures: number;
  coolDownMs: number;
  now?: () => number;
}): CircuitBreaker {
  const now = options.now ?? Date.now;
  let consecutive = 0;
  let openUntil = 0;
  let probing = false;

  return {
    retryAfterSeconds() {
      if (openUntil === 0) return 0;
      const left = openUntil - now();
      if (left > 0) return Math.ceil(left / 1000);
      // Cool-down over: one probe at a time goes through.
      if (probing) return 1;
      probing = true;
      return 0;
    },
    success() {
      consecutive = 0;
      openUntil = 0;
      probing = false;
    },
    failure() {
      consecutive += 1;
      probing = false;
      if (consecutive >= options.failures) openUntil = now() + options.coolDownMs;
    },
    state: () => (openUntil === 0 ? 'closed' : openUntil > now() ? 'open' : 'half-open'),
  };
}
