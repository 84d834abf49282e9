/**
 * Table rows from peer-event records: time order, offset from joined_at, gap since the
 * previous event; and, on demand, one lower-case text per row for the search box.
 */
import type { PeerEventRecord } from '../../../api/peer-events';
import { formatRaw } from '../../../lib/format';

export type TimelineRow = PeerEventRecord & {
  readonly atMs: number | null;
  /** Milliseconds since the participant's joined_at (negative before it). */
  readonly offsetMs: number | null;
  /** Milliseconds since the previous event in time order. */
  readonly gapMs: number | null;
};

const searchTexts = new WeakMap<TimelineRow, string>();

/**
 * One lower-case text per row for the search box, built the first time a search needs it
 * (building 10,000 of them up front cost more than the whole table's first paint).
 */
export function searchTextOf(row: TimelineRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = [
      row.id,
      row.name,
      row.peerId,
      row.socketId,
      row.view,
      row.at?.raw,
      // Raw values as the table shows them, so what the agent sees is what they can find.
      ...row.problems.map((p) => formatRaw(p.raw, 200)),
    ]
      .filter((part) => part !== null && part !== undefined)
      .join(' ')
      .toLowerCase();
    searchTexts.set(row, text);
  }
  return text;
}

export function timelineRows(
  records: readonly PeerEventRecord[],
  joinedAtMs: number | null,
): TimelineRow[] {
  const byTime = records
    .filter((r) => r.at !== null)
    .sort((a, b) => (a.at?.ms ?? 0) - (b.at?.ms ?? 0) || a.index - b.index);
  const gaps = new Map<number, number | null>();
  let previous: number | null = null;
  for (const record of byTime) {
    const ms = record.at?.ms ?? null;
    gaps.set(record.index, previous === null || ms === null ? null : ms - previous);
    previous = ms;
  }
  return records.map((record) => {
    const atMs = record.at?.ms ?? null;
    return {
      ...record,
      atMs,
      offsetMs: atMs === null || joinedAtMs === null ? null : atMs - joinedAtMs,
      gapMs: gaps.get(record.index) ?? null,
    };
  });
}
