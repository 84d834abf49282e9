/**
 * Reshapes in-call quality series for the quality charts: downsampled points (spikes and gaps
 * kept), the time domain, and the sentence that says what each chart shows. Pure.
 */
import { downsample } from '../../../lib/downsample';
import { formatCount, formatDurationMs } from '../../../lib/format';
import type { TimeWindow } from '../../../lib/time-window';
import { nearestIndex } from './svg-line';

/** At most this many points per line: about one per pixel column of the chart, cheap to draw. */
export const MAX_POINTS = 600;

export type ValueKind = 'ms' | 'score' | 'count' | 'fps' | 'height';

export type QualityLine = {
  readonly label: string;
  /** Epoch ms, ascending. */
  readonly times: Float64Array;
  /** NaN is a gap. */
  readonly values: Float64Array;
  readonly stats: { readonly avg: number; readonly p95: number; readonly max: number } | null;
};

export type QualityThreshold = {
  readonly value: number;
  readonly label: string;
  readonly level: 'degraded' | 'poor';
};

export type QualityChart = {
  /** The figure's accessible name. */
  readonly title: string;
  readonly kind: ValueKind;
  readonly lines: readonly QualityLine[];
  readonly thresholds: readonly QualityThreshold[];
  /** Stretches where a reading stayed bad (shaded), and what "bad" meant. */
  readonly problems: { readonly windows: readonly TimeWindow[]; readonly meaning: string } | null;
  /** What had to be assumed (a unit), said under the chart. */
  readonly note?: string;
  readonly yDomain?: readonly [number, number];
};

/** One line as drawn: its kept samples (NaN is a gap) and how many were sent. */
export type DrawnLine = {
  readonly label: string;
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly sent: number;
};

export function formatValue(kind: ValueKind, value: number): string {
  switch (kind) {
    case 'ms':
      return `${(Math.round(value * 10) / 10).toLocaleString('en')} ms`;
    case 'score':
      return value.toFixed(2);
    case 'fps':
      return `${Math.round(value * 10) / 10} fps`;
    case 'height':
      return `${Math.round(value)}p`;
    case 'count':
      return formatCount(Math.round(value * 10) / 10);
  }
}

/** Each line's samples to draw: at most `maxPoints`, gaps kept as NaN so the line breaks there. */
export function drawnLines(chart: QualityChart, maxPoints = MAX_POINTS): DrawnLine[] {
  return chart.lines.map((line) => ({
    label: line.label,
    ...downsample(line.times, line.values, maxPoints),
    sent: line.times.length,
  }));
}

/** [first, last] sample time over every line; null when there is nothing to draw. */
export function timeDomain(chart: QualityChart): readonly [number, number] | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const line of chart.lines) {
    const first = line.times[0];
    const last = line.times[line.times.length - 1];
    if (first !== undefined && first < start) start = first;
    if (last !== undefined && last > end) end = last;
  }
  return start <= end ? [start, end] : null;
}

/** One sentence (or three) saying what the chart shows, for readers who cannot see it. */
export function qualitySummary(chart: QualityChart, drawn: readonly DrawnLine[]): string {
  const parts = chart.lines
    .filter((line) => line.stats)
    .map((line) => {
      const s = line.stats;
      if (!s) return '';
      const f = (v: number) => formatValue(chart.kind, v);
      return `${line.label} averaged ${f(s.avg)} (95th percentile ${f(s.p95)}, peak ${f(s.max)})`;
    });
  const sentences = [parts.length > 0 ? `${parts.join('; ')}.` : 'No readable values.'];
  if (chart.problems && chart.problems.windows.length > 0) {
    const ms = chart.problems.windows.reduce((sum, w) => sum + (w.endMs - w.startMs), 0);
    const n = chart.problems.windows.length;
    sentences.push(
      `${chart.problems.meaning} for ${formatDurationMs(ms)}${n === 1 ? '' : ` in ${formatCount(n)} stretches`} (shaded).`,
    );
  }
  const sent = Math.max(0, ...drawn.map((d) => d.sent));
  const shown = Math.max(0, ...drawn.map((d) => d.times.length));
  sentences.push(
    shown < sent
      ? `Drawn with ${formatCount(shown)} of ${formatCount(sent)} points per line (each stretch's lows and highs kept).`
      : `All ${formatCount(sent)} points drawn.`,
  );
  return sentences.join(' ');
}

/** A clock's offset from UTC at an instant, in ms. */
export type Offset = (ms: number) => number;

/**
 * Ticks at round steps (1 s … 2 h) of the given clock across the domain, about `count` of
 * them: with a +05:30 clock, hourly ticks fall on its whole hours, not on UTC's.
 */
/** How round ticks read on a clock: "14:05" when they are whole minutes apart, else "14:05:30". */
export function tickLabeller(ticks: readonly number[], time: (ms: number) => string) {
  const minutes = ticks.length < 2 || (ticks[1] ?? 0) - (ticks[0] ?? 0) >= 60_000;
  return (ms: number) => (minutes ? time(ms).slice(0, 5) : time(ms));
}

export function timeTicks(
  domain: readonly [number, number],
  count = 6,
  offset: Offset = () => 0,
): number[] {
  const steps = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);
  const span = domain[1] - domain[0];
  const step =
    steps.find((s) => span / s <= count) ?? Math.ceil(span / count / 3_600_000) * 3_600_000;
  const shift = offset(domain[0]);
  const ticks: number[] = [];
  for (let wall = Math.ceil((domain[0] + shift) / step) * step; ; wall += step) {
    // The offset at the tick itself: a daylight-saving change inside the call moves the ticks.
    const at = wall - offset(wall - shift);
    if (at > domain[1]) break;
    if (at >= domain[0]) ticks.push(at);
  }
  return ticks;
}

/** The value range the y axis must show: every drawn value and threshold, and 0 unless below it. */
export function valueExtent(
  chart: QualityChart,
  drawn: readonly DrawnLine[],
): readonly [number, number] {
  if (chart.yDomain) return chart.yDomain;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const line of drawn) {
    for (const v of line.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  for (const t of chart.thresholds) {
    min = Math.min(min, t.value);
    max = Math.max(max, t.value);
  }
  if (min > max) return [0, 1];
  return [Math.min(min, 0), max];
}

/**
 * Each line's value at a drawn sample time: its nearest sample within two of its own sample
 * spacings, or null (a gap there, or no sample near).
 */
export function valuesAt(drawn: readonly DrawnLine[], at: number): (number | null)[] {
  return drawn.map((line) => {
    const i = nearestIndex(line.times, at);
    const t = line.times[i];
    const v = line.values[i];
    if (t === undefined || v === undefined || Number.isNaN(v)) return null;
    const first = line.times[0] ?? t;
    const last = line.times[line.times.length - 1] ?? t;
    const reach = (2 * (last - first)) / Math.max(1, line.times.length - 1);
    return Math.abs(t - at) <= reach ? v : null;
  });
}
