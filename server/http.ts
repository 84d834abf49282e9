/**
 * The Node request listener. Before the app sees a request, its raw target is checked (URL
 * parsing would resolve "..", "%2e%2e" and "\" into another path): a request whose path holds
 * them is marked, and the app answers it with 400 instead of a quietly rewritten path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { App } from './app';
import { markRefused, rawTargetProblem } from './refused-target';

export function createListener(app: App) {
  const refused = new WeakMap<object, string>();
  const listener = getRequestListener((request, env) => {
    const problem = refused.get(env.incoming);
    return app.fetch(request, problem === undefined ? env : markRefused(env, problem));
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    const problem = rawTargetProblem(req.url ?? '/');
    if (problem !== null) {
      refused.set(req, problem);
      // The adapter answers a raw backslash with a bare 400 of its own, before the app is asked.
      req.url = (req.url ?? '/').replaceAll('\\', '%5C');
    }
    void listener(req, res);
  };
}
