import { describe, expect, it } from 'vitest';
import {
  chartThresholds,
  isCpuLimited,
  isLowFrameRate,
  isReconnectStorm,
  levelOf,
  MOS_CHART_THRESHOLDS,
  mosLevel,
} from './thresholds';

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

describe('the other thresholds, at, just below and just above each', () => {
  it.each([
    [4.01, 'good'],
    [4, 'good'],
    [3.99, 'degraded'],
    [3.5, 'degraded'],
    [3.49, 'poor'],
  ] as const)('MOS %d is %s, wherever it is shown', (mos, level) => {
    expect(mosLevel(mos)).toBe(level);
  });

  it('CPU-limited from 30 % of the time, a low frame rate below 7 fps, a storm from 3 reconnects', () => {
    expect([0.29, 0.3, 0.31].map(isCpuLimited)).toEqual([false, true, true]);
    expect([6.9, 7, 7.1].map(isLowFrameRate)).toEqual([true, false, false]);
    expect([2, 3, 4].map(isReconnectStorm)).toEqual([false, true, true]);
  });
});

describe('the threshold lines a chart draws', () => {
  it('say where each level begins, in the rules’ own boundaries', () => {
    expect(chartThresholds('rttMs').map((t) => t.label)).toEqual([
      'degraded above 200 ms',
      'poor above 400 ms',
    ]);
    // Jitter: 30 ms is already degraded, 40 ms still degraded (poor is strictly above).
    expect(chartThresholds('jitterMs').map((t) => t.label)).toEqual([
      'degraded from 30 ms',
      'poor above 40 ms',
    ]);
    expect(levelOf('jitterMs', 30)).toBe('degraded');
    expect(levelOf('jitterMs', 40)).toBe('degraded');
    expect(chartThresholds('lossPct')).toEqual([
      { value: 1, level: 'degraded', label: 'degraded from 1 %' },
      { value: 5, level: 'poor', label: 'poor from 5 %' },
    ]);
    expect(MOS_CHART_THRESHOLDS.map((t) => t.label)).toEqual([
      'degraded below 4',
      'poor below 3.5',
    ]);
    expect(mosLevel(3.5)).toBe('degraded');
  });
});
