/**
 * Reads written out by hand for the values a large answer is made of (a peer report holds tens
 * of thousands of samples): each gives exactly what the lenient schema (lenient.ts) would make
 * of the value, or SLOW for anything else, which the schema then reads (and explains when it is
 * wrong). The schema's own machinery costs several times the read itself. Only lazy chunks use
 * them (the peer report's, and a long history's events: peer-events-quick.ts), so the first load
 * stays as small as it was.
 */
import * as z from 'zod/mini';
import { parseTimestamp, type Timestamp } from '../lib/timestamp';
import { lenient, lenientList } from './lenient';

/** What a quick read returns when it cannot tell at once: the schema then reads the value. */
export const SLOW: unique symbol = Symbol('read by the schema');

/** The read of a present value (neither absent nor null), or SLOW. */
export type QuickRead<T> = (raw: unknown) => T | typeof SLOW;

let quickReads = true;

/** Runs `read` with the schemas alone, no quick read: what the quick reads are tested against. */
export function withSchemaOnly<T>(read: () => T): T {
  quickReads = false;
  try {
    return read();
  } finally {
    quickReads = true;
  }
}

/** A value the strict schema takes as it is, told by a test of its own. */
export const quickIf =
  (test: (raw: unknown) => boolean): QuickRead<never> =>
  (raw) =>
    test(raw) ? (raw as never) : SLOW;

export const quickString = quickIf((raw) => typeof raw === 'string');
/** A number as z.number() takes it: finite. */
export const quickNumber = quickIf((raw) => typeof raw === 'number' && Number.isFinite(raw));
export const quickBoolean = quickIf((raw) => typeof raw === 'boolean');
export const quickOneOf = (values: readonly string[]) =>
  quickIf((raw) => typeof raw === 'string' && values.includes(raw));
/**
 * The minute of the last timestamp read that ended in seconds, milliseconds and Z
 * ("2026-11-21T14:00:" of "2026-11-21T14:00:12.400Z"), and its ms: a history's and a report's
 * timestamps come in time order, most in the minute of the one before, and such a one needs
 * only its seconds read.
 */
let lastMinute = '';
let lastMinuteMs = 0;

/** The ms into its minute of "…:12.400Z" (24 characters), or -1 when it does not end so. */
function withinMinute(text: string): number {
  if (text.length !== 24 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return -1;
  const s1 = text.charCodeAt(17) - 48;
  const s2 = text.charCodeAt(18) - 48;
  const m1 = text.charCodeAt(20) - 48;
  const m2 = text.charCodeAt(21) - 48;
  const m3 = text.charCodeAt(22) - 48;
  const digits = s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9;
  if (!digits || !(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && m3 >= 0 && m3 <= 9)) return -1;
  return (s1 * 10 + s2) * 1000 + m1 * 100 + m2 * 10 + m3;
}

/**
 * A timestamp as the schemas read one (a string or a number, through parseTimestamp). One in
 * the minute of the last one read costs only its seconds: that minute was read in full then.
 */
export const quickTimestamp: QuickRead<Timestamp> = (raw) => {
  if (typeof raw === 'string' && lastMinute !== '' && raw.startsWith(lastMinute)) {
    const within = withinMinute(raw);
    if (within >= 0) return { ms: lastMinuteMs + within, raw };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return SLOW;
  const result = parseTimestamp(raw);
  if (!result.ok) return SLOW;
  // Read as written, nothing assumed: its minute is remembered for the next one.
  const within = typeof raw === 'string' && !result.value.note ? withinMinute(raw) : -1;
  if (within >= 0 && typeof raw === 'string') {
    lastMinute = raw.slice(0, 17);
    lastMinuteMs = result.value.ms - within;
  }
  return result.value;
};

export const isPlainObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' &&
  raw !== null &&
  !Array.isArray(raw) &&
  Object.getPrototypeOf(raw) === Object.prototype;

/** A loose object's field: its lenient read schema, and its quick read where there is one. */
export type QuickField = { readonly read: z.ZodMiniType; readonly take?: QuickRead<unknown> };

/**
 * The read of a loose object of lenient fields by hand, as zod makes it: its fields in the
 * schema's order (an absent one stays absent, a null one reads as undefined), then the keys it
 * does not know, as sent. Anything but a plain object (or one with a "__proto__" key) is left
 * to zod. Made for what JSON.parse makes: a non-enumerable own key, or a key added to
 * Object.prototype, would be read otherwise than zod reads it.
 */
export function quickObject(fields: Record<string, QuickField>): QuickRead<never> {
  const keys = Object.keys(fields);
  const list = Object.values(fields);
  // A field named as Object's own would be found on every object; none is.
  const inherited = keys.find((key) => key in Object.prototype);
  if (inherited !== undefined) throw new Error(`A field may not be named ${inherited}`);
  return (raw) => {
    if (!isPlainObject(raw) || Object.hasOwn(raw, '__proto__')) return SLOW;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const value = raw[key];
      // JSON never holds undefined: an undefined value is an absent key, unless set so by hand.
      if (value === undefined && !Object.hasOwn(raw, key)) continue;
      if (value === undefined || value === null) {
        out[key] = undefined;
        continue;
      }
      const field = list[i] as QuickField;
      const quick = field.take && quickReads ? field.take(value) : SLOW;
      out[key] = quick !== SLOW ? quick : z.parse(field.read, value);
    }
    // Keys the schema does not know pass as sent, after its own.
    for (const key of Object.keys(raw)) if (!Object.hasOwn(fields, key)) out[key] = raw[key];
    return out as never;
  };
}

/** A lenient read schema that runs `read` on the value as sent. */
const readBy = <T>(read: (raw: unknown) => T) => z.optional(z.pipe(z.unknown(), z.transform(read)));

/** `lenient(strict, expected)`, read by hand first. */
export function lenientQuick<S extends z.ZodMiniType>(
  strict: S,
  expected: string,
  take: QuickRead<unknown>,
) {
  const slow = lenient(strict, expected);
  return readBy((raw): z.output<typeof slow> => {
    if (raw === undefined || raw === null) return undefined;
    const quick = quickReads ? take(raw) : SLOW;
    return quick !== SLOW ? (quick as z.output<typeof slow>) : z.parse(slow, raw);
  });
}

/** `lenientList(item, expected)`, each item read by hand first. */
export function lenientListQuick<S extends z.ZodMiniType>(
  item: S,
  expected: string,
  take: QuickRead<unknown>,
) {
  const slow = lenientList(item, expected);
  return readBy((raw): z.output<typeof slow> => {
    if (!quickReads || !Array.isArray(raw)) return z.parse(slow, raw);
    return raw.map((entry) => {
      const quick = take(entry);
      if (quick !== SLOW) return quick;
      const read = z.parse(slow, [entry]);
      return Array.isArray(read) ? read[0] : read;
    }) as z.output<typeof slow>;
  });
}
