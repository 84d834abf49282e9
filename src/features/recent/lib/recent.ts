/** The participants this browser opened last, newest first (see stored-list.ts). */
import { clearList, readList, rememberIn, type Storage, type StoredList } from './stored-list';

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
export const MAX_NAME = 200;

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

export const RECENT_LOOKUPS: StoredList<RecentLookup> = {
  key: RECENT_KEY,
  max: MAX_RECENT,
  is: isRecent,
  same: (a, b) => a.sessionId === b.sessionId && a.participantId === b.participantId,
};

export const readRecent = (storage: Storage) => readList(RECENT_LOOKUPS, storage);

export const remember = (storage: Storage, entry: RecentLookup) =>
  rememberIn(RECENT_LOOKUPS, storage, {
    ...entry,
    name: entry.name === null ? null : entry.name.slice(0, MAX_NAME),
  });

export const clearRecent = (storage: Storage) => clearList(RECENT_LOOKUPS, storage);
