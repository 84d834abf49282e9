/**
 * The routes that find sessions and people (RealtimeKit's API, docs/UPSTREAM.md): the sessions
 * list, a meeting's active session, and the person search over a range (person-search.ts). As
 * for the other routes, the ids and the query are validated before any upstream call, the
 * per-user limit is spent only by a valid request (once per person search, whatever its
 * fan-out), and the upstream path and query are rebuilt from the validated values only.
 */
import { Hono } from 'hono';
import {
  readPersonSearchQuery,
  readSessionsListQuery,
  sessionsListQuery,
} from '../../src/api/sessions-list-params';
import { errorResponse, JSON_HEADERS } from './errors';
import { readId } from './path-ids';
import { personSearch } from './person-search';
import type { OverLimit } from './session-routes';
import type { Upstream } from './upstream';

const ACTIVE_SESSION_PATH = /^\/api\/meetings\/([^/]*)\/active-session$/;

/** The person search's answer: JSON lines, never cached, never sniffed. */
const NDJSON_HEADERS = {
  ...JSON_HEADERS,
  'content-type': 'application/x-ndjson; charset=utf-8',
} as const;

/** `now`: the time a range is judged against (RealtimeKit keeps 30 days of statistics). */
export function findRoutes(upstream: Upstream, overLimit: OverLimit, now: () => number = Date.now) {
  const api = new Hono();

  api.get('/sessions', (c) => {
    const query = readSessionsListQuery(new URL(c.req.url).searchParams, now());
    if (!query.ok) return errorResponse(400, 'invalid_request', query.message);
    const limited = overLimit(c);
    if (limited) return limited;
    return upstream.get('/sessions', sessionsListQuery(query.value), c.req.raw.signal);
  });

  api.get('/meetings/*', (c, next) => {
    const url = new URL(c.req.url);
    const match = ACTIVE_SESSION_PATH.exec(url.pathname);
    if (!match) return next();
    const id = readId('Meeting ID', match[1] ?? '');
    if (!id.ok) return errorResponse(400, 'invalid_request', id.message);
    if ([...url.searchParams.keys()].length > 0) {
      return errorResponse(400, 'invalid_request', 'The active session takes no query parameters.');
    }
    const limited = overLimit(c);
    if (limited) return limited;
    return upstream.get(`/meetings/${id.value}/active-session`, '', c.req.raw.signal);
  });

  api.get('/person-search', (c) => {
    const query = readPersonSearchQuery(new URL(c.req.url).searchParams, now());
    if (!query.ok) return errorResponse(400, 'invalid_request', query.message);
    const limited = overLimit(c);
    if (limited) return limited;
    return new Response(personSearch(upstream, query.value, c.req.raw.signal), {
      headers: NDJSON_HEADERS,
    });
  });

  return api;
}
