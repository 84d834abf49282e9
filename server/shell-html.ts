/**
 * The SPA shell as served, on Node (static.ts) and on a Worker (worker.ts). Kept apart from
 * static.ts so the Worker bundle pulls in no node:fs.
 */
import {
  checkId,
  parseFilters,
  parseIncludePeerEvents,
  participantQuery,
} from '../src/api/request-params';

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

const DEEP_LINK = /^\/sessions\/([^/]*)\/participants\/([^/]*)\/?$/;

/**
 * For a valid deep link, the API URL the app will request for it — exactly as the browser
 * builds it (src/api/participant-query.ts), so a preload of it is reused, not repeated.
 */
export function deepLinkApiUrl(path: string, search: string, basePath: string): string | null {
  const match = DEEP_LINK.exec(path);
  if (!match) return null;
  const ids: string[] = [];
  for (const segment of [match[1] ?? '', match[2] ?? '']) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    const check = checkId('id', decoded);
    if (!check.ok) return null;
    ids.push(encodeURIComponent(check.value));
  }
  const query = new URLSearchParams(search);
  const filters = parseFilters(query.get('filters'));
  const include = parseIncludePeerEvents(query.get('include_peer_events'));
  if (!filters.ok || !include.ok) return null;
  // A link without the flag shows the timeline (deep-link.ts), so the app asks for the events.
  const api = participantQuery(filters.value, include.value ?? true);
  return `${basePath}api/sessions/${ids[0]}/participants/${ids[1]}${api}`;
}

/** Text as the value of a double-quoted HTML attribute. */
export const attributeText = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The shell for one deep link: the participant's API request is announced in the HTML, so the
 * browser fetches it while it is still downloading the app's JavaScript.
 */
export function withDataPreload(html: string, apiUrl: string): string {
  const href = attributeText(apiUrl);
  return html.replace(
    '</head>',
    `  <link rel="preload" as="fetch" crossorigin="anonymous" href="${href}" />\n  </head>`,
  );
}

/**
 * The shell with the app's chunks in `files` announced (URLs under the base path): the browser
 * downloads and compiles them while the page still arrives, and the app's own imports of them
 * are served from these.
 */
export function withModulePreloads(html: string, files: readonly string[]): string {
  if (files.length === 0) return html;
  const links = files
    .map((file) => `  <link rel="modulepreload" crossorigin href="${attributeText(file)}" />\n`)
    .join('');
  return html.replace('</head>', () => `${links}  </head>`);
}
