/**
 * The location is the app's state (deep links): this hook reads it and `navigate` writes it.
 * Back and forward work because every change is a real history entry.
 */
import { useSyncExternalStore } from 'react';
import { useServerRender } from './server-render';

const EVENT = 'app:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query ("/sessions/…?filters=…"), re-rendering on every navigation. */
export function useLocationHref(): string {
  const server = useServerRender();
  return useSyncExternalStore(subscribe, snapshot, server ? () => server.href : snapshot);
}

/** The page's origin ("https://…"), for the absolute links it shares. */
export function useOrigin(): string {
  return useServerRender()?.origin ?? window.location.origin;
}

export function navigate(href: string, options: { replace?: boolean } = {}) {
  if (href === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}
