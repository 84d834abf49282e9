import { describe, expect, it } from 'vitest';
import {
  labelsThatFit,
  linearScale,
  linePath,
  nearestIndex,
  nearestTime,
  niceAxis,
} from './svg-line';

const same = (v: number) => v;

describe('svg line', () => {
  it('scales linearly, and maps a zero-width domain to the middle', () => {
    const x = linearScale([100, 200], [0, 50]);
    expect(x(100)).toBe(0);
    expect(x(150)).toBe(25);
    expect(linearScale([0, 10], [200, 0])(10)).toBe(0);
    expect(linearScale([5, 5], [0, 50])(5)).toBe(25);
  });

  it('draws one path, starting a new stretch after each gap', () => {
    const times = [0, 1, 2, 3, 4, 5];
    expect(linePath(times, [1, 2, Number.NaN, 4, 5, 6], same, same)).toBe('M0,1L1,2M3,4L4,5L5,6');
    expect(
      linePath(times, [Number.NaN, Number.NaN, 1, 2, Number.NaN, Number.NaN], same, same),
    ).toBe('M2,1L3,2');
    expect(linePath([], [], same, same)).toBe('');
  });

  it('draws a lone sample between gaps as a dot', () => {
    expect(linePath([0, 1, 2], [Number.NaN, 3, Number.NaN], same, same)).toBe('M1,3h0');
    expect(linePath([0, 1, 2], [1, Number.NaN, 3], same, same)).toBe('M0,1h0M2,3h0');
  });

  it('holds each value until the next sample as steps', () => {
    expect(linePath([0, 10, 20], [360, 720, 720], same, same, true)).toBe('M0,360H10V720H20V720');
  });

  it('rounds coordinates to a tenth', () => {
    expect(linePath([0, 1], [1 / 3, 2 / 3], (t) => t * 100, same)).toBe('M0,0.3L100,0.7');
  });

  it('finds the nearest time by binary search', () => {
    const times = Float64Array.of(0, 10, 20, 30);
    expect(nearestIndex(times, -5)).toBe(0);
    expect(nearestIndex(times, 4)).toBe(0);
    expect(nearestIndex(times, 5)).toBe(0);
    expect(nearestIndex(times, 6)).toBe(1);
    expect(nearestIndex(times, 20)).toBe(2);
    expect(nearestIndex(times, 99)).toBe(3);
    expect(nearestIndex(new Float64Array(0), 1)).toBe(-1);
    const long = Float64Array.from({ length: 28_800 }, (_, i) => i * 1000);
    expect(nearestIndex(long, 12_345_600)).toBe(12_346);
  });

  it('finds the nearest time across lines', () => {
    expect(nearestTime([Float64Array.of(0, 10), Float64Array.of(4, 14)], 3)).toBe(4);
    expect(nearestTime([Float64Array.of(0, 10), new Float64Array(0)], 8)).toBe(10);
    expect(nearestTime([new Float64Array(0)], 8)).toBeNull();
  });

  it('picks 3 to 5 round ticks and widens an open domain to the tightest of them', () => {
    expect(niceAxis(0, 43)).toEqual({ domain: [0, 50], ticks: [0, 25, 50] });
    expect(niceAxis(0, 120)).toEqual({ domain: [0, 150], ticks: [0, 50, 100, 150] });
    expect(niceAxis(0, 0.3)).toEqual({ domain: [0, 0.3], ticks: [0, 0.1, 0.2, 0.3] });
    expect(niceAxis(12, 35)).toEqual({ domain: [10, 40], ticks: [10, 20, 30, 40] });
    expect(niceAxis(-3, 2)).toEqual({ domain: [-4, 2], ticks: [-4, -2, 0, 2] });
  });

  it('keeps to whole steps for counts', () => {
    expect(niceAxis(0, 1).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceAxis(0, 3, { integer: true })).toEqual({ domain: [0, 3], ticks: [0, 1, 2, 3] });
    expect(niceAxis(0, 0, { integer: true })).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it('keeps a fixed domain and prefers ticks on both its ends', () => {
    expect(niceAxis(0, 5, { fixed: true })).toEqual({ domain: [0, 5], ticks: [0, 2.5, 5] });
    expect(niceAxis(0, 100, { fixed: true })).toEqual({
      domain: [0, 100],
      ticks: [0, 25, 50, 75, 100],
    });
  });

  it('gives a flat or empty series a range to sit in', () => {
    expect(niceAxis(0, 0).domain).toEqual([0, 1]);
    expect(niceAxis(720, 720).ticks.length).toBeGreaterThanOrEqual(3);
    expect(niceAxis(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).domain).toEqual([0, 1]);
  });

  it('keeps the axis labels that fit side by side, leaving the others out', () => {
    const ticks = [0, 30, 60, 90, 120].map((x) => ({ x, label: '14:05' }));
    type Tick = (typeof ticks)[number];
    const at = (t: Tick) => t.x;
    const text = (t: Tick) => t.label;
    // 5 characters of 7 px: 35 px wide, 8 px apart, so 43 px from centre to centre.
    expect(labelsThatFit(ticks, at, text).map(at)).toEqual([0, 60, 120]);
    expect(labelsThatFit(ticks, at, text, 0, 5).map(at)).toEqual([0, 30, 60, 90, 120]);
    expect(labelsThatFit([], at, text)).toEqual([]);
  });
});
