/** A point in time read from the API, with what had to be assumed to read it. */
export type Timestamp = {
  /** Milliseconds since the epoch, UTC. */
  readonly ms: number;
  /** The value exactly as the API sent it. */
  readonly raw: string | number;
  /** Set when the value was readable only after an assumption (shown next to the time). */
  readonly note?: string;
};

export type TimestampResult = { ok: true; value: Timestamp } | { ok: false; reason: string };

// Years outside this window are placeholders or unit mistakes, not real session times.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function fromEpoch(n: number, raw: string | number): TimestampResult {
  if (!Number.isFinite(n) || n <= 0) return { ok: false, reason: 'not a positive epoch' };
  // Seconds and milliseconds since 1970 do not overlap within the accepted window.
  const seconds = n < 1e11;
  const ms = seconds ? n * 1000 : n;
  if (ms < EARLIEST || ms >= LATEST) return { ok: false, reason: 'epoch outside 2000–2099' };
  return {
    ok: true,
    value: { ms, raw, note: seconds ? 'epoch seconds' : 'epoch milliseconds' },
  };
}

function fromIso(text: string, raw: string | number, repaired: string[]): TimestampResult {
  const m = ISO.exec(text);
  if (!m) return { ok: false, reason: 'not a date and time' };
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  const millis = Number(`${frac}000`.slice(0, 3));
  let offsetMin = 0;
  if (!zone) repaired.push('no time zone, UTC assumed');
  else if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMin * 60_000;
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, reason: 'impossible date or time' };
  }
  if (ms < EARLIEST || ms >= LATEST) return { ok: false, reason: 'year outside 2000–2099' };
  return {
    ok: true,
    value: repaired.length > 0 ? { ms, raw, note: repaired.join('; ') } : { ms, raw },
  };
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * The canonical form, "2026-11-21T14:00:12.400Z" (what toISOString writes and the API
 * mostly sends), read without a regex or allocations: a 10,000-event history holds 20,000 of
 * them. Null when the text is not exactly that form (the general reader then decides).
 */
function fromCanonical(text: string): number | null {
  if (
    text.length !== 24 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 ||
    text.charCodeAt(23) !== 90
  ) {
    return null;
  }
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]) {
    const d = digit(text, i);
    if (d < 0 || d > 9) return null;
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  const millis = digit(text, 20) * 100 + two(text, 21);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Day 31 of a 30-day month rolls over: that is an impossible date, left to the general reader.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms >= EARLIEST && ms < LATEST ? ms : null;
}

/**
 * Reads the timestamps RealtimeKit sends: ISO 8601 with any number of fractional digits and
 * any offset, epoch seconds or milliseconds (as numbers or digit strings), and values wrapped
 * in a stray quote. Anything else is refused with a reason; nothing is guessed silently.
 */
export function parseTimestamp(raw: unknown): TimestampResult {
  if (typeof raw === 'number') return fromEpoch(raw, raw);
  if (typeof raw !== 'string')
    return { ok: false, reason: `expected a timestamp, got ${typeof raw}` };
  const canonical = fromCanonical(raw);
  if (canonical !== null) return { ok: true, value: { ms: canonical, raw } };
  const repaired: string[] = [];
  let text = raw.trim();
  const unquoted = text.replace(/^(?:\\?["'])+|(?:\\?["'])+$/g, '');
  if (unquoted !== text) {
    repaired.push('stray quote removed');
    text = unquoted;
  }
  if (text === '') return { ok: false, reason: 'empty timestamp' };
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const result = fromEpoch(Number(text), raw);
    if (!result.ok || repaired.length === 0) return result;
    return {
      ok: true,
      value: { ...result.value, note: `${repaired.join('; ')}; ${result.value.note}` },
    };
  }
  return fromIso(text, raw, repaired);
}
