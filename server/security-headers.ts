/**
 * The headers every answer carries. HTML gets a strict Content-Security-Policy (no inline
 * script; frame-ancestors from FRAME_ANCESTORS), the API a policy that forbids rendering it
 * at all. Referrer-Policy: no-referrer, because deep links carry ids. No CORS headers: the API
 * is for this app's own pages only.
 */
import { createMiddleware } from 'hono/factory';
import type { EmbedConfig } from './config';

/** frame-ancestors from FRAME_ANCESTORS ('self' alone when unset); X-Frame-Options is not used. */
export function frameAncestors(embed: EmbedConfig): string {
  return `frame-ancestors 'self'${embed.frameAncestors.map((o) => ` ${o}`).join('')}`;
}

export function htmlPolicy(embed: EmbedConfig): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets styles through the CSSOM, which style-src does not govern; no inline <style>.
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    frameAncestors(embed),
  ].join('; ');
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const COMMON: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
};

const CORS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-expose-headers',
];

export function securityHeaders(embed: EmbedConfig) {
  const html = htmlPolicy(embed);
  return createMiddleware(async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(COMMON)) headers.set(name, value);
    for (const name of CORS) headers.delete(name);
    headers.delete('x-frame-options');
    headers.delete('set-cookie');
    const type = headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      headers.set('content-security-policy', html);
    } else if (
      new URL(c.req.url).pathname.startsWith('/api/') ||
      type.startsWith('application/json')
    ) {
      headers.set('content-security-policy', API_POLICY);
      headers.set('cache-control', 'no-store');
    }
  });
}
