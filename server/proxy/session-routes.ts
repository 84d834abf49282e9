/**
 * The session routes (RealtimeKit's API, docs/UPSTREAM.md): the participants of a session and the session's
 * details. As for the participant route, the id and the query are validated before any
 * upstream call, the per-user limit is spent only by a valid request, and the upstream path and
 * query are rebuilt from the validated values only. Paths these do not match (a participant, a
 * peer report) fall through to the routes mounted after them.
 */
import { type Context, Hono } from 'hono';
import {
  readSessionParticipantsQuery,
  sessionParticipantsQuery,
} from '../../src/api/session-params';
import { errorResponse } from './errors';
import { readId } from './path-ids';
import type { Upstream } from './upstream';

const LIST_PATH = /^\/api\/sessions\/([^/]*)\/participants$/;
const DETAILS_PATH = /^\/api\/sessions\/([^/]*)$/;

/** The per-user limit: a 429 answer when spent, else null. */
export type OverLimit = (c: Context) => Response | null;

export function sessionRoutes(upstream: Upstream, overLimit: OverLimit) {
  const api = new Hono();

  api.get('/sessions/*', async (c, next) => {
    const url = new URL(c.req.url);
    const list = LIST_PATH.exec(url.pathname);
    const details = list ? null : DETAILS_PATH.exec(url.pathname);
    const match = list ?? details;
    if (!match) return next();
    const id = readId('Session ID', match[1] ?? '');
    if (!id.ok) return errorResponse(400, 'invalid_request', id.message);
    if (list) {
      const query = readSessionParticipantsQuery(url.searchParams);
      if (!query.ok) return errorResponse(400, 'invalid_request', query.message);
      const limited = overLimit(c);
      if (limited) return limited;
      return upstream.get(
        `/sessions/${id.value}/participants`,
        sessionParticipantsQuery(query.value),
        c.req.raw.signal,
      );
    }
    if ([...url.searchParams.keys()].length > 0) {
      return errorResponse(400, 'invalid_request', 'Session details take no query parameters.');
    }
    const limited = overLimit(c);
    if (limited) return limited;
    return upstream.get(`/sessions/${id.value}`, '', c.req.raw.signal);
  });

  return api;
}
