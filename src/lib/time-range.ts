/**
 * The time ranges an agent searches calls in: presets read on the page's clock (today and
 * yesterday are the clock's calendar days), or a custom interval. In a URL a preset is its
 * name (`range=yesterday`), a custom interval two UTC instants (`range=2026-12-01T00:00Z/…`).
 */
import { readWindowParam, type TimeWindow, windowParam } from './time-window';

export const RANGE_PRESETS = ['last-hour', 'today', 'yesterday', 'last-7-days'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = RangePreset | TimeWindow;

export const RANGE_LABELS: Record<RangePreset, string> = {
  'last-hour': 'Last hour',
  today: 'Today',
  yesterday: 'Yesterday',
  'last-7-days': 'Last 7 days',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long RealtimeKit keeps call statistics (its docs: 30 days). */
export const STATS_RETENTION_DAYS = 30;
export const STATS_RETENTION_MS = STATS_RETENTION_DAYS * DAY;

/** Midnight of the day holding `ms`, on a clock `offset` ms ahead of UTC at that instant. */
function startOfDay(ms: number, offset: (ms: number) => number): number {
  const local = ms + offset(ms);
  const midnight = Math.floor(local / DAY) * DAY;
  // The offset at midnight itself (a change of summer time during the day moves it).
  return midnight - offset(midnight - offset(ms));
}

/** The interval a choice means now, on the page's clock; `endMs` never passes `now`. */
export function resolveRange(
  choice: RangeChoice,
  now: number,
  offset: (ms: number) => number,
): TimeWindow {
  if (typeof choice !== 'string') return choice;
  switch (choice) {
    case 'last-hour':
      return { startMs: now - HOUR, endMs: now };
    case 'today':
      return { startMs: startOfDay(now, offset), endMs: now };
    case 'yesterday': {
      const today = startOfDay(now, offset);
      return { startMs: startOfDay(today - HOUR, offset), endMs: today - 1 };
    }
    case 'last-7-days':
      return { startMs: now - 7 * DAY, endMs: now };
  }
}

export const isRangePreset = (value: string): value is RangePreset =>
  (RANGE_PRESETS as readonly string[]).includes(value);

/** A `range` URL value: a preset, an interval, or why it cannot be read. Null when absent. */
export function readRangeParam(value: string | null): RangeChoice | { problem: string } | null {
  if (value === null || value === '') return null;
  if (isRangePreset(value)) return value;
  const window = readWindowParam(value);
  if (window === null || 'problem' in window) {
    return { problem: `The time range in the link ("${value.slice(0, 80)}") could not be read.` };
  }
  return window;
}

export const rangeParam = (choice: RangeChoice): string =>
  typeof choice === 'string' ? choice : windowParam(choice);

/** Why a range cannot be searched (RealtimeKit's 30 days), or null. */
export function rangeProblem(range: TimeWindow, now: number): string | null {
  if (range.endMs < range.startMs) return 'The range ends before it starts.';
  if (range.endMs < now - STATS_RETENTION_MS) {
    return 'RealtimeKit keeps call statistics for 30 days: calls older than that can no longer be looked up.';
  }
  if (range.endMs - range.startMs > STATS_RETENTION_MS) {
    return 'The range is longer than 30 days, which is as far back as RealtimeKit keeps calls.';
  }
  return null;
}

/** The API's ISO instant ("2026-12-06T13:00:00Z"), whole seconds. */
export const isoInstant = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
