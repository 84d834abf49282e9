import { describe, expect, it } from 'vitest';
import { createBudget } from './rate-limit';

describe('createBudget (sliding-window counter)', () => {
  it('allows `limit` requests in a window, then says how long to wait', () => {
    let now = 60_000;
    const budget = createBudget({ limit: 3, windowMs: 60_000, now: () => now });
    expect([budget.take('a'), budget.take('a'), budget.take('a')]).toEqual([0, 0, 0]);
    const wait = budget.take('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Another key has its own budget.
    expect(budget.take('b')).toBe(0);
    now += 60_000 * 2;
    expect(budget.take('a')).toBe(0);
  });

  it('weighs the previous window by how much of it still overlaps', () => {
    let now = 0;
    const budget = createBudget({ limit: 10, windowMs: 1_000, now: () => now });
    for (let i = 0; i < 10; i++) expect(budget.take('k')).toBe(0);
    // Half-way through the next window, half of the previous 10 still count: 5 more fit.
    now = 1_500;
    const allowed = Array.from({ length: 8 }, () => budget.take('k')).filter((w) => w === 0);
    expect(allowed).toHaveLength(5);
  });

  it('never lets more than the limit through in any window, over a long steady run', () => {
    let now = 0;
    const budget = createBudget({ limit: 100, windowMs: 10_000, now: () => now });
    const times: number[] = [];
    for (now = 0; now < 60_000; now += 20) if (budget.take('x') === 0) times.push(now);
    for (let i = 0; i < times.length; i++) {
      const start = times[i] ?? 0;
      const inWindow = times.filter((t) => t >= start && t < start + 10_000).length;
      expect(inWindow).toBeLessThanOrEqual(100);
    }
  });
});
