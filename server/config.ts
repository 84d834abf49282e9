/**
 * The server's environment, read once at start-up. Nothing else in server/ reads process.env.
 * A live-mode misconfiguration stops start-up with a message naming every missing variable.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNT_ID, DEMO_API_BASE, DEMO_APP_ID, DEMO_TOKEN } from './mock/identity';

export type Mode = 'demo' | 'live';

export type UpstreamConfig = {
  /** Base URL up to and including /client/v4, without a trailing slash. */
  readonly base: string;
  readonly token: string;
  readonly accountId: string;
  readonly appId: string;
  /** How long one upstream request may take before the browser is told it timed out. */
  readonly timeoutMs: number;
};

export type Config = {
  readonly mode: Mode;
  readonly port: number;
  readonly upstream: UpstreamConfig;
  /** Folder of the built SPA (vite build output). */
  readonly distDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_API_BASE = 'https://api.cloudflare.com/client/v4';
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parseInteger('PORT', env.PORT, 8080, 65535);
  const timeoutMs = parseInteger('UPSTREAM_TIMEOUT_MS', env.UPSTREAM_TIMEOUT_MS, 10_000, 120_000);
  const distDir = env.DIST_DIR || fileURLToPath(new URL('../dist', import.meta.url));
  const token = env.CLOUDFLARE_API_TOKEN?.trim();

  if (!token) {
    return {
      mode: 'demo',
      port,
      distDir,
      upstream: {
        base: DEMO_API_BASE,
        token: DEMO_TOKEN,
        accountId: DEMO_ACCOUNT_ID,
        appId: DEMO_APP_ID,
        timeoutMs,
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
    port,
    distDir,
    upstream: { base: parseBase(env.RTK_API_BASE), token, accountId, appId, timeoutMs },
  };
}
