import * as z from 'zod/mini';

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

/**
 * Wraps a strict schema so that a missing value (absent or null) reads as undefined and a
 * value the strict schema refuses becomes an Invalid marker carrying the raw value.
 */
export function lenient<S extends z.ZodMiniType>(strict: S, expected: string) {
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw): z.output<S> | Invalid | undefined => {
        if (raw === undefined || raw === null) return undefined;
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
export function lenientList<S extends z.ZodMiniType>(item: S, expected: string) {
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((raw): Array<z.output<S> | Invalid> | Invalid | undefined => {
        if (raw === undefined || raw === null) return undefined;
        if (!Array.isArray(raw))
          return invalid(raw, `expected a list of ${expected}, got ${kindOf(raw)}`);
        return raw.map((entry) => {
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
