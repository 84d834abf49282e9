/**
 * Test support: a Worker that asks the deployment's upstream object for a path, as the app's
 * forwarding upstream does, and aborts after `abort_after_ms` the way a departing browser's
 * signal would (miniflare cannot make a client's disconnect abort a Worker's request signal).
 */
import { forwardToObject, type UpstreamNamespace } from '../upstream-object';

export default {
  async fetch(request: Request, env: { readonly UPSTREAM: UpstreamNamespace }) {
    const url = new URL(request.url);
    const leaving = new AbortController();
    setTimeout(() => leaving.abort(), Number(url.searchParams.get('abort_after_ms')));
    const answer = await forwardToObject(env.UPSTREAM, 1_000).get(url.pathname, '', leaving.signal);
    return new Response(String(answer.status));
  },
};
