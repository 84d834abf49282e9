/**
 * The finding pages' part of the URL schema: `/sessions` (browse sessions by range, status and
 * meeting), `/find` (a person over a range) and `/live` (a meeting's session in progress).
 * schema.ts names the page from the path; its query is read here, in the pages' own chunk, so
 * a deep link to a participant never loads it.
 * Their whole state is in the query, so every search is a deep link. As for the participant's
 * link, nothing here throws: what cannot be read becomes a problem shown on the page, and the
 * page opens with the defaults in its place.
 */
import {
  checkId,
  checkSearch,
  SESSION_STATUSES,
  SESSIONS_SORT_BY,
  type SessionStatus,
  type SessionsSortBy,
} from '../../api/request-params';
import { type RangeChoice, readRangeParam } from '../time-range';
import type { FindingPage } from './schema';

export type { SessionStatus, SessionsSortBy as SessionSort };

export type SessionsBrowse = {
  readonly range: RangeChoice;
  readonly status: SessionStatus | null;
  /** Meeting title, meeting id or session id; empty for all. */
  readonly search: string;
  readonly sortBy: SessionsSortBy;
  readonly sortOrder: 'ASC' | 'DESC';
  /** 0-based (the URL's `page` counts from 1). */
  readonly page: number;
};

export const DEFAULT_BROWSE: SessionsBrowse = {
  range: 'last-7-days',
  status: null,
  search: '',
  sortBy: 'createdAt',
  sortOrder: 'DESC',
  page: 0,
};

export type FindParams = { readonly q: string; readonly range: RangeChoice };

export type FindRoute =
  | {
      readonly kind: 'sessions';
      readonly params: SessionsBrowse;
      readonly problems: readonly string[];
    }
  | {
      readonly kind: 'find';
      /** Null when the link holds no search to run (no `q`, or one that cannot be sent). */
      readonly params: FindParams | null;
      /** What the form starts with: the link's words and range as typed. */
      readonly draft: FindParams;
      readonly problems: readonly string[];
    }
  | {
      readonly kind: 'live';
      readonly meeting: string | null;
      readonly problems: readonly string[];
    };

const DEFAULT_FIND_RANGE: RangeChoice = 'last-7-days';

function rangeOf(query: URLSearchParams, fallback: RangeChoice, problems: string[]): RangeChoice {
  const read = readRangeParam(query.get('range'));
  if (read === null) return fallback;
  if (typeof read === 'object' && 'problem' in read) {
    problems.push(read.problem);
    return fallback;
  }
  return read;
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  name: string,
  problems: string[],
): T | null {
  if (value === null || value === '') return null;
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    problems.push(
      `The link's ${name} ("${value.slice(0, 40)}") is not one of ${allowed.join(', ')}.`,
    );
  }
  return found ?? null;
}

function pageOf(raw: string | null, problems: string[]): number {
  if (raw === null) return 0;
  if (/^\d{1,6}$/.test(raw) && Number(raw) >= 1) return Number(raw) - 1;
  problems.push(`The link's page ("${raw.slice(0, 20)}") is not a page number.`);
  return 0;
}

function browseOf(query: URLSearchParams): FindRoute {
  // Read in the order the link writes them, so the problems are listed in that order too.
  const problems: string[] = [];
  const range = rangeOf(query, DEFAULT_BROWSE.range, problems);
  const status = oneOf(query.get('status'), SESSION_STATUSES, 'status', problems);
  const search = (query.get('search') ?? '').trim();
  const searchCheck = checkSearch(search);
  if (!searchCheck.ok) problems.push(searchCheck.message);
  const sortBy =
    oneOf(query.get('sort'), SESSIONS_SORT_BY, 'sort', problems) ?? DEFAULT_BROWSE.sortBy;
  const sortOrder =
    oneOf(query.get('order'), ['ASC', 'DESC'] as const, 'order', problems) ?? 'DESC';
  const page = pageOf(query.get('page'), problems);
  return {
    kind: 'sessions',
    problems,
    params: { range, status, search: searchCheck.ok ? search : '', sortBy, sortOrder, page },
  };
}

function findOf(query: URLSearchParams): FindRoute {
  const problems: string[] = [];
  const q = (query.get('q') ?? '').trim();
  const range = rangeOf(query, DEFAULT_FIND_RANGE, problems);
  const check = checkSearch(q);
  if (!check.ok) problems.push(check.message);
  const draft = { q, range };
  return { kind: 'find', draft, problems, params: q !== '' && check.ok ? draft : null };
}

function liveOf(query: URLSearchParams): FindRoute {
  const meeting = query.get('meeting');
  if (meeting === null || meeting === '') return { kind: 'live', meeting: null, problems: [] };
  const check = checkId('Meeting ID', meeting);
  return check.ok
    ? { kind: 'live', meeting, problems: [] }
    : { kind: 'live', meeting: null, problems: [check.message] };
}

/** A finding page's query read through its schema (in the page's own chunk). */
export function parseFindRoute(page: FindingPage, search: string): FindRoute {
  const query = new URLSearchParams(search);
  if (page === 'sessions') return browseOf(query);
  if (page === 'find') return findOf(query);
  return liveOf(query);
}
