/**
 * Table rows from peer-event and SDK-event records: offset from joined_at, gap since the
 * previous event of the same source; and, on demand, one lower-case text per row for search.
 */
import type { PeerEventRecord } from '../../../api/peer-events';
import type { StatsEventRecord } from '../../../api/stats-events';
import { formatRaw } from '../../../lib/format';
import type { Timestamp } from '../../../lib/timestamp';
import { metadataSearchText } from './metadata';

type Timing = {
  readonly atMs: number | null;
  /** Milliseconds since the participant's joined_at (negative before it). */
  readonly offsetMs: number | null;
  /** Milliseconds since the previous event of the same source, in time order. */
  readonly gapMs: number | null;
};

export type TimelineRow = PeerEventRecord & Timing & { readonly source: 'peer' };
export type SdkRow = StatsEventRecord & Timing & { readonly source: 'sdk' };
/** One row of the timeline table: a peer event or an SDK event. */
export type TableRow = TimelineRow | SdkRow;

export const SOURCES = ['peer', 'sdk'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = { peer: 'Peer event', sdk: 'SDK event' };

const searchTexts = new WeakMap<TableRow, string>();

const sourceParts = (row: TableRow) =>
  row.source === 'peer'
    ? [row.id, row.name, row.peerId, row.socketId, row.view]
    : [row.type, row.peerId, row.metadata ? metadataSearchText(row.metadata) : null];

/**
 * One lower-case text per row for the search box, built the first time a search needs it
 * (building 10,000 of them up front cost more than the whole table's first paint).
 */
export function searchTextOf(row: TableRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    text = [
      ...sourceParts(row),
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

type Timed = { readonly index: number; readonly at: Timestamp | null };

/** Each record with its time, offset and gap, in the order given. */
function withTimings<R extends Timed, Row>(
  records: readonly R[],
  joinedAtMs: number | null,
  make: (record: R, timing: Timing) => Row,
): Row[] {
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
    return make(record, {
      atMs,
      offsetMs: atMs === null || joinedAtMs === null ? null : atMs - joinedAtMs,
      gapMs: gaps.get(record.index) ?? null,
    });
  });
}

export function timelineRows(
  records: readonly PeerEventRecord[],
  joinedAtMs: number | null,
): TimelineRow[] {
  return withTimings(records, joinedAtMs, (record, timing) => ({
    ...record,
    ...timing,
    source: 'peer',
  }));
}

export function sdkRows(records: readonly StatsEventRecord[], joinedAtMs: number | null): SdkRow[] {
  return withTimings(records, joinedAtMs, (record, timing) => ({
    ...record,
    ...timing,
    source: 'sdk',
  }));
}

/**
 * The timeline: peer events, then SDK events, each in the order received (the table sorts).
 * Gaps are measured within a source, so a peer event's gap (often a reconnect's length) reads
 * the same whether or not SDK events were requested.
 */
export function mergedRows(
  peer: readonly PeerEventRecord[] | null,
  sdk: readonly StatsEventRecord[] | null,
  joinedAtMs: number | null,
): TableRow[] {
  return [...timelineRows(peer ?? [], joinedAtMs), ...sdkRows(sdk ?? [], joinedAtMs)];
}
