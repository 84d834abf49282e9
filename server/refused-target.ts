/**
 * A request whose raw target URL parsing would silently rewrite ("..", "%2e%2e" and "\"
 * resolve into another path) is refused with 400 instead. The Node listener sees the raw target
 * and only marks the request; the app answers it after its request id, log line and security
 * headers, like any other answer.
 */
import { createMiddleware } from 'hono/factory';
import { errorResponse } from './proxy/errors';

export function rawTargetProblem(target: string): string | null {
  const path = target.split('?', 1)[0] ?? '';
  if (/\\|%5c/i.test(path)) return 'The path contains a backslash.';
  const dotSegment = /^(?:\.|%2e){1,2}$/i;
  if (path.split('/').some((segment) => dotSegment.test(segment))) {
    return 'The path contains a "." or ".." segment.';
  }
  return null;
}

// A symbol: no runtime binding (a Worker's env) can carry it by accident.
const REFUSED = Symbol('refused target');

/** The runtime's bindings, marked with why the request's raw target is refused. */
export function markRefused<Env extends object>(env: Env, problem: string): Env {
  return { ...env, [REFUSED]: problem };
}

/** Answers a marked request with its 400; any other goes on. */
export const refuseMarkedTarget = createMiddleware(async (c, next) => {
  const env: unknown = c.env;
  const problem = typeof env === 'object' && env !== null && REFUSED in env ? env[REFUSED] : null;
  if (typeof problem === 'string') return errorResponse(400, 'invalid_request', problem);
  await next();
});
