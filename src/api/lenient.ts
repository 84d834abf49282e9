import * as z from 'zod/mini';
import { parseTimestamp, type Timestamp } from '../lib/timestamp';

/**
 * A value the API sent that could not be read as documented. It travels in place of the
 * value so the UI can show it (raw) and flag it, instead of hiding it or failing the page.
 */
export type Invalid = { readonly invalid: true; readonly raw: unknown; readonly reason: string };

export const invalid = (raw: unknown, reason: string): Invalid => ({ invalid: true, raw, reason });

export function isInvalid(value: unknown): value is Invalid {
  return (
    typeof value === 'object' &&
    value !== null &&
    'invalid' in value &&
    value.invalid === true &&
    'reason' in value
  );
}

function kindOf(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (raw === null) return 'null';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}

/** What a quick read returns when it cannot tell at once: the schema then reads the value. */
export const SLOW: unique symbol = Symbol('read by the schema');

/**
 * A read written out by hand for the values a large answer is made of (a peer report holds
 * tens of thousands of samples): exactly what the schema would make of the value, or SLOW for
 * anything else, which the schema then reads (and explains when it is wrong). The schema's own
 * machinery costs several times the read itself.
 */
export type QuickRead<T> = (raw: unknown) => T | typeof SLOW;

/** A value the strict schema takes as it is, told by a test of its own. */
const quickIf =
  (test: (raw: unknown) => boolean): QuickRead<never> =>
  (raw) =>
    test(raw) ? (raw as never) : SLOW;

export const quickString = quickIf((raw) => typeof raw === 'string');
/** A number as z.number() takes it: finite. */
export const quickNumber = quickIf((raw) => typeof raw === 'number' && Number.isFinite(raw));
export const quickBoolean = quickIf((raw) => typeof raw === 'boolean');
export const quickOneOf = (values: readonly string[]) =>
  quickIf((raw) => typeof raw === 'string' && values.includes(raw));
/** A timestamp as the schemas read one (a string or a number, through parseTimestamp). */
export const quickTimestamp: QuickRead<Timestamp> = (raw) => {
  if (typeof raw !== 'string' && typeof raw !== 'number') return SLOW;
  const result = parseTimestamp(raw);
  return result.ok ? result.value : SLOW;
};

const isPlainObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' &&
  raw !== null &&
  !Array.isArray(raw) &&
  Object.getPrototypeOf(raw) === Object.prototype;

/** A loose object's field: its lenient read schema, and its quick read where there is one. */
export type QuickField = { readonly read: z.ZodMiniType; readonly take?: QuickRead<unknown> };

/**
 * The read of a loose object of lenient fields by hand, as zod makes it: its fields in the
 * schema's order (an absent one stays absent, a null one reads as undefined), then the keys it
 * does not know, as sent. Anything but a plain object from JSON (or one with a "__proto__" key)
 * is left to zod.
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
    let known = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const value = raw[key];
      // JSON never holds undefined: an undefined value is an absent key, unless set so by hand.
      if (value === undefined && !Object.hasOwn(raw, key)) continue;
      known += 1;
      if (value === undefined || value === null) {
        out[key] = undefined;
        continue;
      }
      const field = list[i] as QuickField;
      const quick = field.take ? field.take(value) : SLOW;
      out[key] = quick !== SLOW ? quick : z.parse(field.read, value);
    }
    // Keys the schema does not know pass as sent, after its own.
    if (Object.keys(raw).length > known) {
      for (const key of Object.keys(raw)) if (!Object.hasOwn(fields, key)) out[key] = raw[key];
    }
    return out as never;
  };
}

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

/**
 * Wraps a strict schema so that a missing value (absent or null) reads as undefined and a
 * value the strict schema refuses becomes an Invalid marker carrying the raw value.
 */
export function lenient<S extends z.ZodMiniType>(
  strict: S,
  expected: string,
  take?: QuickRead<unknown>,
) {
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw): z.output<S> | Invalid | undefined => {
        if (raw === undefined || raw === null) return undefined;
        if (take && quickReads) {
          const quick = take(raw);
          if (quick !== SLOW) return quick as z.output<S>;
        }
        const result = z.safeParse(strict, raw);
        if (result.success) return result.data;
        const issue = result.error.issues[0];
        const detail =
          issue?.code === 'custom' || issue?.code === 'too_small'
            ? issue.message
            : issue?.code === 'invalid_value'
              ? 'got an unknown value'
              : `got ${kindOf(raw)}`;
        return invalid(raw, `expected ${expected}, ${detail}`);
      }),
    ),
  );
}

/** A list whose items are read one by one, so one bad item never discards the others. */
export function lenientList<S extends z.ZodMiniType>(
  item: S,
  expected: string,
  take?: QuickRead<unknown>,
) {
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw): Array<z.output<S> | Invalid> | Invalid | undefined => {
        if (raw === undefined || raw === null) return undefined;
        if (!Array.isArray(raw))
          return invalid(raw, `expected a list of ${expected}, got ${kindOf(raw)}`);
        return raw.map((entry) => {
          if (take && quickReads) {
            const quick = take(entry);
            if (quick !== SLOW) return quick as z.output<S>;
          }
          const result = z.safeParse(item, entry);
          return result.success
            ? result.data
            : invalid(entry, `expected ${expected}, got ${kindOf(entry)}`);
        });
      }),
    ),
  );
}

/** Every Invalid marker in a parsed value, with the path that leads to it. */
export function findInvalid(value: unknown, path = ''): Array<{ path: string; value: Invalid }> {
  if (isInvalid(value)) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findInvalid(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      findInvalid(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** The value when it was read as documented; undefined when missing or invalid. */
export function valid<T>(value: T | Invalid | undefined): T | undefined {
  return value === undefined || isInvalid(value) ? undefined : value;
}
