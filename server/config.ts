/**
 * The server's environment, read once at start-up. Nothing else in server/ reads process.env.
 * A live-mode misconfiguration stops start-up with a message naming every missing variable.
 */
import { accessIssuer } from './access';
import { DEMO_ACCOUNT_ID, DEMO_API_BASE, DEMO_APP_ID, DEMO_TOKEN } from './mock/identity';

export type Mode = 'demo' | 'live';

export type UpstreamConfig = {
  /** Base URL up to and including /client/v4, without a trailing slash. */
  readonly base: string;
  readonly token: string;
  readonly accountId: string;
  readonly appId: string;
  /** How long one upstream attempt may take before it is aborted. */
  readonly timeoutMs: number;
  /** How long one browser request may spend upstream, retries included. */
  readonly deadlineMs: number;
  /** Retries after the first attempt, for network errors, timeouts, 408, 502, 503 and 504. */
  readonly retries: number;
  /** Failures in a row that open the circuit, and how long it stays open. */
  readonly breaker: { readonly failures: number; readonly coolDownMs: number };
  /** The largest answer read (decoded bytes); a larger one is refused as it streams. */
  readonly maxBodyBytes: number;
  /** What all answers being read or answered at once may hold; past it a read is refused. */
  readonly maxBytesInFlight: number;
};

export type EmbedConfig = {
  /** Origins allowed to frame the app (CSP frame-ancestors); empty: only the app itself. */
  readonly frameAncestors: readonly string[];
  /** Origins the app talks to with postMessage when framed; defaults to frameAncestors. */
  readonly parentOrigins: readonly string[];
};

export type QuotaConfig = {
  /** API requests one agent (Access email, else client address) may make per minute. */
  readonly perUserPerMinute: number;
  /** Upstream calls this server may make per 5 minutes (Cloudflare allows 1,200 per token). */
  readonly upstreamPer5Minutes: number;
  /** How long a finished participant (left_at set) is served from memory. */
  readonly cacheTtlMs: number;
  /** The most the answer cache holds, in bytes of body; the least recently used go first. */
  readonly cacheMaxBytes: number;
};

export type AccessSettings = { readonly teamDomain: string; readonly audience: string };

export type Config = {
  readonly mode: Mode;
  readonly quota: QuotaConfig;
  /** Cloudflare Access verification, when ACCESS_TEAM_DOMAIN and ACCESS_AUD are both set. */
  readonly access: AccessSettings | null;
  readonly port: number;
  /** Where the app is mounted: "/" or a prefix such as "/tools/rtk-inspector/" (slashes both ends). */
  readonly basePath: string;
  readonly embed: EmbedConfig;
  readonly upstream: UpstreamConfig;
  /** Folder of the built SPA (vite build output). */
  readonly distDir: string;
  /** How often the page refreshes a participant who is still in a live session. */
  readonly liveRefreshMs: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_API_BASE = 'https://api.cloudflare.com/client/v4';
const MIB = 1024 * 1024;
const PATH_SAFE = /^[A-Za-z0-9_-]{1,64}$/;

function parseInteger(name: string, value: string | undefined, fallback: number, max: number) {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
  }
  return Number(value);
}

function parseBase(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_API_BASE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`RTK_API_BASE must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`RTK_API_BASE must be an http(s) URL, got "${raw}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('RTK_API_BASE must not carry a query, fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}

/** "/tools/rtk-inspector" or "tools/rtk-inspector/" → "/tools/rtk-inspector/". */
function parseBasePath(value: string | undefined): string {
  const raw = value?.trim() ?? '';
  if (raw === '' || raw === '/') return '/';
  const segments = raw.split('/').filter(Boolean);
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
  if (segments.some((segment) => !safe.test(segment) || /^\.+$/.test(segment))) {
    throw new ConfigError(
      `BASE_PATH must be a path of letters, digits, ".", "_" and "-" segments, got "${raw}"`,
    );
  }
  return `/${segments.join('/')}/`;
}

/** Space-separated origins ("https://admin.example.com http://localhost:3000"), each checked. */
function parseOrigins(name: string, value: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (value ?? '').split(/\s+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new ConfigError(
        `${name} must list origins such as https://admin.example.com, got "${item}"`,
      );
    }
    if (
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      url.origin !== item.replace(/\/$/, '')
    ) {
      throw new ConfigError(
        `${name} must list bare origins (scheme, host and port, no path), got "${item}"`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

function parseEmbed(env: NodeJS.ProcessEnv): EmbedConfig {
  const frameAncestors = parseOrigins('FRAME_ANCESTORS', env.FRAME_ANCESTORS);
  const parentOrigins =
    env.EMBED_PARENT_ORIGINS === undefined
      ? frameAncestors
      : parseOrigins('EMBED_PARENT_ORIGINS', env.EMBED_PARENT_ORIGINS);
  return { frameAncestors, parentOrigins };
}

function parseAccess(env: NodeJS.ProcessEnv): AccessSettings | null {
  const teamDomain = env.ACCESS_TEAM_DOMAIN?.trim() ?? '';
  const audience = env.ACCESS_AUD?.trim() ?? '';
  if (!teamDomain && !audience) return null;
  if (!teamDomain || !audience) {
    throw new ConfigError(
      `Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD; ${teamDomain ? 'ACCESS_AUD' : 'ACCESS_TEAM_DOMAIN'} is missing.`,
    );
  }
  try {
    accessIssuer(teamDomain);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : 'ACCESS_TEAM_DOMAIN is invalid');
  }
  return { teamDomain, audience };
}

function parseQuota(env: NodeJS.ProcessEnv): QuotaConfig {
  return {
    perUserPerMinute: parseInteger('RATE_LIMIT_PER_USER', env.RATE_LIMIT_PER_USER, 120, 100_000),
    // 1,000 of Cloudflare's 1,200: the dashboard and other tools share the same token.
    upstreamPer5Minutes: parseInteger('UPSTREAM_BUDGET', env.UPSTREAM_BUDGET, 1_000, 1_200),
    cacheTtlMs: parseInteger('CACHE_TTL_MS', env.CACHE_TTL_MS, 60_000, 3_600_000),
    cacheMaxBytes: parseInteger('CACHE_MAX_BYTES', env.CACHE_MAX_BYTES, 128 * MIB, 1024 * MIB),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parseInteger('PORT', env.PORT, 8080, 65535);
  const basePath = parseBasePath(env.BASE_PATH);
  const embed = parseEmbed(env);
  const quota = parseQuota(env);
  const access = parseAccess(env);
  // One silent attempt and one retry fit the deadline, so a page explains a hung upstream
  // within about ten seconds instead of leaving the agent on a spinner.
  const timeoutMs = parseInteger('UPSTREAM_TIMEOUT_MS', env.UPSTREAM_TIMEOUT_MS, 5_000, 120_000);
  const deadlineMs = parseInteger('UPSTREAM_DEADLINE_MS', env.UPSTREAM_DEADLINE_MS, 9_000, 300_000);
  const retries = parseInteger('UPSTREAM_RETRIES', env.UPSTREAM_RETRIES, 2, 2);
  // 64 MiB holds well over 100,000 events; a few such answers may be read at once.
  const maxBodyBytes = Math.max(
    1024,
    parseInteger('UPSTREAM_MAX_BODY_BYTES', env.UPSTREAM_MAX_BODY_BYTES, 64 * MIB, 1024 * MIB),
  );
  const maxBytesInFlight = Math.ceil(maxBodyBytes * 2.5);
  const breaker = {
    failures: Math.max(1, parseInteger('BREAKER_FAILURES', env.BREAKER_FAILURES, 5, 10_000)),
    coolDownMs: parseInteger('BREAKER_COOLDOWN_MS', env.BREAKER_COOLDOWN_MS, 30_000, 600_000),
  };
  // Relative to the working directory: `npm start` and the tests run from the repository root.
  const distDir = env.DIST_DIR || 'dist';
  const liveRefreshMs = Math.max(
    1_000,
    parseInteger('LIVE_REFRESH_MS', env.LIVE_REFRESH_MS, 15_000, 600_000),
  );
  const token = env.CLOUDFLARE_API_TOKEN?.trim();

  if (!token) {
    return {
      mode: 'demo',
      quota,
      access,
      port,
      basePath,
      embed,
      distDir,
      liveRefreshMs,
      upstream: {
        base: DEMO_API_BASE,
        token: DEMO_TOKEN,
        accountId: DEMO_ACCOUNT_ID,
        appId: DEMO_APP_ID,
        timeoutMs,
        deadlineMs,
        retries,
        breaker,
        maxBodyBytes,
        maxBytesInFlight,
      },
    };
  }

  const accountId = env.CLOUDFLARE_ACCOUNT_ID?.trim() ?? '';
  const appId = env.RTK_APP_ID?.trim() ?? '';
  const missing = [accountId ? null : 'CLOUDFLARE_ACCOUNT_ID', appId ? null : 'RTK_APP_ID'].filter(
    (name) => name !== null,
  );
  if (missing.length > 0) {
    throw new ConfigError(
      `CLOUDFLARE_API_TOKEN is set (live mode), but ${missing.join(' and ')} ${
        missing.length > 1 ? 'are' : 'is'
      } missing. Set ${missing.length > 1 ? 'them' : 'it'}, or unset CLOUDFLARE_API_TOKEN for demo mode.`,
    );
  }
  if (!PATH_SAFE.test(accountId)) {
    throw new ConfigError('CLOUDFLARE_ACCOUNT_ID must be 1–64 characters of A-Z a-z 0-9 _ -');
  }
  if (!PATH_SAFE.test(appId)) {
    throw new ConfigError('RTK_APP_ID must be 1–64 characters of A-Z a-z 0-9 _ -');
  }
  return {
    mode: 'live',
    quota,
    access,
    port,
    basePath,
    embed,
    distDir,
    liveRefreshMs,
    upstream: {
      base: parseBase(env.RTK_API_BASE),
      token,
      accountId,
      appId,
      timeoutMs,
      deadlineMs,
      retries,
      breaker,
      maxBodyBytes,
      maxBytesInFlight,
    },
  };
}

/**
 * A Worker's configuration, from its bindings: vars and secrets are strings; the other bindings
 * (ASSETS, a Durable Object namespace) are not configuration.
 */
export function loadBindingsConfig(bindings: Readonly<Record<string, unknown>>): Config {
  return loadConfig({
    ...WORKER_DEFAULTS,
    ...Object.fromEntries(
      Object.entries(bindings).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
  });
}

/**
 * A Worker isolate, and the upstream's Durable Object, has 128 MB of memory: a body is held
 * as text and parsed once, so answers and the cache are sized well below it there.
 */
const WORKER_DEFAULTS = {
  UPSTREAM_MAX_BODY_BYTES: String(12 * MIB),
  CACHE_MAX_BYTES: String(16 * MIB),
};
