/**
 * The app as a Cloudflare Worker (see wrangler.jsonc): the same core app as on Node, with the
 * built SPA served from the Workers Static Assets binding instead of files read into memory.
 */
import { type ExecutionContext, Hono } from 'hono';
import { type App, type Assets, createCoreApp } from './app';
import { type Config, ConfigError, loadBindingsConfig } from './config';
import { jsonLogger } from './observability';
import { errorResponse } from './proxy/errors';
import type { Upstream } from './proxy/upstream';
import { deepLinkApiUrl, shellHtml } from './shell-html';
import { forwardToObject, isUpstreamNamespace, type UpstreamNamespace } from './upstream-object';

// Wrangler binds a Durable Object class only when the Worker's main module exports it.
export { UpstreamObject } from './upstream-object';

/**
 * The Worker's bindings: the ASSETS fetcher, the UPSTREAM Durable Object namespace, plus vars
 * and secrets (CLOUDFLARE_API_TOKEN).
 */
export type WorkerEnv = {
  readonly ASSETS?: { fetch(request: Request): Promise<Response> };
  readonly UPSTREAM?: UpstreamNamespace;
  readonly [name: string]: unknown;
};

type AssetFetcher = NonNullable<WorkerEnv['ASSETS']>;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Deep links and other app routes have no file extension: they all get the SPA shell. */
function isAppRoute(path: string): boolean {
  return path === '/index.html' || !/\.[^/]*$/.test(path);
}

async function serveShell(assets: AssetFetcher, request: Request, basePath: string) {
  // Not "/index.html": the assets binding answers that with a redirect to "/".
  const file = await assets.fetch(new Request(new URL('/', request.url)));
  if (!file.ok) return new Response('Not found', { status: 404 });
  const headers = new Headers({
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const url = new URL(request.url);
  const html = shellHtml(await file.text(), basePath);
  // A deep link's shell gets its answer added (deep-link-answer.ts): no ETag, it differs per link.
  if (deepLinkApiUrl(url.pathname, url.search, basePath)) return new Response(html, { headers });
  const fileTag = file.headers.get('etag');
  if (fileTag) {
    // The rewrite depends on BASE_PATH, which can change without new assets: it joins the ETag.
    const etag = `"${fileTag.replace(/^W\/|"/g, '')}${basePath}"`;
    headers.set('etag', etag);
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers });
    }
  }
  return new Response(html, { headers });
}

async function serveFile(assets: AssetFetcher, request: Request, path: string) {
  const file = await assets.fetch(request);
  if (file.status === 404) return new Response('Not found', { status: 404 });
  // A copy: the binding's headers are immutable, and the security headers are added later.
  const res = new Response(file.body, file);
  // Vite puts content-hashed files under /assets: they never change, so cache them for a year.
  res.headers.set('cache-control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
  return res;
}

export function workerAssets(assets: AssetFetcher | undefined, basePath: string): Assets {
  const routes = new Hono();
  routes.get('*', async (c) => {
    if (!assets) return c.text('The dashboard was deployed without its assets binding.', 503);
    const path = new URL(c.req.url).pathname;
    // Build metadata such as .vite/manifest.json is for tests, not for browsers.
    if (path.includes('/.')) return c.text('Not found', 404);
    if (isAppRoute(path)) return serveShell(assets, c.req.raw, basePath);
    return serveFile(assets, c.req.raw, path);
  });
  return { routes, ready: assets !== undefined };
}

/**
 * Live mode's upstream: the deployment's Durable Object, so every isolate shares one budget,
 * breaker, coalescing and cache. Without the binding, the app's own (per isolate), said once.
 * Demo mode keeps the app's own: the embedded mock has no quota to protect and answers in
 * the isolate, where a hop to the object would only add a billed request and its latency.
 */
function deploymentUpstream(config: Config, env: WorkerEnv): Upstream | undefined {
  if (config.mode === 'demo') return undefined;
  if (isUpstreamNamespace(env.UPSTREAM)) {
    return forwardToObject(env.UPSTREAM, config.upstream.breaker.coolDownMs);
  }
  jsonLogger({
    level: 'warn',
    msg: 'No UPSTREAM Durable Object binding: the RealtimeKit budget, circuit breaker, coalescing and cache are per isolate, not shared by the deployment.',
  });
  return undefined;
}

// One app per isolate: a deployment's env never changes.
let app: App | undefined;

function appFor(env: WorkerEnv): App {
  if (!app) {
    const config = loadBindingsConfig(env);
    app = createCoreApp(config, workerAssets(env.ASSETS, config.basePath), {
      upstream: deploymentUpstream(config, env),
    });
  }
  return app;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let current: App;
    try {
      current = appFor(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // The log names the variable at fault (never the token); the caller only learns it failed.
      console.error(JSON.stringify({ level: 'error', msg: error.message }));
      return errorResponse(500, 'internal', 'The server is misconfigured; see the Worker logs.');
    }
    // env and ctx go along: without ctx, waitUntil (a deep link's late answer) never runs.
    return current.fetch(request, env, ctx);
  },
};
