/**
 * Where the app is mounted. The server says so in <meta name="inspector-base"> (BASE_PATH);
 * every link and API call is built here from it, so the app works at the site root and under
 * a prefix alike (no hard-coded "/" or "/api"). Without the tag (Vite's dev server, tests): "/".
 */
function readBase(): string {
  const content =
    typeof document === 'undefined'
      ? null
      : document.querySelector('meta[name="inspector-base"]')?.getAttribute('content');
  if (!content?.startsWith('/')) return '/';
  return content.endsWith('/') ? content : `${content}/`;
}

const BASE = readBase();

/** An app-relative path ("sessions/…") as an absolute path under the base. */
export const appPath = (path: string) => BASE + path.replace(/^\/+/, '');

/** A browser API route ("config", "sessions/…") under the base. */
export const apiPath = (path: string) => appPath(`api/${path.replace(/^\/+/, '')}`);

/** The part of a location pathname after the base, always starting with "/". */
export function routeOf(pathname: string): string {
  const inside = pathname.startsWith(BASE)
    ? pathname.slice(BASE.length)
    : pathname.replace(/^\/+/, '');
  return `/${inside}`;
}
