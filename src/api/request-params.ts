/**
 * The inputs of the participant endpoint and the rules they obey (this server's routes, see README), shared by
 * the form, the deep-link parser, the proxy and the mock so all four agree on what is valid.
 */
import { FILTERS, type Filter } from './participant-schema';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type IdCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks one id as typed or as found in a path segment (already decoded once). */
export function checkId(label: string, value: string): IdCheck {
  if (value.length === 0) return { ok: false, message: `${label} is empty.` };
  if (value.length > 64) {
    return { ok: false, message: `${label} is ${value.length} characters long; the limit is 64.` };
  }
  if (!ID_PATTERN.test(value)) {
    const bad = [...new Set(value.replace(/[A-Za-z0-9_-]/g, ''))].slice(0, 5);
    const shown = bad.map((ch) => JSON.stringify(ch)).join(' ');
    return {
      ok: false,
      message: `${label} may only contain letters, digits, "_" and "-" (found ${shown}).`,
    };
  }
  return { ok: true, value };
}

export type FiltersCheck = { ok: true; value: Filter[] } | { ok: false; message: string };

const isFilter = (value: string): value is Filter => (FILTERS as readonly string[]).includes(value);

/** Reads `filters` as the API takes it: comma separated, no spaces, documented names only. */
export function parseFilters(raw: string | null | undefined): FiltersCheck {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: [] };
  const parts = raw.split(',');
  const unknown = parts.filter((part) => !isFilter(part));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Unknown filters ${unknown.map((p) => JSON.stringify(p)).join(', ')}; use a comma separated list of ${FILTERS.join(', ')} with no spaces.`,
    };
  }
  const chosen = new Set(parts);
  return { ok: true, value: FILTERS.filter((f) => chosen.has(f)) };
}

export type BooleanCheck =
  | { ok: true; value: boolean | undefined }
  | { ok: false; message: string };

export function parseIncludePeerEvents(raw: string | null | undefined): BooleanCheck {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: undefined };
  if (raw === 'true') return { ok: true, value: true };
  if (raw === 'false') return { ok: true, value: false };
  return {
    ok: false,
    message: `include_peer_events must be "true" or "false", got ${JSON.stringify(raw.slice(0, 40))}.`,
  };
}

/**
 * The query string the API expects, built from validated values only. Commas stay literal, as
 * Cloudflare documents them (URLSearchParams would send %2C).
 */
export function participantQuery(
  filters: readonly Filter[],
  includePeerEvents: boolean | undefined,
): string {
  const parts: string[] = [];
  if (filters.length > 0) parts.push(`filters=${filters.join(',')}`);
  if (includePeerEvents !== undefined) parts.push(`include_peer_events=${includePeerEvents}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The longest search the lists take (characters). */
export const MAX_SEARCH_LENGTH = 100;

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

/** A session's status, as RealtimeKit's sessions list filters by it and its details say it. */
export const SESSION_STATUSES = ['LIVE', 'ENDED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** The sessions list's sort keys. */
export const SESSIONS_SORT_BY = ['createdAt', 'minutesConsumed'] as const;
export type SessionsSortBy = (typeof SESSIONS_SORT_BY)[number];
