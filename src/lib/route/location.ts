/**
 * The browser's location, read here and nowhere else (the linter holds the rest of src/ to
 * that): the route hooks read it, `navigate` writes it. Back and forward work because every
 * change is a real history entry. On the server's paint the location comes from the request.
 */
import { useSyncExternalStore } from 'react';
import { useServerRender } from '../server-render';
import { type RouteState, readRoute } from './schema';

const EVENT = 'app:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/** The current path and query, outside React (the boot request, the theme, the portal). */
export const currentHref = () => window.location.pathname + window.location.search;

/** The current route and view, outside React. */
export const currentRoute = (): RouteState => readRoute(currentHref());

/** The current path and query ("/sessions/…?filters=…"), re-rendering on every navigation. */
export function useLocationHref(): string {
  const server = useServerRender();
  return useSyncExternalStore(subscribe, currentHref, server ? () => server.href : currentHref);
}

/** The page's origin ("https://…"), for the absolute links it shares. */
export function useOrigin(): string {
  return useServerRender()?.origin ?? window.location.origin;
}

/** The framing page's origin, where the browser tells it (Chromium, WebKit). */
export const parentOrigin = (): string | undefined => window.location.ancestorOrigins?.[0];

export const reloadPage = () => window.location.reload();

export function navigate(href: string, options: { replace?: boolean } = {}) {
  if (href === currentHref()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}
