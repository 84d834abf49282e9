/**
 * When a bad reading counts (as Twilio's Call Insights and rtcStats flag persistent, not momentary, degradation): only what holds in 3 of 5 consecutive samples
 * or for 30 s or more, so one spike is never called a problem.
 */
import type { TimeWindow } from '../../../lib/time-window';

export const PERSISTENCE = {
  of: 5,
  atLeast: 3,
  minMs: 30_000,
  source:
    'flag only what holds in 3 of 5 samples or for ≥ 30 s (persistent, not momentary: Twilio Call Insights, rtcStats)',
} as const;

export type Sustained = TimeWindow & {
  /** Bad samples inside the window. */
  readonly bad: number;
  /** The worst value inside the window. */
  readonly worst: number;
};

/**
 * The windows where `isBad` holds persistently, merged where they touch. `times` ascending
 * (ms), `values` aligned with it; NaN values are gaps and never bad. `higherIsWorse` decides
 * which value is "worst".
 */
export function sustainedWindows(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  isBad: (value: number) => boolean,
  higherIsWorse = true,
): Sustained[] {
  const n = Math.min(times.length, values.length);
  const bad = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? Number.NaN;
    bad[i] = !Number.isNaN(v) && isBad(v) ? 1 : 0;
  }
  // Mark every sample that belongs to a qualifying stretch.
  const marked = new Uint8Array(n);
  // 3 of 5: any 5-sample window with ≥ 3 bad marks its bad samples.
  let count = 0;
  for (let i = 0; i < n; i++) {
    count += bad[i] ?? 0;
    if (i >= PERSISTENCE.of) count -= bad[i - PERSISTENCE.of] ?? 0;
    if (count >= PERSISTENCE.atLeast) {
      for (let j = Math.max(0, i - PERSISTENCE.of + 1); j <= i; j++) if (bad[j]) marked[j] = 1;
    }
  }
  // ≥ 30 s: a run of consecutive bad samples lasting that long.
  let runStart = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && bad[i]) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const last = i - 1;
      if ((times[last] ?? 0) - (times[runStart] ?? 0) >= PERSISTENCE.minMs) {
        for (let j = runStart; j <= last; j++) marked[j] = 1;
      }
      runStart = -1;
    }
  }
  // Merge marked samples into windows; a gap of at most PERSISTENCE.of samples joins them.
  const windows: Sustained[] = [];
  let current: { start: number; end: number; bad: number; worst: number } | null = null;
  let lastMarked = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!marked[i]) continue;
    const v = values[i] ?? Number.NaN;
    if (current && i - lastMarked <= PERSISTENCE.of) {
      current.end = i;
      current.bad += 1;
      current.worst = higherIsWorse ? Math.max(current.worst, v) : Math.min(current.worst, v);
    } else {
      if (current) windows.push(toWindow(current, times));
      current = { start: i, end: i, bad: 1, worst: v };
    }
    lastMarked = i;
  }
  if (current) windows.push(toWindow(current, times));
  return windows;
}

function toWindow(
  w: { start: number; end: number; bad: number; worst: number },
  times: ArrayLike<number>,
): Sustained {
  return {
    startMs: times[w.start] ?? 0,
    endMs: times[w.end] ?? 0,
    bad: w.bad,
    worst: w.worst,
  };
}
