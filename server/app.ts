/**
 * Builds the whole HTTP app: the API routes, the embedded mock in demo mode, health, and the
 * SPA. Exported apart from the listening code so tests can call app.request().
 */
import { Hono } from 'hono';
import type { Config } from './config';
import { createMockApi } from './mock/api';
import { errorResponse } from './proxy/errors';
import { apiRoutes } from './proxy/routes';
import { createUpstream, type UpstreamFetch } from './proxy/upstream';
import { loadStatic, staticRoutes } from './static';

export type AppOptions = {
  /** Replaces global fetch for live-mode upstream calls (tests count what reaches upstream). */
  readonly fetch?: UpstreamFetch;
};

export function createApp(config: Config, options: AppOptions = {}) {
  const inner = createInnerApp(config, options);
  if (config.basePath === '/') return inner;
  // Under BASE_PATH the whole app (SPA, assets, API, mock) lives below the prefix: requests are
  // re-rooted here, in one place, so no route inside needs to know the prefix.
  const base = config.basePath;
  const outer = new Hono();
  outer.get('/healthz', (c) => c.json({ ok: true }, 200, { 'cache-control': 'no-store' }));
  outer.all('*', (c) => {
    const url = new URL(c.req.url);
    if (url.pathname === base.slice(0, -1)) return c.redirect(base + url.search, 308);
    if (!url.pathname.startsWith(base)) {
      return errorResponse(404, 'not_found', `This server answers under ${base} only.`);
    }
    url.pathname = `/${url.pathname.slice(base.length)}`;
    return inner.fetch(new Request(url, c.req.raw));
  });
  return outer;
}

function createInnerApp(config: Config, options: AppOptions) {
  const app = new Hono();
  const mock =
    config.mode === 'demo'
      ? createMockApi({
          token: config.upstream.token,
          accountId: config.upstream.accountId,
          appId: config.upstream.appId,
        })
      : undefined;
  // Demo mode goes through exactly the same proxy code; only the transport is in-process.
  const transport: UpstreamFetch = mock
    ? (request) => Promise.resolve(mock.fetch(request))
    : (options.fetch ?? ((request) => fetch(request)));
  const upstream = createUpstream(config.upstream, transport);

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return errorResponse(
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed here; this server is read-only.`,
        {
          allow: 'GET, HEAD',
        },
      );
    }
    await next();
  });

  app.get('/healthz', (c) => c.json({ ok: true }, 200, { 'cache-control': 'no-store' }));
  app.route('/api', apiRoutes(config, upstream));
  if (mock) app.route('/mock', mock);
  app.route('/', staticRoutes(loadStatic(config.distDir, config.basePath), config.embed));

  app.onError((error) => {
    console.error('request failed:', error instanceof Error ? error.message : 'unknown error');
    return errorResponse(500, 'internal', 'The server failed to answer this request.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
