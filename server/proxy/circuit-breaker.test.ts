import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker';

function breaker(failures: number) {
  let at = 0;
  const b = createCircuitBreaker({ failures, coolDownMs: 1_000, now: () => at });
  const fail = (key: string) => b.enter(key).permit?.failure();
  return { b, fail, later: (ms: number) => (at += ms) };
}

describe('createCircuitBreaker', () => {
  it('counts one key once, and opens at the threshold of distinct keys', () => {
    const { b, fail } = breaker(3);
    for (let i = 0; i < 10; i++) fail('/same');
    fail('/other');
    expect(b.state()).toBe('closed');
    fail('/third');
    expect(b.state()).toBe('open');
    expect(b.enter('/x')).toEqual({ wait: 1 });
  });

  it('starts counting again after a success', () => {
    const { b, fail } = breaker(2);
    fail('/a');
    b.enter('/b').permit?.success();
    fail('/c');
    expect(b.state()).toBe('closed');
  });

  it('lets one probe through after the cool-down; a released probe frees the slot', () => {
    const { b, fail, later } = breaker(1);
    fail('/a');
    later(1_000);
    const probe = b.enter('/b');
    expect(probe.wait).toBe(0);
    expect(b.enter('/c')).toEqual({ wait: 1 });
    probe.permit?.release();
    const next = b.enter('/c');
    expect(next.wait).toBe(0);
    // A failed probe opens the circuit again for the whole cool-down.
    next.permit?.failure();
    expect(b.state()).toBe('open');
    later(1_000);
    b.enter('/d').permit?.success();
    expect(b.state()).toBe('closed');
  });

  it('settles a permit once: a release after an outcome changes nothing', () => {
    const { b } = breaker(1);
    const entry = b.enter('/a');
    entry.permit?.failure();
    entry.permit?.release();
    entry.permit?.success();
    expect(b.state()).toBe('open');
  });
});
