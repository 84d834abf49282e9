/**
 * Builds the whole HTTP app: request ids and logs, security headers, the read-only rule, the
 * API routes, the embedded mock in demo mode, health and readiness, and the SPA. Exported
 * apart from the listening code so tests can call app.request().
 */
import { type Context, type ExecutionContext, Hono } from 'hono';
import { compress } from 'hono/compress';
import {
  type AccessVariables,
  type AccessVerifier,
  accessGuard,
  createAccessVerifier,
} from './access';
import type { Config } from './config';
import { type DeepLinkAnswerOptions, deepLinkAnswers } from './deep-link-answer';
import { createMockApi } from './mock/api';
import { demoSamples } from './mock/samples';
import { jsonLogger, type Logger, observability } from './observability';
import { addressKey } from './proxy/address-key';
import { errorResponse } from './proxy/errors';
import { apiRoutes } from './proxy/routes';
import { createTeamUpstream } from './proxy/team-upstream';
import type { Upstream, UpstreamFetch } from './proxy/upstream';
import { refuseMarkedTarget } from './refused-target';
import { securityHeaders } from './security-headers';

export type AppOptions = {
  /** Replaces global fetch for live-mode upstream calls (tests count what reaches upstream). */
  readonly fetch?: UpstreamFetch;
  /**
   * Replaces the in-process upstream (budget, breaker, coalescing, cache): a Worker hands in one
   * that forwards to the deployment's Durable Object, so every isolate shares them.
   */
  readonly upstream?: Upstream;
  /** Where request logs go (JSON lines on stdout by default). */
  readonly log?: Logger;
  /** The client's network address, as the runtime knows it (for per-user limits). */
  readonly clientAddress?: (c: Context) => string | null;
  /** Gzip JSON answers (Node; a Worker's are compressed by Cloudflare). */
  readonly compressJson?: boolean;
  /** Replaces the Access verifier (tests sign with a local key and serve a local JWKS). */
  readonly accessVerifier?: AccessVerifier;
  /** How long a deep link's page waits for its answer (tests on slow machines allow more). */
  readonly deepLinkAnswerWaitMs?: number;
  /** Paints a deep link's first frame from its answer (Node; a Worker leaves it to the app). */
  readonly paint?: DeepLinkAnswerOptions['paint'];
  /** The app's code a long history's page announces (Node, from the build's manifest). */
  readonly longHistoryCode?: DeepLinkAnswerOptions['longHistoryCode'];
};

/** Where the built SPA comes from: files read by Node (static.ts) or a Worker's assets. */
export type Assets = {
  /** Serves a file, or the SPA shell for an app route. */
  readonly routes: Hono;
  /** False when there is nothing to serve (not built): /readyz says so. */
  readonly ready: boolean;
};

/**
 * How long a deep link's page waits for its answer before it is sent without it (with a
 * preload): about what the app's own start takes, so a slow upstream never leaves the tab blank
 * for long; the loading state shows from then on.
 */
const DEEP_LINK_ANSWER_WAIT_MS = 500;
/** Answers larger than this (a 10,000-event history is ~4.2 MB) are left to the browser. */
const DEEP_LINK_ANSWER_MAX_CHARS = 8_000_000;
/**
 * The first frame is painted on the server for answers up to this size (a 1,000-event history
 * is ~0.46 MB and paints in a few ms). Reading a 10,000-event answer to paint it held the page
 * back 80–230 ms, which the app's own start then waited for as well.
 */
const DEEP_LINK_PAINT_MAX_CHARS = 1_000_000;

/** The mock called in-process, failing on abort exactly as fetch does (timeouts included). */
function inProcess(handler: (request: Request) => Response | Promise<Response>): UpstreamFetch {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const { signal } = init;
      const abort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      Promise.resolve(handler(new Request(url, init))).then(resolve, reject);
    });
}

/**
 * The app on any runtime that speaks fetch (Node through @hono/node-server, a Cloudflare
 * Worker): everything but reading the SPA's files, which `assets` provides.
 */
export function createCoreApp(config: Config, assets: Assets, options: AppOptions = {}) {
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
    ? inProcess(mock.fetch)
    : (options.fetch ?? ((url, init) => fetch(url, init)));
  const upstream = options.upstream ?? createTeamUpstream(config, transport);
  const verify =
    options.accessVerifier ?? (config.access ? createAccessVerifier(config.access) : undefined);
  const probes = new Hono();
  probes.get('/healthz', (c) => c.json({ ok: true }, 200, { 'cache-control': 'no-store' }));
  // Ready when there is an app to serve and RealtimeKit is not being waited out.
  probes.get('/readyz', (c) => {
    const problems = [
      assets.ready ? null : 'the dashboard has not been built',
      upstream.breaker.state() === 'open' ? 'RealtimeKit failed repeatedly (circuit open)' : null,
    ].filter((p) => p !== null);
    return c.json({ ready: problems.length === 0, problems }, problems.length === 0 ? 200 : 503, {
      'cache-control': 'no-store',
    });
  });
  const inner = new Hono<{ Variables: AccessVariables }>();
  // Access first: static files and deep links are protected as much as the API.
  if (verify) inner.use('*', accessGuard(verify));
  inner.use('/api/*', async (c, next) => {
    // A page on another site must not make an agent's browser call this API with its cookies.
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      return errorResponse(403, 'forbidden', 'Cross-site requests to this API are refused.');
    }
    await next();
  });
  const who = (c: Context) =>
    c.get('accessEmail') ??
    addressKey(options.clientAddress?.(c) ?? c.req.header('cf-connecting-ip') ?? 'unknown');
  // Probes come before the SPA's catch-all, which would otherwise answer them with the shell.
  inner.route('/', probes);
  inner.route('/api', apiRoutes(config, upstream, who, mock ? demoSamples() : undefined));
  if (mock) inner.route('/mock', mock);
  // A deep link's page carries its answer, asked of this app as the browser would ask it.
  inner.use(
    '/sessions/*',
    deepLinkAnswers({
      basePath: config.basePath,
      waitMs: options.deepLinkAnswerWaitMs ?? DEEP_LINK_ANSWER_WAIT_MS,
      maxChars: DEEP_LINK_ANSWER_MAX_CHARS,
      ask: (request, c) => Promise.resolve(app.fetch(request, c.env)),
      paint: options.paint,
      paintMaxChars: DEEP_LINK_PAINT_MAX_CHARS,
      longHistoryCode: options.longHistoryCode,
    }),
  );
  inner.route('/', assets.routes);

  const app = new Hono();
  // Outermost, so it sees the final body: a 10,000-event answer is 4 MB of JSON, ~10× less
  // gzipped, and a deep link's page carries one. On Node only: Cloudflare compresses a
  // Worker's answers itself.
  if (options.compressJson) {
    app.use(
      '*',
      compress({ encoding: 'gzip', contentTypeFilter: /^(application\/json|text\/html)/ }),
    );
  }
  app.use('*', observability(options.log ?? jsonLogger, config.basePath));
  app.use('*', securityHeaders(config.embed));
  // A raw target the Node listener marked as refused is answered here: logged, ids and headers.
  app.use('*', refuseMarkedTarget);
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return errorResponse(
        405,
        'method_not_allowed',
        `${c.req.method} is not allowed here; this server is read-only.`,
        { allow: 'GET, HEAD' },
      );
    }
    await next();
  });

  app.route('/', probes);

  const base = config.basePath;
  if (base === '/') {
    app.route('/', inner);
  } else {
    // Under BASE_PATH the whole app (SPA, assets, API, mock, probes) lives below the prefix:
    // requests are re-rooted here, in one place, so no route inside needs to know the prefix.
    app.all('*', (c) => {
      const url = new URL(c.req.url);
      if (url.pathname === base.slice(0, -1)) return c.redirect(base + url.search, 308);
      if (!url.pathname.startsWith(base)) {
        return errorResponse(404, 'not_found', `This server answers under ${base} only.`);
      }
      url.pathname = `/${url.pathname.slice(base.length)}`;
      // The runtime's bindings go along: Node's connection (the per-user limit's address) and a
      // Worker's execution context.
      let executionCtx: ExecutionContext | undefined;
      try {
        executionCtx = c.executionCtx;
      } catch {
        // Node has none.
      }
      return inner.fetch(new Request(url, c.req.raw), c.env, executionCtx);
    });
  }

  app.onError((error) => {
    (options.log ?? jsonLogger)({
      level: 'error',
      msg: 'request failed',
      error: error instanceof Error ? error.name : 'unknown',
    });
    return errorResponse(500, 'internal', 'The server failed to answer this request.');
  });
  return app;
}

export type App = ReturnType<typeof createCoreApp>;
