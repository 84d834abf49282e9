/**
 * The circuit opens when `failures` *distinct* requests (keyed by upstream path) have failed
 * with no success in between: one participant whose upstream never answers, asked for again
 * and again, counts once, so it cannot turn its own failure into everyone's. While open,
 * requests are answered at once with 503 and Retry-After for `coolDownMs`; then one request
 * probes. Every request that goes upstream holds a permit, and the permit is settled on every
 * exit path (success, failure, or released unused), so an abandoned probe never wedges the
 * circuit half-open.
 */
export type Permit = {
  success(): void;
  failure(): void;
  /** Neither outcome (the browser left, the budget refused): frees a probe slot. */
  release(): void;
};

export type Entry =
  | { readonly wait: number; readonly permit?: undefined }
  | {
      readonly wait: 0;
      readonly permit: Permit;
    };

export type CircuitBreaker = {
  /** A permit to go upstream for `key`, or the seconds to wait while the circuit is open. */
  enter(key: string): Entry;
  readonly state: () => 'closed' | 'open' | 'half-open';
};

export function createCircuitBreaker(options: {
  failures: number;
  coolDownMs: number;
  now?: () => number;
}): CircuitBreaker {
  const now = options.now ?? Date.now;
  const failing = new Set<string>();
  let openUntil = 0;
  let probing = false;

  function succeed() {
    failing.clear();
    openUntil = 0;
  }
  function fail(key: string, probe: boolean) {
    failing.add(key);
    // A failed probe opens the circuit again at once.
    // Distinct keys only matter up to the threshold; the set never grows past it.
    if (probe || failing.size >= options.failures) {
      openUntil = now() + options.coolDownMs;
      failing.clear();
    }
  }

  function permit(key: string, probe: boolean): Permit {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (probe) probing = false;
      outcome();
    };
    return {
      success: () => settle(succeed),
      failure: () => settle(() => fail(key, probe)),
      release: () => settle(() => undefined),
    };
  }

  return {
    enter(key) {
      if (openUntil === 0) return { wait: 0, permit: permit(key, false) };
      const left = openUntil - now();
      if (left > 0) return { wait: Math.ceil(left / 1000) };
      // Cool-down over: one probe at a time goes through.
      if (probing) return { wait: 1 };
      probing = true;
      return { wait: 0, permit: permit(key, true) };
    },
    state: () => (openUntil === 0 ? 'closed' : openUntil > now() ? 'open' : 'half-open'),
  };
}
