/**
 * The inputs of "participants of a session" (RealtimeKit's API, docs/UPSTREAM.md) and the rules they obey, shared by
 * the picker, the proxy and the mock so all three agree on what is valid. The list stays
 * light: `include_peer_events` and `view` are not taken (unknown keys are refused).
 */
import { checkSearch } from './request-params';

export const SORT_BY = ['joinedAt', 'duration'] as const;
export type SortBy = (typeof SORT_BY)[number];
export const SORT_ORDER = ['ASC', 'DESC'] as const;
export type SortOrder = (typeof SORT_ORDER)[number];

export const MAX_PER_PAGE = 200;
/** Pages beyond this are not a real session's (200 × 1,000,000 participants). */
const MAX_PAGE_NO = 999_999;

export type SessionParticipantsParams = {
  /** Matches id, custom id or display name; empty means no search. */
  readonly search?: string;
  /** 0-based. */
  readonly pageNo?: number;
  readonly perPage?: number;
  readonly sortBy?: SortBy;
  readonly sortOrder?: SortOrder;
};

export const SESSION_PARTICIPANTS_QUERY_KEYS = [
  'search',
  'page_no',
  'per_page',
  'sort_by',
  'sort_order',
] as const;

export type SessionParticipantsCheck =
  | { ok: true; value: SessionParticipantsParams }
  | { ok: false; message: string };

export function integer(raw: string, name: string, min: number, max: number) {
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    return {
      ok: false as const,
      message: `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw.slice(0, 40))}.`,
    };
  }
  return { ok: true as const, value: Number(raw) };
}

export function oneOf<T extends string>(raw: string, name: string, allowed: readonly T[]) {
  const found = allowed.find((a) => a === raw);
  if (found === undefined) {
    return {
      ok: false as const,
      message: `${name} must be ${allowed.join(' or ')}, got ${JSON.stringify(raw.slice(0, 40))}.`,
    };
  }
  return { ok: true as const, value: found };
}

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** A query key and the check its value passes; the field is left out when the key is absent. */
export type Field<T> = readonly [key: string, check: (raw: string) => Check<T>];

type FieldValues<F> = { -readonly [K in keyof F]?: F[K] extends Field<infer T> ? T : never };

/** Reads each field the query holds; the first value that fails its check is the answer. */
export function readFields<F extends Record<string, Field<unknown>>>(
  params: URLSearchParams,
  fields: F,
): Check<FieldValues<F>> {
  const value: Record<string, unknown> = {};
  for (const [name, [key, check]] of Object.entries(fields)) {
    const raw = params.get(key);
    if (raw === null) continue;
    const read = check(raw);
    if (!read.ok) return read;
    if (read.value !== undefined) value[name] = read.value;
  }
  // Each name's value passed that name's own check just above.
  return { ok: true, value: value as FieldValues<F> };
}

/** The search field: empty means no search. */
export const searchField: Field<string | undefined> = [
  'search',
  (raw) => {
    if (raw === '') return { ok: true, value: undefined };
    const check = checkSearch(raw);
    return check.ok ? { ok: true, value: raw } : check;
  },
];

/** Page and sort fields, as both RealtimeKit lists take them. */
export const pagingFields = <S extends string>(sortBy: readonly S[], maxPerPage: number) => ({
  pageNo: ['page_no', (raw: string) => integer(raw, 'page_no', 0, MAX_PAGE_NO)] as Field<number>,
  perPage: ['per_page', (raw: string) => integer(raw, 'per_page', 1, maxPerPage)] as Field<number>,
  sortBy: ['sort_by', (raw: string) => oneOf(raw, 'sort_by', sortBy)] as Field<S>,
  sortOrder: [
    'sort_order',
    (raw: string) => oneOf(raw, 'sort_order', SORT_ORDER),
  ] as Field<SortOrder>,
});

/**
 * Reads the list's query: unknown or repeated keys are refused rather than dropped, so nothing
 * reaches upstream that was not checked.
 */
export function readSessionParticipantsQuery(params: URLSearchParams): SessionParticipantsCheck {
  const keys = [...params.keys()];
  const allowed: readonly string[] = SESSION_PARTICIPANTS_QUERY_KEYS;
  const unknown = [...new Set(keys.filter((k) => !allowed.includes(k)))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
    return {
      ok: false,
      message: `Unknown query ${shown.join(', ')}; the participant list takes only ${SESSION_PARTICIPANTS_QUERY_KEYS.join(', ')}.`,
    };
  }
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) return { ok: false, message: `${repeated} is given more than once.` };
  return readFields(params, { search: searchField, ...pagingFields(SORT_BY, MAX_PER_PAGE) });
}

/** The query string the API expects, from validated values only, in one fixed order. */
/**
 * A query value percent-encoded down to letters, digits and `-_.`: encodeURIComponent leaves
 * `!'()*~` as they are, which the upstream's allowed query characters do not include.
 */
export function queryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*~]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sessionParticipantsQuery(params: SessionParticipantsParams): string {
  const parts: string[] = [];
  if (params.search) parts.push(`search=${queryValue(params.search)}`);
  if (params.pageNo !== undefined) parts.push(`page_no=${params.pageNo}`);
  if (params.perPage !== undefined) parts.push(`per_page=${params.perPage}`);
  if (params.sortBy !== undefined) parts.push(`sort_by=${params.sortBy}`);
  if (params.sortOrder !== undefined) parts.push(`sort_order=${params.sortOrder}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
