/** The person searches this browser ran last, newest first (see stored-list.ts). */
import { MAX_SEARCH_LENGTH } from '../../../api/request-params';
import type { StoredList } from './stored-list';

export type RecentSearch = {
  /** What was searched for, as typed (trimmed). */
  readonly q: string;
  /** The range as the link writes it: a preset's name or an interval. */
  readonly range: string;
  /** When it was run (epoch ms). */
  readonly at: number;
};

function isSearch(value: unknown): value is RecentSearch {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return (
    typeof v.q === 'string' &&
    v.q.length <= MAX_SEARCH_LENGTH &&
    typeof v.range === 'string' &&
    v.range.length <= 100 &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at)
  );
}

export const RECENT_SEARCHES: StoredList<RecentSearch> = {
  key: 'participant-inspector:recent-searches',
  max: 10,
  is: isSearch,
  same: (a, b) => a.q.toLowerCase() === b.q.toLowerCase() && a.range === b.range,
};
