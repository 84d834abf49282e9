/**
 * The inputs of "participants of a session" (RealtimeKit's API, docs/UPSTREAM.md) and the rules they obey, shared by
 * the picker, the proxy and the mock so all three agree on what is valid. The list stays
 * light: `include_peer_events` and `view` are not taken (unknown keys are refused).
 */

export const SORT_BY = ['joinedAt', 'duration'] as const;
export type SortBy = (typeof SORT_BY)[number];
export const SORT_ORDER = ['ASC', 'DESC'] as const;
export type SortOrder = (typeof SORT_ORDER)[number];

export const MAX_PER_PAGE = 200;
export const MAX_SEARCH_LENGTH = 100;
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

// Control characters and line/paragraph separators: nothing a name search needs, and they
// travel badly through logs and upstream URLs.
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

/** Checks a search as typed (the picker says why before asking the server). */
export function checkSearch(search: string): { ok: true } | { ok: false; message: string } {
  if ([...search].length > MAX_SEARCH_LENGTH) {
    return { ok: false, message: `The search is longer than ${MAX_SEARCH_LENGTH} characters.` };
  }
  if (NOT_PRINTABLE.test(search)) {
    return { ok: false, message: 'The search holds control characters; type plain text.' };
  }
  return { ok: true };
}

function integer(raw: string, name: string, min: number, max: number) {
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    return {
      ok: false as const,
      message: `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw.slice(0, 40))}.`,
    };
  }
  return { ok: true as const, value: Number(raw) };
}

function oneOf<T extends string>(raw: string, name: string, allowed: readonly T[]) {
  const found = allowed.find((a) => a === raw);
  if (found === undefined) {
    return {
      ok: false as const,
      message: `${name} must be ${allowed.join(' or ')}, got ${JSON.stringify(raw.slice(0, 40))}.`,
    };
  }
  return { ok: true as const, value: found };
}

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
  const value: {
    search?: string;
    pageNo?: number;
    perPage?: number;
    sortBy?: SortBy;
    sortOrder?: SortOrder;
  } = {};
  const search = params.get('search');
  if (search !== null && search !== '') {
    const check = checkSearch(search);
    if (!check.ok) return check;
    value.search = search;
  }
  const pageNo = params.get('page_no');
  if (pageNo !== null) {
    const check = integer(pageNo, 'page_no', 0, MAX_PAGE_NO);
    if (!check.ok) return check;
    value.pageNo = check.value;
  }
  const perPage = params.get('per_page');
  if (perPage !== null) {
    const check = integer(perPage, 'per_page', 1, MAX_PER_PAGE);
    if (!check.ok) return check;
    value.perPage = check.value;
  }
  const sortBy = params.get('sort_by');
  if (sortBy !== null) {
    const check = oneOf(sortBy, 'sort_by', SORT_BY);
    if (!check.ok) return check;
    value.sortBy = check.value;
  }
  const sortOrder = params.get('sort_order');
  if (sortOrder !== null) {
    const check = oneOf(sortOrder, 'sort_order', SORT_ORDER);
    if (!check.ok) return check;
    value.sortOrder = check.value;
  }
  return { ok: true, value };
}

/** The query string the API expects, from validated values only, in one fixed order. */
export function sessionParticipantsQuery(params: SessionParticipantsParams): string {
  const parts: string[] = [];
  if (params.search) parts.push(`search=${encodeURIComponent(params.search)}`);
  if (params.pageNo !== undefined) parts.push(`page_no=${params.pageNo}`);
  if (params.perPage !== undefined) parts.push(`per_page=${params.perPage}`);
  if (params.sortBy !== undefined) parts.push(`sort_by=${params.sortBy}`);
  if (params.sortOrder !== undefined) parts.push(`sort_order=${params.sortOrder}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
