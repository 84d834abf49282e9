/** The recent lookups as React sees them: one store over localStorage, shared across tabs. */
import { useSyncExternalStore } from 'react';
import { clearRecent, RECENT_KEY, type RecentLookup, readRecent, remember } from './lib/recent';

const CHANGED = 'app:recent-changed';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // A sandboxed iframe without storage access.
    return null;
  }
}

let cache: { raw: string | null; list: RecentLookup[] } = { raw: null, list: [] };

function snapshot(): RecentLookup[] {
  const store = storage();
  const raw = store?.getItem(RECENT_KEY) ?? null;
  if (raw !== cache.raw) cache = { raw, list: store ? readRecent(store) : [] };
  return cache.list;
}

function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

const EMPTY: RecentLookup[] = [];

export function useRecentLookups(): RecentLookup[] {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}

export function clearRecentLookups(): void {
  const store = storage();
  if (store) clearRecent(store);
  window.dispatchEvent(new Event(CHANGED));
}

/** Records a participant as the most recent lookup (the page calls it once one is shown). */
export function rememberLookup(sessionId: string, participantId: string, name: string | null) {
  const store = storage();
  if (!store) return;
  remember(store, { sessionId, participantId, name, at: Date.now() });
  window.dispatchEvent(new Event(CHANGED));
}
