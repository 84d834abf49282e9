/** Readable numbers, durations and times. Pure: every function takes what it needs. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "1 h 23 min 05 s", "47 min 19 s", "12 s" — from milliseconds, rounded to the second. */
export function formatDurationMs(ms: number): string {
  const negative = ms < 0;
  const total = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  let text: string;
  if (days > 0) text = `${days} d ${hours} h ${pad(minutes)} min`;
  else if (hours > 0) text = `${hours} h ${minutes} min ${pad(seconds)} s`;
  else if (minutes > 0) text = `${minutes} min ${pad(seconds)} s`;
  else text = `${seconds} s`;
  return negative ? `−${text}` : text;
}

export const formatDurationMinutes = (minutes: number) => formatDurationMs(minutes * 60_000);

/** Minutes as the API counts them, to two decimals: "47.31 min". */
export function formatMinutes(minutes: number): string {
  return `${minutes.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} min`;
}

export const formatCount = (n: number) => n.toLocaleString('en');

/** "+12:05" style offset from a reference point, for the timeline: "+1:02:03", "−0:04". */
export function formatOffset(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  // Rounded to zero is neither before nor after.
  const sign = ms < 0 && total > 0 ? '−' : '+';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

/** "2026-11-21 14:00:12 UTC": unambiguous, for hover text, tickets and exports. */
export function formatUtc(ms: number): string {
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 days ago", "in 5 minutes", relative to `now`. */
export function formatRelative(ms: number, now: number): string {
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return relativeFormat.format(seconds, 'second');
  if (abs < 45 * 60) return relativeFormat.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), 'day');
  if (abs < 320 * 86_400)
    return relativeFormat.format(Math.round(seconds / (30 * 86_400)), 'month');
  return relativeFormat.format(Math.round(seconds / (365 * 86_400)), 'year');
}

/** A raw API value for display next to an "invalid" flag; long values are cut. */
export function formatRaw(raw: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? JSON.stringify(raw) : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A long id cut to its first 8 characters and an ellipsis: enough to tell peers apart. */
export const shortId = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);
