/**
 * SDK events: `peer_stats.events` (older deployments, requested with `filters=events`) and each
 * peer report's `metadata.events` (today's API). One record per item the API sent, a malformed
 * item included, each value either read or kept raw with the reason.
 */
import { parseTimestamp, type Timestamp } from '../lib/timestamp';
import { isInvalid, valid } from './lenient';
import type { Participant } from './participant-schema';
import type { Problem } from './peer-events';
import type { PeerReportParticipant } from './peer-report-schema';

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

/** Where a list of SDK events calls the event's type: `type` in peer_stats, `name` in a report. */
type TypeKey = 'type' | 'name';

/** What makes two SDK events the same event: they carry no id of their own. */
function identityOf(item: Record<string, unknown>, typeKey: TypeKey): string {
  try {
    return JSON.stringify([item[typeKey], item.timestamp, item.metadata]) ?? '';
  } catch {
    return '';
  }
}

function readItem(
  item: unknown,
  index: number,
  seen: Map<string, number>,
  typeKey: TypeKey = 'type',
): StatsEventRecord {
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
  const rawType = item[typeKey];
  if (typeof rawType === 'string') type = rawType;
  else if (rawType !== undefined && rawType !== null)
    problems.push({
      field: typeKey,
      raw: rawType,
      reason: `expected a string, got ${kindOf(rawType)}`,
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
  const identity = identityOf(item, typeKey);
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

/** A value as the API sent it: an Invalid marker's raw value, else the value. */
const sent = (value: unknown): unknown => (isInvalid(value) ? value.raw : value);

/** The items of a report's `metadata.events`, each as sent (the schema's reading undone). */
function reportItems(report: PeerReportParticipant): readonly unknown[] {
  const events = valid(valid(valid(report.peer_report)?.metadata)?.events);
  // A list that is not a list is flagged where the peer reports are shown, not here.
  if (!Array.isArray(events)) return [];
  return events.map((item) => {
    if (isInvalid(item)) return item.raw;
    const at = item.timestamp;
    return {
      name: sent(item.name),
      timestamp: at === undefined || isInvalid(at) ? sent(at) : at.raw,
      metadata: sent(item.metadata),
    };
  });
}

/**
 * The SDK events of one peer report: the report's peer is each record's peer, `name` its type.
 * Indexes start at `start`, so records from several lists stay unique.
 */
export function reportEventRecords(
  peerId: string,
  report: PeerReportParticipant,
  start = 0,
): StatsEventRecord[] {
  const seen = new Map<string, number>();
  return reportItems(report).map((item, i) => {
    const record = readItem(item, start + i, seen, 'name');
    return { ...record, peerId: record.peerId ?? peerId };
  });
}

/** A loaded peer report and the peer it is about. */
export type ReportWithPeer = {
  readonly peerId: string;
  readonly participant: PeerReportParticipant;
};

export type SdkEvents = {
  /** What `peer_stats.events` held. */
  readonly stats: StatsEvents;
  /** Every SDK event to show: peer_stats' first, then the reports' not already among them. */
  readonly records: readonly StatsEventRecord[];
  /** How many of the records came from the peer reports. */
  readonly fromReports: number;
};

/** The same event from either source, whatever form its timestamp came in. */
const sameEventKey = (r: StatsEventRecord) =>
  r.type === null || r.at === null ? null : JSON.stringify([r.type, r.at.ms, r.metadata]);

/**
 * The SDK events from both sources. An event both send (an older deployment that also has
 * reports) is shown once, as peer_stats sent it.
 */
export function sdkEventRecords(
  participant: Participant,
  reports: readonly ReportWithPeer[],
): SdkEvents {
  const stats = statsEventRecords(participant);
  const fromStats = stats.kind === 'list' ? stats.records : [];
  const known = new Set(fromStats.map(sameEventKey).filter((key) => key !== null));
  let next = fromStats.length;
  const fromReports: StatsEventRecord[] = [];
  for (const { peerId, participant: report } of reports) {
    const records = reportEventRecords(peerId, report, next);
    next += records.length;
    for (const record of records) {
      const key = sameEventKey(record);
      if (key === null || !known.has(key)) fromReports.push(record);
    }
  }
  return { stats, records: [...fromStats, ...fromReports], fromReports: fromReports.length };
}
