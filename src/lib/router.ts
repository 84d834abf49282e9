/**
 * The location is the app's state (deep links): this hook reads it and `navigate` writes it.
 * Back and forward work because every change is a real history entry.
 */
import { useSyncExternalStore } from 'react';

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
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export function navigate(href: string, options: { replace?: boolean } = {}) {
  if (href === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(EVENT));
}
