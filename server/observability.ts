/**
 * Every request gets an id (X-Request-Id, also inside every error body) and one structured log
 * line: method, route, status, duration, request id. The route is the pattern, never the ids
 * or the query; no header is logged, so neither the Authorization header nor a token can be.
 */
import { createMiddleware } from 'hono/factory';

export type LogLine = {
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [field: string]: string | number | boolean | null;
};

export type Logger = (line: LogLine) => void;

export const jsonLogger: Logger = (line) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));
};

/** The API routes, by the path's shape: the log names the route, never the ids in it. */
const API_ROUTES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/api\/config$/, '/api/config'],
  [/^\/api\/sessions$/, '/api/sessions'],
  [/^\/api\/person-search$/, '/api/person-search'],
  [/^\/api\/meetings\/[^/]*\/active-session$/, '/api/meetings/:meeting_id/active-session'],
  [/^\/api\/sessions\/peer-report\/[^/]*$/, '/api/sessions/peer-report/:peer_id'],
  [
    /^\/api\/sessions\/[^/]*\/participants\/[^/]*$/,
    '/api/sessions/:session_id/participants/:participant_id',
  ],
  [/^\/api\/sessions\/[^/]*\/participants$/, '/api/sessions/:session_id/participants'],
  [/^\/api\/sessions\/[^/]*$/, '/api/sessions/:session_id'],
];

/** The route a path belongs to, with ids left out of the log. */
export function routeOf(path: string): string {
  const api = API_ROUTES.find(([pattern]) => pattern.test(path));
  if (api) return api[1];
  // Any other API path may carry ids (or junk); only its shape is logged.
  if (path.startsWith('/api/')) return '/api/(other)';
  if (path.startsWith('/assets/')) return '/assets/*';
  if (path.startsWith('/mock/')) return '/mock/*';
  if (/^\/sessions\/[^/]*\/participants\/[^/]*\/?$/.test(path))
    return '/sessions/:id/participants/:id';
  return ['/', '/healthz', '/readyz', '/favicon.svg', '/robots.txt'].includes(path)
    ? path
    : '(other)';
}

export type ObservabilityVariables = { requestId: string };

const INCOMING_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

export function observability(log: Logger, basePath = '/') {
  return createMiddleware<{ Variables: ObservabilityVariables }>(async (c, next) => {
    const started = performance.now();
    // A well-formed id from a front proxy is kept so logs can be joined; anything else is replaced.
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    if (c.res.status >= 400 && c.res.headers.get('content-type')?.startsWith('application/json')) {
      c.res = await withRequestId(c.res, requestId);
    }
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route: routeOf(`/${new URL(c.req.url).pathname.slice(basePath.length)}`),
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      request_id: requestId,
    });
  });
}

/** Error bodies carry the request id, so an agent's screenshot leads to the log line. */
async function withRequestId(res: Response, requestId: string): Promise<Response> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, res);
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (typeof error === 'object' && error !== null) {
      body = { ...body, error: { ...error, request_id: requestId } };
    }
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
