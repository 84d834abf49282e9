/**
 * A short list kept in localStorage, newest first (never sent anywhere), read defensively
 * because anything may have been written there: the recent lookups and the recent searches.
 */
export type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StoredList<T> = {
  readonly key: string;
  readonly max: number;
  /** Whether a stored value is an entry (the rest is dropped on read). */
  readonly is: (value: unknown) => value is T;
  /** Whether two entries are the same thing (remembering one again moves it first). */
  readonly same: (a: T, b: T) => boolean;
};

/** The stored list; an unreadable or foreign value reads as empty, bad entries are dropped. */
export function readList<T>(list: StoredList<T>, storage: Storage): T[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(list.key) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(list.is).slice(0, list.max) : [];
}

/** Puts an entry first (once), keeps the newest `max`; storage failures are not fatal. */
export function rememberIn<T>(list: StoredList<T>, storage: Storage, entry: T): T[] {
  const next = [entry, ...readList(list, storage).filter((e) => !list.same(e, entry))].slice(
    0,
    list.max,
  );
  try {
    storage.setItem(list.key, JSON.stringify(next));
  } catch {
    // Storage full or blocked (private mode, a sandboxed iframe): the list is a convenience.
  }
  return next;
}

export function clearList<T>(list: StoredList<T>, storage: Storage): void {
  try {
    storage.removeItem(list.key);
  } catch {
    // As above: nothing to clear when storage is unavailable.
  }
}
