/**
 * The Node request listener. Before the app sees a request, its raw target is checked: URL
 * parsing would silently resolve "..", "%2e%2e" and "\" into another path, so any request
 * whose path holds them is refused here with 400 instead of being quietly rewritten.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { App } from './app';
import { errorBody, JSON_HEADERS } from './proxy/errors';

export function rawTargetProblem(target: string): string | null {
  const path = target.split('?', 1)[0] ?? '';
  if (/\\|%5c/i.test(path)) return 'The path contains a backslash.';
  const dotSegment = /^(?:\.|%2e){1,2}$/i;
  if (path.split('/').some((segment) => dotSegment.test(segment))) {
    return 'The path contains a "." or ".." segment.';
  }
  return null;
}

export function createListener(app: App) {
  const listener = getRequestListener(app.fetch);
  return (req: IncomingMessage, res: ServerResponse) => {
    const problem = rawTargetProblem(req.url ?? '/');
    if (problem) {
      res.writeHead(400, JSON_HEADERS);
      res.end(JSON.stringify(errorBody(400, 'invalid_request', problem)));
      return;
    }
    void listener(req, res);
  };
}
