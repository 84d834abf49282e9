/**
 * The browser-facing API (CONTRACT.md B3). Ids and query are validated here, before any
 * upstream call; the upstream path and query are rebuilt from the validated values only.
 */
import { type Context, Hono } from 'hono';
import type { AppConfig } from '../../src/api/app-config-schema';
import {
  checkId,
  parseFilters,
  parseIncludePeerEvents,
  participantQuery,
} from '../../src/api/request-params';
import type { Config, Mode } from '../config';
import { SCENARIOS } from '../mock/scenarios';
import { errorResponse, JSON_HEADERS } from './errors';
import { createBudget } from './rate-limit';
import type { Upstream } from './upstream';

const PARTICIPANT_PATH = /^\/api\/sessions\/([^/]*)\/participants\/([^/]*)$/;

function decodeOnce(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function samplesFor(mode: Mode): AppConfig['samples'] {
  if (mode !== 'demo') return undefined;
  return SCENARIOS.map((s) => ({
    label: s.label,
    session_id: s.sessionId,
    participant_id: s.participantId,
    group: s.kind === 'fault' ? ('errors' as const) : ('participants' as const),
  }));
}

/** Who is asking, for the per-user limit: the Access email, else the client's address. */
export type WhoIsAsking = (c: Context) => string;

export function apiRoutes(config: Config, upstream: Upstream, who: WhoIsAsking) {
  const api = new Hono();
  const perUser = createBudget({ limit: config.quota.perUserPerMinute, windowMs: 60_000 });
  const body: AppConfig = {
    mode: config.mode,
    samples: samplesFor(config.mode),
    embed: { parent_origins: [...config.embed.parentOrigins] },
  };
  const configJson = JSON.stringify(body);

  api.get('/config', () => new Response(configJson, { headers: JSON_HEADERS }));

  api.get('/sessions/*', async (c) => {
    const match = PARTICIPANT_PATH.exec(new URL(c.req.url).pathname);
    if (!match) return errorResponse(404, 'not_found', 'No such API route.');
    const ids: string[] = [];
    for (const [label, segment] of [
      ['Session ID', match[1] ?? ''],
      ['Participant ID', match[2] ?? ''],
    ] as const) {
      const decoded = decodeOnce(segment);
      const check =
        decoded === null
          ? { ok: false as const, message: `${label} is not valid percent-encoding.` }
          : checkId(label, decoded);
      if (!check.ok) return errorResponse(400, 'invalid_request', check.message);
      ids.push(check.value);
    }
    const filters = parseFilters(c.req.query('filters'));
    if (!filters.ok) return errorResponse(400, 'invalid_request', filters.message);
    const include = parseIncludePeerEvents(c.req.query('include_peer_events'));
    if (!include.ok) return errorResponse(400, 'invalid_request', include.message);
    const [sessionId, participantId] = ids;
    const wait = perUser.take(who(c));
    if (wait > 0) {
      return errorResponse(
        429,
        'rate_limited',
        `Too many lookups from you in the last minute (limit ${config.quota.perUserPerMinute}).`,
        { 'retry-after': String(wait) },
      );
    }
    return upstream.get(
      `/sessions/${sessionId}/participants/${participantId}`,
      participantQuery(filters.value, include.value),
      c.req.raw.signal,
    );
  });

  api.all('*', () => errorResponse(404, 'not_found', 'No such API route.'));
  return api;
}
