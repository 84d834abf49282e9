/**
 * Where the app is mounted. Every link, asset and API call is built here from Vite's base, so
 * the app works at the site root and under a prefix alike (no hard-coded "/" or "/api").
 */
const BASE = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

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
