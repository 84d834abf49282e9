/**
 * Optional Cloudflare Access verification. When the tool sits behind an Access application,
 * Cloudflare signs every request it lets through with a JWT (header `Cf-Access-Jwt-Assertion`,
 * cookie `CF_Authorization`); checking it here means a request that reached the origin some
 * other way (a leaked tunnel URL, a neighbour on the network) gets nothing.
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import {
  createRemoteJWKSet,
  customFetch,
  errors,
  type FetchImplementation,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { errorResponse } from './proxy/errors';

export type AccessConfig = { teamDomain: string; audience: string };
export type AccessIdentity = { email: string | null; subject: string };
/** What the guard leaves on the context: `c.get('accessEmail')` for per-user limits and logs. */
export type AccessVariables = { accessEmail: string | null };
export type AccessVerifier = (token: string | undefined) => Promise<AccessIdentity | null>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * "myteam.cloudflareaccess.com" → https://myteam.cloudflareaccess.com. A full origin is accepted
 * too; plain http only for loopback (tests), since whoever can rewrite the key set can mint
 * tokens. Throws on anything else, so a bad ACCESS_TEAM_DOMAIN fails at startup.
 */
export function accessIssuer(teamDomain: string): { issuer: string; certsUrl: URL } {
  const raw = teamDomain.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`ACCESS_TEAM_DOMAIN "${teamDomain}" is not a host name or origin.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  // A name without a dot is almost always a team name missing ".cloudflareaccess.com".
  if (!secure || !bare || !(loopback || url.hostname.includes('.'))) {
    throw new Error(
      `ACCESS_TEAM_DOMAIN "${teamDomain}" must be a team domain such as myteam.cloudflareaccess.com.`,
    );
  }
  // Cloudflare's `iss` is the bare origin, without a trailing slash.
  return { issuer: url.origin, certsUrl: new URL('/cdn-cgi/access/certs', url.origin) };
}

// Failures of the key server, not of the token: worth a log line, since every user gets 403.
const KEY_SERVER_CODES = new Set(['ERR_JOSE_GENERIC', 'ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);
/** After the key set failed to load, how long no new fetch of it is made. */
const KEY_FAILURE_MS = 30_000;

/**
 * jose caches a fetched key set but not a failed fetch: during a key-server outage every
 * request that needs the keys would fetch again, and log again. After a failure, fetches fail
 * at once for KEY_FAILURE_MS without reaching the key server (those requests are refused as
 * before; keys jose already holds keep working), and the failure is logged once per window.
 */
function keyFetchGate(certsUrl: URL) {
  let retryAt = Number.NEGATIVE_INFINITY;
  const gated: FetchImplementation = (url, init) =>
    Date.now() < retryAt
      ? Promise.reject(new Error('The key set failed to load a moment ago.'))
      : fetch(url, init);
  return {
    fetch: gated,
    failed(code: string) {
      // Requests that waited on the same failed fetch, or were refused by the gate, add nothing.
      if (Date.now() < retryAt) return;
      retryAt = Date.now() + KEY_FAILURE_MS;
      // The code only: messages and causes could carry more than an operator needs.
      console.warn(
        `access: could not load the signing keys from ${certsUrl.href} (${code}); every request needing them is refused, next try in ${KEY_FAILURE_MS / 1000} s`,
      );
    },
  };
}

export function createAccessVerifier(
  config: AccessConfig,
  options: { jwks?: JWTVerifyGetKey } = {},
): AccessVerifier {
  const { issuer, certsUrl } = accessIssuer(config.teamDomain);
  const gate = keyFetchGate(certsUrl);
  // jose caches the set, refetches on an unknown `kid` (Cloudflare rotates keys) and rate-limits
  // those refetches (30 s cooldown), so random kids cannot turn into a flood of fetches.
  const jwks = options.jwks ?? createRemoteJWKSet(certsUrl, { [customFetch]: gate.fetch });
  return async (token) => {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        // Pinning the algorithm is what defeats `alg: none` and HS256-with-the-public-key.
        algorithms: ['RS256'],
        issuer,
        audience: config.audience,
        clockTolerance: 30,
        // jose checks `exp` only when present; a token without one must not live forever.
        requiredClaims: ['exp'],
      });
      const email = typeof payload.email === 'string' && payload.email ? payload.email : null;
      // Service tokens carry an empty `sub` and name the client in `common_name`.
      const commonName = typeof payload.common_name === 'string' ? payload.common_name : '';
      return { email, subject: payload.sub || commonName };
    } catch (error) {
      const code = error instanceof errors.JOSEError ? error.code : 'ERR_FETCH';
      if (KEY_SERVER_CODES.has(code) || code === 'ERR_FETCH') gate.failed(code);
      return null;
    }
  };
}

const OPEN_PATHS = new Set(['/healthz', '/readyz']);
const FORBIDDEN_MESSAGE = 'This tool is behind Cloudflare Access; sign in through it to continue.';
const FORBIDDEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Access required</title></head><body><h1>Access required</h1><p>${FORBIDDEN_MESSAGE}</p></body></html>`;

export function accessGuard(verify: AccessVerifier) {
  return createMiddleware<{ Variables: AccessVariables }>(async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) return next();
    // The header is what Access sets on every proxied request; the cookie is only a fallback, and
    // a bad header is not rescued by a good cookie.
    const token = c.req.header('cf-access-jwt-assertion') ?? getCookie(c, 'CF_Authorization');
    const identity = await verify(token);
    if (!identity) {
      const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
      // Built without any request data, so the token can never be echoed back.
      return api
        ? errorResponse(403, 'forbidden', FORBIDDEN_MESSAGE)
        : new Response(FORBIDDEN_PAGE, {
            status: 403,
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
              'x-content-type-options': 'nosniff',
            },
          });
    }
    c.set('accessEmail', identity.email);
    await next();
  });
}
