/**
 * The built SPA, read into memory once at start-up: only files that exist in the build can be
 * served (no path ever reaches the file system), each with its type, cache policy and gzip.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { deepLinkApiUrl, shellHtml } from './shell-html';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

type StaticFile = {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly gzip?: Uint8Array<ArrayBuffer>;
  readonly type: string;
  readonly etag: string;
  readonly cache: string;
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function loadStatic(distDir: string, basePath = '/'): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(join(distDir, 'index.html'))) return files;
  for (const full of walk(distDir)) {
    const path = `/${relative(distDir, full).split(sep).join('/')}`;
    // Build metadata such as .vite/manifest.json is for the server and tests, not for browsers.
    if (path.includes('/.')) continue;
    const raw = readFileSync(full);
    const body = new Uint8Array(
      path === '/index.html' ? Buffer.from(shellHtml(raw.toString('utf8'), basePath)) : raw,
    );
    const type = TYPES[extname(full)] ?? 'application/octet-stream';
    // Vite puts content-hashed files under /assets: they never change, so cache them for a year.
    const hashed = path.startsWith('/assets/');
    files.set(path, {
      body,
      gzip:
        COMPRESSIBLE.test(type) && body.length > 512
          ? new Uint8Array(gzipSync(body, { level: 9 }))
          : undefined,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return files;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Participant Inspector</title></head>
<body><h1>The dashboard has not been built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds when needed).</p></body></html>`;

export function staticRoutes(files: Map<string, StaticFile>, basePath = '/') {
  const web = new Hono();
  web.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    let file = files.get(path);
    // Deep links and other app routes have no file extension: they all get the SPA shell.
    if (!file && extname(path) === '') file = files.get('/index.html');
    if (!file) {
      if (files.size === 0 && extname(path) === '') return c.html(NOT_BUILT, 503);
      return c.text('Not found', 404);
    }
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': file.cache,
      etag: file.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (file.type.startsWith('text/html') && deepLinkApiUrl(path, '', basePath)) {
      // A deep link's shell gets its answer added (deep-link-answer.ts): plain, and no ETag,
      // since it differs per link.
      delete headers.etag;
      return new Response(file.body, { headers });
    }
    if (c.req.header('if-none-match') === file.etag)
      return new Response(null, { status: 304, headers });
    const gzip = file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) headers['content-encoding'] = 'gzip';
    const body = gzip && file.gzip ? file.gzip : file.body;
    return new Response(body, { headers });
  });
  return web;
}
