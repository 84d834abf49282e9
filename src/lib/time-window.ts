/** A stretch of time on the call, inclusive at both ends (epoch milliseconds). */
export type TimeWindow = { readonly startMs: number; readonly endMs: number };

export const inWindow = (w: TimeWindow, ms: number) => ms >= w.startMs && ms <= w.endMs;

export const overlaps = (a: TimeWindow, b: TimeWindow) =>
  a.startMs <= b.endMs && b.startMs <= a.endMs;
