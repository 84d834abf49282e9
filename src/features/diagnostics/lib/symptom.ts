/**
 * A symptom: one reading that held badly for a while (the persistence rule in sustained.ts),
 * with which way it hurt. The rules (quality-rules.ts, report-rules.ts) find them; merge.ts
 * turns those that overlap and share a cause into incidents.
 */
import type { TimeWindow } from '../../../lib/time-window';
import type { Cause, Direction, Focus } from './finding';
import { type Sustained, sustainedWindows } from './sustained';
import type { Level } from './thresholds';

/** A figure behind a symptom; the worst of each kind is kept when symptoms merge. */
export type Figure = {
  /** What kind of figure ("audio jitter (sent)"): figures of one kind are compared. */
  readonly key: string;
  /** "audio jitter up to 94 ms (sent)". */
  readonly text: string;
  /** Higher is worse, whatever the reading: for MOS, the score negated. */
  readonly badness: number;
};

export type Symptom = {
  readonly severity: Exclude<Level, 'good'>;
  readonly cause: Cause;
  readonly direction: Direction;
  readonly window: TimeWindow;
  readonly figure: Figure;
  readonly threshold: string;
  readonly peerId: string | null;
  readonly focus: Focus | null;
  /** For what a peer received: whose media it was, and from how many senders it received then. */
  readonly remote?: { readonly peerId: string; readonly senders: number };
};

/** A bad stretch, and whether poor readings persisted inside it. */
export type GradedWindow = Sustained & { readonly severity: Exclude<Level, 'good'> };

/**
 * The stretches where a reading was not good, persistently, each poor when poor readings
 * persisted inside it (one poor spike in a degraded stretch leaves it degraded).
 */
export function gradedWindows(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  level: (value: number) => Level,
  higherIsWorse: boolean,
): GradedWindow[] {
  const bad = sustainedWindows(times, values, (v) => level(v) !== 'good', higherIsWorse);
  if (bad.length === 0) return [];
  const poor = sustainedWindows(times, values, (v) => level(v) === 'poor', higherIsWorse);
  return bad.map((w) => ({
    ...w,
    severity: poor.some((p) => p.startMs <= w.endMs && w.startMs <= p.endMs) ? 'poor' : 'degraded',
  }));
}

const round = (n: number, digits: number) =>
  n.toLocaleString('en', { maximumFractionDigits: digits });

/** "audio jitter up to 94 ms (sent)", "audio MOS down to 1.2". */
export function figureOf(
  label: string,
  worst: number,
  unit: string,
  options: { higherIsWorse: boolean; digits?: number; side?: 'sent' | 'received' },
): Figure {
  const side = options.side ? ` (${options.side})` : '';
  return {
    key: `${label}${side}`,
    text: `${label} ${options.higherIsWorse ? 'up to' : 'down to'} ${round(worst, options.digits ?? 0)}${unit}${side}`,
    badness: options.higherIsWorse ? worst : -worst,
  };
}
