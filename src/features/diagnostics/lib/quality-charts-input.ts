/**
 * One peer's quality series grouped into the charts the panel draws, each with its thresholds
 * and the stretches the rules flag, so a chart and the Health strip never disagree.
 */
import type { TimeWindow } from '../../../lib/time-window';
import type { QualityChart, QualityLine } from '../../charts';
import type { QualityPeer, Series, SeriesKey } from './quality';
import { problemWindows } from './quality-rules';
import { chartThresholds, MOS, MOS_CHART_THRESHOLDS, THRESHOLDS } from './thresholds';

type Group = Omit<QualityChart, 'lines' | 'problems' | 'note'> & {
  readonly keys: readonly SeriesKey[];
  readonly meaning?: string;
};

const GROUPS: readonly Group[] = [
  {
    title: 'Round trip over the call',
    kind: 'ms',
    keys: ['audioRtt', 'videoRtt'],
    thresholds: chartThresholds('rttMs'),
    meaning: `Round trip above ${THRESHOLDS.rttMs.degraded} ms`,
  },
  {
    title: 'Jitter over the call',
    kind: 'ms',
    keys: ['audioJitter', 'videoJitter'],
    thresholds: chartThresholds('jitterMs'),
    meaning: `Jitter at or above ${THRESHOLDS.jitterMs.degraded} ms`,
  },
  {
    title: 'Quality score over the call',
    kind: 'score',
    keys: ['audioScore', 'videoScore'],
    thresholds: MOS_CHART_THRESHOLDS,
    meaning: `Quality score below ${MOS.degraded}`,
    yDomain: [0, 5],
  },
  {
    title: 'Packets lost over the call',
    kind: 'count',
    keys: ['audioLost', 'videoLost'],
    thresholds: [],
  },
  {
    title: 'Video frame rate over the call',
    kind: 'count',
    keys: ['videoFps', 'framesDropped'],
    thresholds: [],
  },
  {
    title: 'Video resolution over the call',
    kind: 'height',
    keys: ['videoHeight'],
    thresholds: [],
  },
];

/** Windows sorted and merged where they overlap. */
export function mergeWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => a.startMs - b.startMs);
  const merged: TimeWindow[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w.startMs <= last.endMs) {
      merged[merged.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, w.endMs) };
    } else merged.push({ startMs: w.startMs, endMs: w.endMs });
  }
  return merged;
}

const lineOf = (s: Series): QualityLine => ({
  label: s.label,
  times: s.times,
  values: s.values,
  stats: s.stats,
});

export function qualityChartsFor(peer: QualityPeer): QualityChart[] {
  const charts: QualityChart[] = [];
  for (const { keys, meaning, ...group } of GROUPS) {
    const series = peer.series.filter((s) => keys.includes(s.key) && s.stats !== null);
    if (series.length === 0) continue;
    const notes = series.filter((s) => s.note).map((s) => `${s.label.toLowerCase()} ${s.note}`);
    charts.push({
      ...group,
      lines: series.map(lineOf),
      problems: meaning
        ? { meaning, windows: mergeWindows(series.flatMap((s) => problemWindows(s))) }
        : null,
      note: notes.length > 0 ? notes.join('; ') : undefined,
    });
  }
  return charts;
}
