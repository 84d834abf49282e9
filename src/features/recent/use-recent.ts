/** The recent lists as React sees them: one store per list over localStorage, shared across tabs. */
import { useSyncExternalStore } from 'react';
import { MAX_SEARCH_LENGTH } from '../../api/request-params';
import { MAX_NAME, RECENT_LOOKUPS, type RecentLookup } from './lib/recent';
import { RECENT_SEARCHES, type RecentSearch } from './lib/recent-searches';
import { clearList, readList, rememberIn, type StoredList } from './lib/stored-list';

const CHANGED = 'app:recent-changed';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // A sandboxed iframe without storage access.
    return null;
  }
}

function storeOf<T>(list: StoredList<T>) {
  let cache: { raw: string | null; entries: T[] } = { raw: null, entries: [] };
  const empty: T[] = [];
  const snapshot = (): T[] => {
    const store = storage();
    const raw = store?.getItem(list.key) ?? null;
    if (raw !== cache.raw) cache = { raw, entries: store ? readList(list, store) : [] };
    return cache.entries;
  };
  const subscribe = (onChange: () => void) => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === list.key || event.key === null) onChange();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener(CHANGED, onChange);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener(CHANGED, onChange);
    };
  };
  return {
    use: () => useSyncExternalStore(subscribe, snapshot, () => empty),
    remember: (entry: T) => {
      const store = storage();
      if (!store) return;
      rememberIn(list, store, entry);
      window.dispatchEvent(new Event(CHANGED));
    },
    clear: () => {
      const store = storage();
      if (store) clearList(list, store);
      window.dispatchEvent(new Event(CHANGED));
    },
  };
}

const lookups = storeOf(RECENT_LOOKUPS);
const searches = storeOf(RECENT_SEARCHES);

export const useRecentLookups: () => RecentLookup[] = lookups.use;
export const clearRecentLookups = lookups.clear;

/** Records a participant as the most recent lookup (the page calls it once one is shown). */
export function rememberLookup(sessionId: string, participantId: string, name: string | null) {
  lookups.remember({
    sessionId,
    participantId,
    name: name === null ? null : name.slice(0, MAX_NAME),
    at: Date.now(),
  });
}

export const useRecentSearches: () => RecentSearch[] = searches.use;
export const clearRecentSearches = searches.clear;

/** Records a person search as the most recent (the results page calls it when it runs one). */
export function rememberSearch(q: string, range: string) {
  searches.remember({ q: q.slice(0, MAX_SEARCH_LENGTH), range, at: Date.now() });
}
