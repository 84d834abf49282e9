/** A stretch of time on the call, inclusive at both ends (epoch milliseconds). */
export type TimeWindow = { readonly startMs: number; readonly endMs: number };

export const inWindow = (w: TimeWindow, ms: number) => ms >= w.startMs && ms <= w.endMs;

export const overlaps = (a: TimeWindow, b: TimeWindow) =>
  a.startMs <= b.endMs && b.startMs <= a.endMs;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A window as a URL parameter (the reported moment): "2026-11-21T15:40:00Z/2026-11-21T15:50:00Z". */
export const windowParam = (w: TimeWindow) => `${iso(w.startMs)}/${iso(w.endMs)}`;

/** Reads a window parameter; null when absent, a message when it cannot be read. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export function readWindowParam(value: string | null): TimeWindow | { problem: string } | null {
  if (value === null || value === '') return null;
  const [start, end, extra] = value.split('/');
  // UTC only ("…Z"): a time without a zone would mean a different moment to each agent.
  const utc = (text: string | undefined) =>
    text !== undefined && UTC_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  const startMs = utc(start);
  const endMs = utc(end);
  if (extra !== undefined || Number.isNaN(startMs) || Number.isNaN(endMs) || endMs < startMs) {
    return {
      problem: `The reported moment in the link ("${value.slice(0, 80)}") could not be read.`,
    };
  }
  return { startMs, endMs };
}

/**
 * A finding's window widened a little, so a one-sample spike still shows as a band; on whole
 * seconds, as the moment parameter reads best.
 */
export function aroundWindow(w: TimeWindow, padMs = 60_000): TimeWindow {
  return {
    startMs: Math.floor((w.startMs - padMs) / 1000) * 1000,
    endMs: Math.ceil((w.endMs + padMs) / 1000) * 1000,
  };
}
