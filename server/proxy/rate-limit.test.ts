import { describe, expect, it } from 'vitest';
import { createBudget } from './rate-limit';

describe('createBudget', () => {
  it('allows `limit` requests in a window, then says exactly how long to wait', () => {
    let now = 60_000;
    const budget = createBudget({ limit: 3, windowMs: 60_000, now: () => now });
    expect([budget.take('a'), budget.take('a'), budget.take('a')]).toEqual([0, 0, 0]);
    now += 20_000;
    expect(budget.take('a')).toBe(40);
    // Another key has its own budget.
    expect(budget.take('b')).toBe(0);
    now += 40_000;
    expect(budget.take('a')).toBe(0);
  });

  it('never lets more than the limit through in any window, bursts at window edges included', () => {
    let now = 0;
    const budget = createBudget({ limit: 100, windowMs: 10_000, now: () => now });
    const times: number[] = [];
    const burst = (at: number, n: number) => {
      now = at;
      for (let i = 0; i < n; i++) if (budget.take('x') === 0) times.push(now);
    };
    burst(9_990, 150);
    burst(10_010, 150);
    burst(15_000, 150);
    for (now = 20_000; now < 60_000; now += 20) if (budget.take('x') === 0) times.push(now);
    for (const start of times) {
      expect(times.filter((t) => t > start - 10_000 && t <= start).length).toBeLessThanOrEqual(100);
    }
    expect(times.length).toBeGreaterThan(300);
  });
});
