/**
 * The browser-facing API (this server's routes, see README). Ids and query are validated here, before any
 * upstream call; the upstream path and query are rebuilt from the validated values only.
 */
import { type Context, Hono } from 'hono';
import type { AppConfig } from '../../src/api/app-config-schema';
import { readPeerReportQuery } from '../../src/api/peer-report-schema';
import {
  parseFilters,
  parseIncludePeerEvents,
  participantQuery,
} from '../../src/api/request-params';
import type { Config } from '../config';
import { errorResponse, JSON_HEADERS } from './errors';
import { findRoutes } from './find-routes';
import { readId } from './path-ids';
import { createBudget } from './rate-limit';
import { sessionRoutes } from './session-routes';
import type { Upstream } from './upstream';

const PARTICIPANT_PATH = /^\/api\/sessions\/([^/]*)\/participants\/([^/]*)$/;
const PEER_REPORT_PATH = /^\/api\/sessions\/peer-report\/([^/]*)$/;

/** The first query key given more than once, else null. */
function repeatedKey(params: URLSearchParams): string | null {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

/** Who is asking, for the per-user limit: the Access email, else the client's address. */
export type WhoIsAsking = (c: Context) => string;

/**
 * `samples`: the lookup form's sample links, which /api/config lists (demo mode: the mock's
 * participants, passed in by the app so the proxy never reads the mock).
 */
export function apiRoutes(
  config: Config,
  upstream: Upstream,
  who: WhoIsAsking,
  samples?: AppConfig['samples'],
) {
  const api = new Hono();
  const perUser = createBudget({ limit: config.quota.perUserPerMinute, windowMs: 60_000 });
  const body: AppConfig = {
    mode: config.mode,
    samples,
    embed: { parent_origins: [...config.embed.parentOrigins] },
    live_refresh_ms: config.liveRefreshMs,
  };
  const configJson = JSON.stringify(body);

  // A key given twice would be read first-wins by one route and refused by another: every
  // route refuses it here, before its own checks, so no second value is ever silently dropped.
  api.use('*', async (c, next) => {
    const repeated = repeatedKey(new URL(c.req.url).searchParams);
    if (repeated !== null) {
      return errorResponse(
        400,
        'invalid_request',
        `The query key ${JSON.stringify(repeated.slice(0, 40))} is given more than once; give each key once.`,
      );
    }
    await next();
  });

  api.get('/config', () => new Response(configJson, { headers: JSON_HEADERS }));

  /** The per-user limit, spent only by a request that passed validation. */
  const overLimit = (c: Context) => {
    const wait = perUser.take(who(c));
    if (wait <= 0) return null;
    return errorResponse(
      429,
      'rate_limited',
      `Too many lookups from you in the last minute (limit ${config.quota.perUserPerMinute}).`,
      { 'retry-after': String(wait) },
    );
  };

  // The sessions list, a meeting's active session and the person search. First: Hono's
  // `/sessions/*` below also matches `/sessions`, and the participant route answers it 404.
  api.route('/', findRoutes(upstream, overLimit));

  // The peer report (RealtimeKit's API, docs/UPSTREAM.md): `…/sessions/peer-report/{peer_id}` upstream.
  api.get('/sessions/peer-report/*', async (c, next) => {
    const url = new URL(c.req.url);
    const match = PEER_REPORT_PATH.exec(url.pathname);
    // "peer-report" is also a valid session id: a deeper path is the participant route's.
    if (!match) return next();
    const id = readId('Peer ID', match[1] ?? '');
    if (!id.ok) return errorResponse(400, 'invalid_request', id.message);
    const query = readPeerReportQuery(url.searchParams);
    if (!query.ok) return errorResponse(400, 'invalid_request', query.message);
    const limited = overLimit(c);
    if (limited) return limited;
    return upstream.get(
      `/sessions/peer-report/${id.value}`,
      participantQuery(query.filters, query.includePeerEvents),
      c.req.raw.signal,
    );
  });

  // A session's participants and details; anything deeper falls through to the participant.
  api.route('/', sessionRoutes(upstream, overLimit));

  api.get('/sessions/*', async (c) => {
    const match = PARTICIPANT_PATH.exec(new URL(c.req.url).pathname);
    if (!match) return errorResponse(404, 'not_found', 'No such API route.');
    const ids: string[] = [];
    for (const [label, segment] of [
      ['Session ID', match[1] ?? ''],
      ['Participant ID', match[2] ?? ''],
    ] as const) {
      const check = readId(label, segment);
      if (!check.ok) return errorResponse(400, 'invalid_request', check.message);
      ids.push(check.value);
    }
    const filters = parseFilters(c.req.query('filters'));
    if (!filters.ok) return errorResponse(400, 'invalid_request', filters.message);
    const include = parseIncludePeerEvents(c.req.query('include_peer_events'));
    if (!include.ok) return errorResponse(400, 'invalid_request', include.message);
    const [sessionId, participantId] = ids;
    const limited = overLimit(c);
    if (limited) return limited;
    return upstream.get(
      `/sessions/${sessionId}/participants/${participantId}`,
      participantQuery(filters.value, include.value),
      c.req.raw.signal,
    );
  });

  api.all('*', () => errorResponse(404, 'not_found', 'No such API route.'));
  return api;
}
