/**
 * The participants this browser opened last, newest first: kept in localStorage (never sent
 * anywhere), read defensively because anything may have been written there.
 */
export type RecentLookup = {
  readonly sessionId: string;
  readonly participantId: string;
  /** The display name when it was opened (text only; null when the API sent none). */
  readonly name: string | null;
  /** When it was opened (epoch ms). */
  readonly at: number;
};

export const RECENT_KEY = 'participant-inspector:recent';
export const MAX_RECENT = 20;
const MAX_NAME = 200;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isRecent(value: unknown): value is RecentLookup {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return (
    typeof v.sessionId === 'string' &&
    typeof v.participantId === 'string' &&
    (v.name === null || typeof v.name === 'string') &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at)
  );
}

/** The stored list; an unreadable or foreign value reads as empty, bad entries are dropped. */
export function readRecent(storage: Storage): RecentLookup[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, MAX_RECENT) : [];
}

/** Puts a lookup first (once), keeps the newest MAX_RECENT; storage failures are not fatal. */
export function remember(storage: Storage, entry: RecentLookup): RecentLookup[] {
  const clean = { ...entry, name: entry.name === null ? null : entry.name.slice(0, MAX_NAME) };
  const list = [
    clean,
    ...readRecent(storage).filter(
      (r) => r.sessionId !== entry.sessionId || r.participantId !== entry.participantId,
    ),
  ].slice(0, MAX_RECENT);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or blocked (private mode, a sandboxed iframe): the list is a convenience.
  }
  return list;
}

export function clearRecent(storage: Storage): void {
  try {
    storage.removeItem(RECENT_KEY);
  } catch {
    // As above: nothing to clear when storage is unavailable.
  }
}
