/**
 * The range fields of the finding forms: a preset, or a custom interval typed in two
 * `datetime-local` fields on the page's clock (the agent's own, or UTC when the page says so).
 */
import { isRangePreset, type RangeChoice, rangeProblem } from '../../../lib/time-range';
import type { TimeWindow } from '../../../lib/time-window';

export const CUSTOM = 'custom';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-06T13:00" for a `datetime-local` field, on UTC or the browser's own clock. */
export function toFieldValue(ms: number, utc: boolean): string {
  const d = new Date(ms);
  const [y, mo, day, h, mi] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  return `${y}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}`;
}

/** A `datetime-local` value read on UTC or the browser's own clock; NaN when unreadable. */
export function fromFieldValue(value: string, utc: boolean): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return Number.NaN;
  return utc ? Date.parse(`${value}Z`) : new Date(value).getTime();
}

/** The range a form's fields say, or why it cannot be searched. */
export function readRangeFields(
  data: FormData,
  utc: boolean,
  now: number,
): { ok: true; range: RangeChoice } | { ok: false; message: string } {
  const choice = String(data.get('range') ?? '');
  if (isRangePreset(choice)) return { ok: true, range: choice };
  if (choice !== CUSTOM) return { ok: false, message: 'Choose a time range.' };
  const startMs = fromFieldValue(String(data.get('from') ?? ''), utc);
  const endMs = fromFieldValue(String(data.get('to') ?? ''), utc);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    return { ok: false, message: 'Give the custom range a start and an end date and time.' };
  }
  const problem = rangeProblem({ startMs, endMs }, now);
  return problem ? { ok: false, message: problem } : { ok: true, range: { startMs, endMs } };
}

/** What the custom fields start with: the link's interval, else the last 24 hours. */
export const customDefaults = (range: RangeChoice, now: number): TimeWindow =>
  typeof range === 'string' ? { startMs: now - 24 * 3_600_000, endMs: now } : range;
