import { describe, expect, it } from 'vitest';
import { levelOf } from './thresholds';

describe('levelOf, at, just below and just above each threshold', () => {
  it.each([
    ['lossPct', 0.99, 'good'],
    ['lossPct', 1, 'degraded'],
    ['lossPct', 4.99, 'degraded'],
    ['lossPct', 5, 'poor'],
    ['jitterMs', 29.9, 'good'],
    ['jitterMs', 30, 'degraded'],
    ['jitterMs', 40, 'degraded'],
    ['jitterMs', 40.1, 'poor'],
    ['rttMs', 200, 'good'],
    ['rttMs', 200.1, 'degraded'],
    ['rttMs', 400, 'degraded'],
    ['rttMs', 400.1, 'poor'],
  ] as const)('%s %d is %s', (metric, value, level) => {
    expect(levelOf(metric, value)).toBe(level);
  });
});
