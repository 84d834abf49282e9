/**
 * The SPA shell as served, on Node (static.ts) and on a Worker (worker.ts). Kept apart from
 * static.ts so the Worker bundle pulls in no node:fs.
 */

/**
 * Vite builds with a relative base ("./assets/…"), so the same build works under any
 * BASE_PATH; here its URLs are made absolute under the base (deep links are nested paths) and
 * the base is handed to the app in a meta tag (no inline script: the CSP forbids it).
 */
export function shellHtml(html: string, basePath: string): string {
  return html
    .replace(/(\s(?:src|href)=")\.\//g, `$1${basePath}`)
    .replace('</head>', `  <meta name="inspector-base" content="${basePath}" />\n  </head>`);
}
