/**
 * The mock's sessions list (`GET …/realtime/kit/{app_id}/sessions`, docs/UPSTREAM.md), as the
 * official SDK 7.3.0 types it: a time range on when a session started, `status`, `search` over
 * the meeting's title, the meeting's id and the session's id, `associated_id`, sort by minutes
 * or creation, and pages counted from 0 like the participants list. Each row is the session's
 * own details (./sessions.ts), so a row and its session never disagree; `paging` is at the top
 * level, where the SDK has it.
 */
import { Hono } from 'hono';
import { checkSearch, SESSION_STATUSES, SESSIONS_SORT_BY } from '../../src/api/request-params';
import { SORT_ORDER } from '../../src/api/session-params';
import type { WireSession } from '../../src/api/session-schema';
import {
  MAX_SESSIONS_PER_PAGE,
  SESSIONS_LIST_QUERY_KEYS,
} from '../../src/api/sessions-list-params';
import type { WireSessionsListResponse } from '../../src/api/sessions-list-schema';
import { kitError } from './envelopes';
import { detailsOf, refuseOther, type SessionMockOptions } from './sessions';

const SESSIONS_DEFAULT_PER_PAGE = 20;
/** More per page is served as this many (this server asks for no more). */
const SESSIONS_MAX_PER_PAGE = MAX_SESSIONS_PER_PAGE;
const MAX_PAGE_NO = 999_999;

// The SDK also types `participants` (undocumented): taken and ignored.
const QUERY_KEYS = [...SESSIONS_LIST_QUERY_KEYS, 'participants'] as const;

type MockListParams = {
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly status: (typeof SESSION_STATUSES)[number] | undefined;
  /** Lower case. */
  readonly search: string | undefined;
  readonly associatedId: string | undefined;
  readonly sortBy: (typeof SESSIONS_SORT_BY)[number];
  readonly sortOrder: (typeof SORT_ORDER)[number];
  /** 0-based. */
  readonly pageNo: number;
  readonly perPage: number;
};

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

const shown = (raw: string) => JSON.stringify(raw.slice(0, 40));

// An ISO 8601 date, or date and time with an optional zone (UTC when it has none).
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function time(raw: string, name: string): Check<number> {
  const match = ISO.exec(raw);
  const at = match ? Date.parse(raw.includes('T') && !match[1] ? `${raw}Z` : raw) : Number.NaN;
  return Number.isFinite(at)
    ? { ok: true, value: at }
    : { ok: false, message: `${name} must be an ISO date-time, got ${shown(raw)}.` };
}

function oneOf<T extends string>(raw: string, name: string, allowed: readonly T[]): Check<T> {
  const found = allowed.find((a) => a === raw);
  return found === undefined
    ? { ok: false, message: `${name} must be ${allowed.join(' or ')}, got ${shown(raw)}.` }
    : { ok: true, value: found };
}

function whole(raw: string, name: string, max: number): Check<number> {
  return /^\d{1,7}$/.test(raw) && Number(raw) <= max
    ? { ok: true, value: Number(raw) }
    : { ok: false, message: `${name} must be a whole number from 0 to ${max}, got ${shown(raw)}.` };
}

/** Reads the list's query; unknown and repeated keys are refused, as the participants list does. */
function readMockListQuery(query: URLSearchParams): Check<MockListParams> {
  const keys = [...query.keys()];
  const allowed: readonly string[] = QUERY_KEYS;
  const unknown = keys.find((k) => !allowed.includes(k));
  if (unknown !== undefined) {
    return {
      ok: false,
      message: `Unknown query ${shown(unknown)}; the sessions list takes ${QUERY_KEYS.join(', ')}.`,
    };
  }
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated !== undefined) return { ok: false, message: `${repeated} is given more than once.` };
  const get = <T>(key: string, check: (raw: string) => Check<T>): Check<T | undefined> => {
    const raw = query.get(key);
    return raw === null ? { ok: true, value: undefined } : check(raw);
  };
  const text = (raw: string): Check<string> => ({ ok: true, value: raw });
  const from = get('start_time', (raw) => time(raw, 'start_time'));
  if (!from.ok) return from;
  const to = get('end_time', (raw) => time(raw, 'end_time'));
  if (!to.ok) return to;
  if (from.value !== undefined && to.value !== undefined && from.value > to.value) {
    return { ok: false, message: 'start_time must not be after end_time.' };
  }
  const status = get('status', (raw) => oneOf(raw, 'status', SESSION_STATUSES));
  if (!status.ok) return status;
  const sortBy = get('sort_by', (raw) => oneOf(raw, 'sort_by', SESSIONS_SORT_BY));
  if (!sortBy.ok) return sortBy;
  const sortOrder = get('sort_order', (raw) => oneOf(raw, 'sort_order', SORT_ORDER));
  if (!sortOrder.ok) return sortOrder;
  const pageNo = get('page_no', (raw) => whole(raw, 'page_no', MAX_PAGE_NO));
  if (!pageNo.ok) return pageNo;
  const perPage = get('per_page', (raw) => whole(raw, 'per_page', 9_999_999));
  if (!perPage.ok) return perPage;
  const search = get('search', (raw) => {
    const check = checkSearch(raw);
    return check.ok ? text(raw) : check;
  });
  if (!search.ok) return search;
  const associatedId = get('associated_id', text);
  if (!associatedId.ok) return associatedId;
  return {
    ok: true,
    value: {
      from: from.value,
      to: to.value,
      status: status.value,
      // An empty search or meeting id asks for nothing.
      search: search.value ? search.value.toLowerCase() : undefined,
      associatedId: associatedId.value || undefined,
      sortBy: sortBy.value ?? 'createdAt',
      sortOrder: sortOrder.value ?? 'DESC',
      pageNo: pageNo.value ?? 0,
      perPage: Math.min(perPage.value ?? SESSIONS_DEFAULT_PER_PAGE, SESSIONS_MAX_PER_PAGE),
    },
  };
}

/** Filter, sort (ties in id order, so pages never repeat or skip a session) and one page. */
function sessionsPage(rows: readonly WireSession[], params: MockListParams) {
  const needle = params.search;
  const found = rows.filter((s) => {
    const started = Date.parse(s.started_at);
    if (params.from !== undefined && started < params.from) return false;
    if (params.to !== undefined && started > params.to) return false;
    if (params.status !== undefined && s.status !== params.status) return false;
    if (params.associatedId !== undefined && s.associated_id !== params.associatedId) return false;
    return (
      needle === undefined ||
      [s.meeting_display_name, s.associated_id, s.id].some((v) => v.toLowerCase().includes(needle))
    );
  });
  const key = (s: WireSession) =>
    params.sortBy === 'minutesConsumed' ? s.minutes_consumed : Date.parse(s.created_at);
  found.sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
  if (params.sortOrder === 'DESC') found.reverse();
  const start = params.pageNo * params.perPage;
  const sessions = found.slice(start, start + params.perPage);
  return {
    sessions,
    paging: {
      start_offset: start + 1,
      end_offset: start + sessions.length,
      total_count: found.length,
    },
  };
}

/** The list, mounted by the mock under `/accounts/:account/realtime/kit/:app/sessions`. */
export function createSessionsListMock(options: SessionMockOptions) {
  const app = new Hono();
  app.get('/', (c) => {
    const refused = refuseOther(c, options);
    if (refused) return refused;
    const params = readMockListQuery(new URL(c.req.url).searchParams);
    if (!params.ok) return c.json(kitError(400, params.message), 400);
    const rows = options.catalog.sessions().map((info) => detailsOf(options, info));
    const { sessions, paging } = sessionsPage(rows, params.value);
    const body: WireSessionsListResponse = { success: true, data: { sessions }, paging };
    return c.json(body);
  });
  return app;
}
