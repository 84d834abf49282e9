/**
 * Table rows from peer-event records: time order, offset from joined_at, gap since the
 * previous event, and one lower-case text per row for the search box.
 */
import type { PeerEventRecord } from '../../../api/peer-events';
import { formatRaw } from '../../../lib/format';

export type TimelineRow = PeerEventRecord & {
  readonly atMs: number | null;
  /** Milliseconds since the participant's joined_at (negative before it). */
  readonly offsetMs: number | null;
  /** Milliseconds since the previous event in time order. */
  readonly gapMs: number | null;
  readonly searchText: string;
};

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
      searchText: [
        record.id,
        record.name,
        record.peerId,
        record.socketId,
        record.view,
        record.at?.raw,
        // Raw values as the table shows them, so what the agent sees is what they can find.
        ...record.problems.map((p) => formatRaw(p.raw, 200)),
      ]
        .filter((part) => part !== null && part !== undefined)
        .join(' ')
        .toLowerCase(),
    };
  });
}
