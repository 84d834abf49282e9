/**
 * SDK events (`peer_stats.events`, requested with `filters=events`): one record per item the
 * API sent, a malformed item included, each value either read or kept raw with the reason.
 */
import { parseTimestamp, type Timestamp } from '../lib/timestamp';
import { isInvalid } from './lenient';
import type { Participant } from './participant-schema';
import type { Problem } from './peer-events';

export type Metadata = Readonly<Record<string, unknown>>;

export type StatsEventRecord = {
  /** Position in the list as received: stable and unique. */
  readonly index: number;
  /** The event type as sent; any string, documented or not. */
  readonly type: string | null;
  readonly at: Timestamp | null;
  /** `metadata.peer_id`, when the event names the peer it is about. */
  readonly peerId: string | null;
  readonly metadata: Metadata | null;
  /** Set when an earlier item had the same type, timestamp and metadata. */
  readonly duplicateOf: number | null;
  readonly problems: readonly Problem[];
};

export type StatsEvents =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string }
  | { readonly kind: 'list'; readonly records: readonly StatsEventRecord[] };

function kindOf(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (raw === null) return 'null';
  return typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Source =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string }
  | { readonly kind: 'list'; readonly items: readonly unknown[] };

/**
 * The one place that looks inside `peer_stats` for the events. The schema reads peer_stats
 * section by section; whatever it made of the list (items read or kept raw), the items are
 * read here one by one, so one bad item never discards the others.
 */
function eventsOf(participant: Participant): Source {
  const stats: unknown = participant.peer_stats;
  if (stats === undefined || stats === null) return { kind: 'missing' };
  if (isInvalid(stats)) return { kind: 'invalid', raw: stats.raw, reason: stats.reason };
  if (!isObject(stats)) return { kind: 'invalid', raw: stats, reason: `got ${kindOf(stats)}` };
  const events = stats.events;
  if (events === undefined || events === null) return { kind: 'missing' };
  if (isInvalid(events)) return { kind: 'invalid', raw: events.raw, reason: events.reason };
  if (!Array.isArray(events)) {
    return {
      kind: 'invalid',
      raw: events,
      reason: `expected a list of SDK events, got ${kindOf(events)}`,
    };
  }
  // An item the schema refused travels as an Invalid marker: read what it sent all the same.
  return { kind: 'list', items: events.map((item) => (isInvalid(item) ? item.raw : item)) };
}

function readPeerId(metadata: Metadata | null, problems: Problem[]): string | null {
  const raw = metadata?.peer_id;
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string') return raw;
  problems.push({
    field: 'metadata.peer_id',
    raw,
    reason: `expected a string, got ${kindOf(raw)}`,
  });
  return null;
}

/** What makes two SDK events the same event: they carry no id of their own. */
function identityOf(item: Record<string, unknown>): string {
  try {
    return JSON.stringify([item.type, item.timestamp, item.metadata]) ?? '';
  } catch {
    return '';
  }
}

function readItem(item: unknown, index: number, seen: Map<string, number>): StatsEventRecord {
  if (!isObject(item)) {
    return {
      index,
      type: null,
      at: null,
      peerId: null,
      metadata: null,
      duplicateOf: null,
      problems: [
        { field: 'event', raw: item, reason: `expected an SDK event object, got ${kindOf(item)}` },
      ],
    };
  }
  const problems: Problem[] = [];
  let type: string | null = null;
  if (typeof item.type === 'string') type = item.type;
  else if (item.type !== undefined && item.type !== null)
    problems.push({
      field: 'type',
      raw: item.type,
      reason: `expected a string, got ${kindOf(item.type)}`,
    });
  let at: Timestamp | null = null;
  if (item.timestamp !== undefined && item.timestamp !== null) {
    const parsed = parseTimestamp(item.timestamp);
    if (parsed.ok) at = parsed.value;
    else problems.push({ field: 'timestamp', raw: item.timestamp, reason: parsed.reason });
  }
  let metadata: Metadata | null = null;
  if (isObject(item.metadata)) metadata = item.metadata;
  else if (item.metadata !== undefined && item.metadata !== null)
    problems.push({
      field: 'metadata',
      raw: item.metadata,
      reason: `expected an object, got ${kindOf(item.metadata)}`,
    });
  const identity = identityOf(item);
  const duplicateOf = identity === '' ? null : (seen.get(identity) ?? null);
  if (identity !== '' && duplicateOf === null) seen.set(identity, index);
  return {
    index,
    type,
    at,
    peerId: readPeerId(metadata, problems),
    metadata,
    duplicateOf,
    problems,
  };
}

export function statsEventRecords(participant: Participant): StatsEvents {
  const source = eventsOf(participant);
  if (source.kind !== 'list') return source;
  const seen = new Map<string, number>();
  return { kind: 'list', records: source.items.map((item, i) => readItem(item, i, seen)) };
}
