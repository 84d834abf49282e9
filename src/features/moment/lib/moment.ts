/**
 * The "reported moment": a customer says "around 15:45, my time"; the agent types that and the
 * page marks the window on the timeline and charts. Pure: parsing wall-clock text in a zone,
 * and the `moment` deep-link parameter (an ISO interval, start/end, in UTC).
 */
import { offsetAt } from '../../../lib/clock';
import type { TimeWindow } from '../../../lib/time-window';

/** How wide the window around the reported time is, in minutes either side. */
export const MOMENT_WIDTHS = [2, 5, 15, 30] as const;
export const DEFAULT_WIDTH = 5;

const INPUT =
  /^\s*(?:(\d{4})-(\d{2})-(\d{2})[ T]+)?(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i;

export type Parsed =
  | { readonly ok: true; readonly window: TimeWindow; readonly at: number }
  | { readonly ok: false; readonly message: string };

const HELP = 'Enter a time like 15:45, 3:45 pm or 2026-11-21 15:45.';

/** The instant a wall-clock time names in a zone (the later one when a clock change repeats it). */
export function wallToInstant(
  wall: { y: number; mo: number; d: number; h: number; mi: number; s: number },
  timeZone: string | undefined,
): number {
  const naive = Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s);
  let guess = naive - offsetAt(naive, timeZone);
  guess = naive - offsetAt(guess, timeZone);
  return guess;
}

/** The calendar date (in the zone) of an instant. */
function dateIn(ms: number, timeZone: string | undefined) {
  const shifted = new Date(ms + offsetAt(ms, timeZone));
  return { y: shifted.getUTCFullYear(), mo: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

const distance = (ms: number, call: TimeWindow) =>
  ms < call.startMs ? call.startMs - ms : ms > call.endMs ? ms - call.endMs : 0;

/**
 * Reads "15:45" (on the day of the call, in `timeZone`), "3:45 pm" or "2026-11-21 15:45" into
 * a window of `widthMin` minutes either side. Without a date, the day is the one (of the
 * call's days in that zone) that puts the time nearest the call.
 */
export function parseMoment(
  text: string,
  options: { timeZone: string | undefined; call: TimeWindow; widthMin: number },
): Parsed {
  const m = INPUT.exec(text);
  if (!m) return { ok: false, message: text.trim() === '' ? 'Enter a time.' : HELP };
  let h = Number(m[4]);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  const meridiem = m[7]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (h < 1 || h > 12) return { ok: false, message: `${h} is not an hour on a 12-hour clock.` };
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59)
    return { ok: false, message: `That is not a time of day. ${HELP}` };
  let at: number;
  if (m[1]) {
    const date = { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) };
    const check = new Date(Date.UTC(date.y, date.mo - 1, date.d));
    if (check.getUTCMonth() !== date.mo - 1 || check.getUTCDate() !== date.d) {
      return { ok: false, message: `${m[1]}-${m[2]}-${m[3]} is not a date.` };
    }
    at = wallToInstant({ ...date, h, mi, s }, options.timeZone);
  } else {
    const days = [options.call.startMs - 86_400_000, options.call.startMs, options.call.endMs];
    const candidates = days.map((day) =>
      wallToInstant({ ...dateIn(day, options.timeZone), h, mi, s }, options.timeZone),
    );
    at = candidates.reduce((best, c) =>
      distance(c, options.call) < distance(best, options.call) ? c : best,
    );
  }
  const half = options.widthMin * 60_000;
  return { ok: true, at, window: { startMs: at - half, endMs: at + half } };
}
