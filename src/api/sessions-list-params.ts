/**
 * The inputs of the sessions list (RealtimeKit's API, docs/UPSTREAM.md: `GET …/sessions`) and
 * of this server's person search, and the rules they obey, shared by the browser, the proxy and
 * the mock so all three agree on what is valid. The list takes the upstream's own query names.
 * RealtimeKit keeps call statistics for 30 days: a range longer than that, or one that ended
 * before it, is refused here rather than answered with an empty list.
 */
import { STATS_RETENTION_DAYS, STATS_RETENTION_MS } from '../lib/time-range';
import { parseTimestamp } from '../lib/timestamp';
import {
  checkId,
  checkSearch,
  SESSION_STATUSES,
  SESSIONS_SORT_BY,
  type SessionStatus,
  type SessionsSortBy,
} from './request-params';
import {
  type Check,
  type Field,
  oneOf,
  pagingFields,
  queryValue,
  readFields,
  type SortOrder,
  searchField,
} from './session-params';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest range asked for at once: the whole retention window. */
export const MAX_RANGE_MS = STATS_RETENTION_MS;

export const MAX_SESSIONS_PER_PAGE = 100;

export const SESSIONS_LIST_QUERY_KEYS = [
  'start_time',
  'end_time',
  'status',
  'search',
  'associated_id',
  'sort_by',
  'sort_order',
  'page_no',
  'per_page',
] as const;

const PERSON_SEARCH_QUERY_KEYS = ['q', 'start_time', 'end_time'] as const;

export type SessionsListParams = {
  /** ISO 8601 in UTC, as rebuilt from the checked value. */
  readonly startTime?: string;
  readonly endTime?: string;
  readonly status?: SessionStatus;
  /** Matches meeting title, meeting id and session id; empty means no search. */
  readonly search?: string;
  /** The meeting's id. */
  readonly associatedId?: string;
  readonly sortBy?: SessionsSortBy;
  readonly sortOrder?: SortOrder;
  /** 0-based. */
  readonly pageNo?: number;
  readonly perPage?: number;
};

export type PersonSearchParams = {
  /**
   * What RealtimeKit's participants search matches (display name, custom participant id, often
   * an email, or participant id), trimmed.
   */
  readonly q: string;
  readonly startTime: string;
  readonly endTime: string;
};

const shown = (raw: string) => JSON.stringify(raw.slice(0, 40));

/** Refuses keys outside `allowed` (named, with the accepted list) and keys given twice. */
function onlyKeys(params: URLSearchParams, allowed: readonly string[], what: string) {
  const keys = [...params.keys()];
  const unknown = [...new Set(keys.filter((k) => !allowed.includes(k)))];
  if (unknown.length > 0) {
    const names = unknown.slice(0, 5).map(shown);
    return `Unknown query ${names.join(', ')}; ${what} takes only ${allowed.join(', ')}.`;
  }
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  return repeated === undefined ? null : `${repeated} is given more than once.`;
}

// A date, a time to the minute at least, and a zone: a time without one means a different
// moment in every agent's time zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 date-time with a zone, as epoch milliseconds. */
function dateTime(raw: string, name: string): Check<number> {
  const parsed = DATE_TIME.test(raw) ? parseTimestamp(raw) : null;
  if (parsed?.ok) return { ok: true, value: parsed.value.ms };
  // "+01:00" typed into a URL arrives as " 01:00": the plus has to be sent as %2B.
  const hint = /\s\d{2}:?\d{2}$/.test(raw) ? ' (send a "+" offset as %2B)' : '';
  return {
    ok: false,
    message: `${name} must be an ISO 8601 date and time with a zone, e.g. 2026-12-06T13:00:00Z or 2026-12-06T14:00:00+01:00, got ${shown(raw)}${hint}.`,
  };
}

/** The UTC form sent on: "2026-12-06T13:00:00Z" (milliseconds only when there are some). */
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

const RETENTION = `RealtimeKit keeps call statistics for ${STATS_RETENTION_DAYS} days`;

/**
 * The range rules: start not after end, at most MAX_RANGE_MS long, and not entirely older than
 * the retention window (an end before it, or with no end a start before it).
 */
function checkRange(
  start: { raw: string; ms: number } | undefined,
  end: { raw: string; ms: number } | undefined,
  now: number,
): string | null {
  const oldest = now - STATS_RETENTION_MS;
  if (start && end) {
    if (start.ms > end.ms) {
      return `start_time (${start.raw}) is after end_time (${end.raw}).`;
    }
    if (end.ms - start.ms > MAX_RANGE_MS) {
      return `The range is ${days(end.ms - start.ms)} days long; ask for at most ${days(MAX_RANGE_MS)} days.`;
    }
  }
  if (end && end.ms < oldest) {
    return `end_time (${end.raw}) is more than ${STATS_RETENTION_DAYS} days ago; ${RETENTION}.`;
  }
  if (start && !end && start.ms < oldest) {
    return `start_time (${start.raw}) is more than ${STATS_RETENTION_DAYS} days ago; ${RETENTION}.`;
  }
  return null;
}

/** Reads `start_time` and `end_time` (each optional here) and checks the range they make. */
function readRange(
  params: URLSearchParams,
  now: number,
): Check<{ startTime?: string; endTime?: string }> {
  const ends: Array<{ raw: string; ms: number } | undefined> = [];
  for (const name of ['start_time', 'end_time'] as const) {
    const raw = params.get(name);
    if (raw === null) {
      ends.push(undefined);
      continue;
    }
    const check = dateTime(raw, name);
    if (!check.ok) return check;
    ends.push({ raw: raw.slice(0, 40), ms: check.value });
  }
  const [start, end] = ends;
  const problem = checkRange(start, end, now);
  if (problem !== null) return { ok: false, message: problem };
  return {
    ok: true,
    value: {
      ...(start ? { startTime: iso(start.ms) } : {}),
      ...(end ? { endTime: iso(end.ms) } : {}),
    },
  };
}

/**
 * Reads the sessions list's query: unknown or repeated keys are refused rather than dropped, so
 * nothing reaches upstream that was not checked. `now` is the time the range is judged against.
 */
export function readSessionsListQuery(
  params: URLSearchParams,
  now: number,
): Check<SessionsListParams> {
  const keys = onlyKeys(params, SESSIONS_LIST_QUERY_KEYS, 'the sessions list');
  if (keys !== null) return { ok: false, message: keys };
  const range = readRange(params, now);
  if (!range.ok) return range;
  const fields = readFields(params, {
    status: ['status', (raw) => oneOf(raw, 'status', SESSION_STATUSES)] as Field<SessionStatus>,
    search: searchField,
    associatedId: ['associated_id', (raw) => checkId('associated_id', raw)] as Field<string>,
    ...pagingFields(SESSIONS_SORT_BY, MAX_SESSIONS_PER_PAGE),
  });
  if (!fields.ok) return fields;
  return { ok: true, value: { ...range.value, ...fields.value } };
}

/** Reads the person search's query: `q`, `start_time` and `end_time`, all required. */
export function readPersonSearchQuery(
  params: URLSearchParams,
  now: number,
): Check<PersonSearchParams> {
  const keys = onlyKeys(params, PERSON_SEARCH_QUERY_KEYS, 'the person search');
  if (keys !== null) return { ok: false, message: keys };
  const q = (params.get('q') ?? '').trim();
  if (q === '') {
    return {
      ok: false,
      message:
        'q is required: a name, custom participant id (or email) or participant id to look for.',
    };
  }
  const search = checkSearch(q);
  if (!search.ok) return search;
  for (const name of ['start_time', 'end_time'] as const) {
    if (params.get(name) === null) {
      return { ok: false, message: `${name} is required: the search covers one range of time.` };
    }
  }
  const range = readRange(params, now);
  if (!range.ok) return range;
  const { startTime, endTime } = range.value;
  if (startTime === undefined || endTime === undefined) {
    return { ok: false, message: 'start_time and end_time are required.' };
  }
  return { ok: true, value: { q, startTime, endTime } };
}

/** The query string the API expects, from validated values only, in one fixed order. */
export function sessionsListQuery(params: SessionsListParams): string {
  const parts: string[] = [];
  if (params.startTime !== undefined) parts.push(`start_time=${queryValue(params.startTime)}`);
  if (params.endTime !== undefined) parts.push(`end_time=${queryValue(params.endTime)}`);
  if (params.status !== undefined) parts.push(`status=${params.status}`);
  if (params.search) parts.push(`search=${queryValue(params.search)}`);
  if (params.associatedId !== undefined) parts.push(`associated_id=${params.associatedId}`);
  if (params.sortBy !== undefined) parts.push(`sort_by=${params.sortBy}`);
  if (params.sortOrder !== undefined) parts.push(`sort_order=${params.sortOrder}`);
  if (params.pageNo !== undefined) parts.push(`page_no=${params.pageNo}`);
  if (params.perPage !== undefined) parts.push(`per_page=${params.perPage}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The browser's `/api/person-search?…`, in one fixed order. */
export function personSearchSearch(params: PersonSearchParams): string {
  return `?q=${queryValue(params.q)}&start_time=${queryValue(params.startTime)}&end_time=${queryValue(params.endTime)}`;
}
