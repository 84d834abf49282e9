import { describe, expect, it } from 'vitest';
import { sustainedWindows } from './sustained';

const every10s = (n: number) => Array.from({ length: n }, (_, i) => i * 10_000);
const over5 = (v: number) => v >= 5;

describe('sustainedWindows', () => {
  it('ignores one or two bad samples in five', () => {
    const values = [0, 9, 0, 9, 0, 0, 0, 0];
    expect(sustainedWindows(every10s(values.length), values, over5)).toEqual([]);
  });

  it('flags three bad samples in five, from the first bad to the last', () => {
    const values = [0, 9, 0, 7, 8, 0, 0, 0, 0, 0, 0];
    expect(sustainedWindows(every10s(values.length), values, over5)).toEqual([
      { startMs: 10_000, endMs: 40_000, bad: 3, worst: 9 },
    ]);
  });

  it('flags a run lasting 30 s exactly even at a slow sample rate, not one of 29.999 s', () => {
    expect(sustainedWindows([0, 30_000], [9, 9], over5)).toEqual([
      { startMs: 0, endMs: 30_000, bad: 2, worst: 9 },
    ]);
    expect(sustainedWindows([0, 29_999], [9, 9], over5)).toEqual([]);
  });

  it('keeps separate episodes apart and treats NaN as a gap', () => {
    const values = [9, 9, 9, 0, 0, 0, 0, 0, 0, Number.NaN, 9, 9, 9];
    const found = sustainedWindows(every10s(values.length), values, over5);
    expect(found.map((w) => [w.startMs, w.endMs])).toEqual([
      [0, 20_000],
      [100_000, 120_000],
    ]);
  });

  it('takes the lowest value as worst when lower is worse (MOS)', () => {
    const values = [4.5, 3.1, 2.4, 3.2, 4.4];
    const found = sustainedWindows(every10s(5), values, (v) => v < 3.5, false);
    expect(found).toEqual([{ startMs: 10_000, endMs: 30_000, bad: 3, worst: 2.4 }]);
  });
});
