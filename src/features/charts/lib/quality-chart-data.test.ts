import { describe, expect, it } from 'vitest';
import {
  drawnLines,
  formatValue,
  type QualityChart,
  qualitySummary,
  timeDomain,
  timeTicks,
  valueExtent,
  valuesAt,
} from './quality-chart-data';

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0);

function chart(n: number, extra: Partial<QualityChart> = {}): QualityChart {
  const times = Float64Array.from({ length: n }, (_, i) => T0 + i * 1000);
  const values = Float64Array.from({ length: n }, (_, i) => (i === 3 ? Number.NaN : 10 + (i % 5)));
  return {
    title: 'Jitter',
    kind: 'ms',
    lines: [{ label: 'Audio jitter', times, values, stats: { avg: 12, p95: 14, max: 14 } }],
    thresholds: [],
    problems: null,
    ...extra,
  };
}

describe('quality chart data', () => {
  it('draws at most 600 points a line, gaps kept as NaN', () => {
    const [line] = drawnLines(chart(28_800));
    expect(line?.times.length).toBeLessThanOrEqual(600);
    expect(line?.values.length).toBe(line?.times.length);
    expect(line?.sent).toBe(28_800);
    expect(line?.values.some(Number.isNaN)).toBe(true);
  });

  it('keeps a short series whole', () => {
    const [line] = drawnLines(chart(5));
    expect([...(line?.times ?? [])]).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i * 1000));
    expect([...(line?.values ?? [])]).toEqual([10, 11, 12, Number.NaN, 14]);
  });

  it('spans the first to the last sample of any line', () => {
    expect(timeDomain(chart(10))).toEqual([T0, T0 + 9000]);
    expect(timeDomain({ ...chart(0) })).toBeNull();
  });

  it('says the figures, the shaded stretches and how many points were drawn', () => {
    const long = chart(28_800, {
      problems: {
        meaning: 'Jitter at or above 30 ms',
        windows: [
          { startMs: T0, endMs: T0 + 60_000 },
          { startMs: T0 + 120_000, endMs: T0 + 150_000 },
        ],
      },
    });
    const text = qualitySummary(long, drawnLines(long));
    expect(text).toMatch(
      /^Audio jitter averaged 12 ms \(95th percentile 14 ms, peak 14 ms\)\. Jitter at or above 30 ms for 1 min 30 s in 2 stretches \(shaded\)\. Drawn with (\d{3}) of 28,800 points per line/,
    );
    expect(qualitySummary(chart(5), drawnLines(chart(5)))).toContain('All 5 points drawn.');
  });

  it('formats each kind of value', () => {
    expect(formatValue('ms', 12.345)).toBe('12.3 ms');
    expect(formatValue('score', 4)).toBe('4.00');
    expect(formatValue('height', 720)).toBe('720p');
    expect(formatValue('fps', 29.97)).toBe('30 fps');
    expect(formatValue('count', 1234)).toBe('1,234');
  });

  it('puts time ticks on round clock steps inside the domain', () => {
    expect(timeTicks([T0 + 7_000, T0 + 8 * 3_600_000])).toEqual(
      Array.from({ length: 4 }, (_, i) => T0 + (i + 1) * 2 * 3_600_000),
    );
    expect(timeTicks([T0, T0 + 60_000])).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => T0 + i * 10_000));
  });

  it('puts hourly ticks on the whole hours of the given clock', () => {
    const india = () => 5.5 * 3_600_000;
    // 14:00 UTC is 19:30 in India: the first whole Indian hour after it is 20:00 = 14:30 UTC.
    expect(timeTicks([T0, T0 + 8 * 3_600_000], 6, india)).toEqual(
      [0, 1, 2, 3].map((i) => T0 + 30 * 60_000 + i * 2 * 3_600_000),
    );
  });

  it('shows every value and threshold on the y axis, from 0 unless below it', () => {
    const withThresholds = chart(5, {
      thresholds: [{ value: 40, label: '40 ms', level: 'poor' }],
    });
    expect(valueExtent(withThresholds, drawnLines(withThresholds))).toEqual([0, 40]);
    const negative = chart(0);
    const drawn = [
      { label: 'x', times: Float64Array.of(T0, T0 + 1), values: Float64Array.of(-3, 2), sent: 2 },
    ];
    expect(valueExtent(negative, drawn)).toEqual([-3, 2]);
    expect(valueExtent(chart(5, { yDomain: [0, 5] }), [])).toEqual([0, 5]);
    expect(valueExtent(chart(0), drawnLines(chart(0)))).toEqual([0, 1]);
  });

  it('reads each line at a drawn time: a gap or no sample near is null', () => {
    const drawn = [
      ...drawnLines(chart(5)),
      {
        label: 'short',
        times: Float64Array.of(T0, T0 + 1000),
        values: Float64Array.of(7, 8),
        sent: 2,
      },
    ];
    expect(valuesAt(drawn, T0 + 1000)).toEqual([11, 8]);
    expect(valuesAt(drawn, T0 + 3000)).toEqual([null, 8]);
    expect(valuesAt(drawn, T0 + 4000)).toEqual([14, null]);
  });
});
