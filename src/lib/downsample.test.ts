import { describe, expect, it } from 'vitest';
import { downsample, downsampleIndices } from './downsample';

const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const wave = (n: number) => Float64Array.from({ length: n }, (_, i) => 10 + Math.sin(i / 50));

describe('downsample', () => {
  it('leaves a series that already fits untouched', () => {
    const values = [3, Number.NaN, 5];
    expect(downsample([0, 1, 2], values, 1000)).toEqual({
      times: Float64Array.from([0, 1, 2]),
      values: Float64Array.from(values),
    });
  });

  it('keeps at most the asked number of points, and the first and last samples', () => {
    const values = wave(28_800);
    const { times, values: kept } = downsample(ramp(28_800), values, 1000);
    expect(times.length).toBeLessThanOrEqual(1000);
    expect(times.length).toBeGreaterThan(900);
    expect(times[0]).toBe(0);
    expect(times.at(-1)).toBe(28_799);
    expect(kept[0]).toBe(values[0]);
    expect(kept.at(-1)).toBe(values[28_799]);
  });

  it('keeps a one-sample spike and a one-sample dip', () => {
    const values = wave(28_800);
    values[12_345] = 500;
    values[20_001] = -7;
    const { times, values: kept } = downsample(ramp(28_800), values, 1000);
    expect(Math.max(...kept)).toBe(500);
    expect(times[kept.indexOf(500)]).toBe(12_345);
    expect(Math.min(...kept)).toBe(-7);
  });

  it('keeps a gap as a gap, in time order', () => {
    const values = wave(10_000);
    for (let i = 4_000; i < 4_100; i++) values[i] = Number.NaN;
    const { times, values: kept } = downsample(ramp(10_000), values, 1000);
    expect(times.length).toBeLessThanOrEqual(1000);
    const gaps = [...kept.keys()].filter((i) => Number.isNaN(kept[i]));
    expect(gaps.length).toBeGreaterThan(0);
    for (const i of gaps) {
      expect(times[i]).toBeGreaterThanOrEqual(4_000);
      expect(times[i]).toBeLessThan(4_100);
    }
    expect([...times]).toEqual([...times].sort((a, b) => a - b));
  });

  it('returns ascending indices without repeats', () => {
    const keep = [...downsampleIndices(wave(5_000), 200)];
    expect(keep).toEqual([...new Set(keep)].sort((a, b) => a - b));
    expect(keep.length).toBeLessThanOrEqual(200);
  });
});
