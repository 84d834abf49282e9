/**
 * Peer events as the UI works with them: one record per item the API sent (a malformed item
 * included), each value either read or kept raw with the reason it could not be read.
 */

import type { SpanInput } from '../lib/peer-spans';
import type { Timestamp } from '../lib/timestamp';
import { type Invalid, isInvalid } from './lenient';
import { EVENT_NAMES, type EventName, type Participant } from './participant-schema';

export type Problem = { readonly field: string; readonly raw: unknown; readonly reason: string };

export type PeerEventRecord = {
  /** Position in the list as received: stable, unique, the row key. */
  readonly index: number;
  readonly id: string | null;
  readonly at: Timestamp | null;
  /** The event name as sent, documented or not; null when absent. */
  readonly name: string | null;
  /** The documented name, when it is one. */
  readonly knownName: EventName | null;
  readonly peerId: string | null;
  readonly socketId: string | null;
  /** The preset view type as sent, documented or not. */
  readonly view: string | null;
  readonly minutes: number | null;
  /** Set when an earlier item carried the same event id (duplicates seen in the wild). */
  readonly duplicateOf: number | null;
  readonly problems: readonly Problem[];
};

type Field<T> = T | Invalid | undefined;

function read<T>(field: string, value: Field<T>, problems: Problem[]): T | null {
  if (value === undefined) return null;
  if (isInvalid(value)) {
    problems.push({ field, raw: value.raw, reason: value.reason });
    return null;
  }
  return value;
}

/** An enum field: the documented value, else the raw string as sent (flagged). */
function readName(field: string, value: Field<string>, problems: Problem[]): string | null {
  if (value === undefined) return null;
  if (!isInvalid(value)) return value;
  problems.push({ field, raw: value.raw, reason: value.reason });
  return typeof value.raw === 'string' ? value.raw : null;
}

const isEventName = (name: string | null): name is EventName =>
  name !== null && (EVENT_NAMES as readonly string[]).includes(name);

export function peerEventRecords(
  participant: Pick<Participant, 'peer_events'>,
): PeerEventRecord[] | null {
  const list = participant.peer_events;
  if (list === undefined || isInvalid(list)) return null;
  const seen = new Map<string, number>();
  return list.map((item, index): PeerEventRecord => {
    const problems: Problem[] = [];
    if (isInvalid(item)) {
      return {
        index,
        id: null,
        at: null,
        name: null,
        knownName: null,
        peerId: null,
        socketId: null,
        view: null,
        minutes: null,
        duplicateOf: null,
        problems: [{ field: 'event', raw: item.raw, reason: item.reason }],
      };
    }
    const id = read('id', item.id, problems);
    const name = readName('event_name', item.event_name, problems);
    const duplicateOf = id === null ? null : (seen.get(id) ?? null);
    if (id !== null && duplicateOf === null) seen.set(id, index);
    return {
      index,
      id,
      at: read('created_at', item.created_at, problems),
      name,
      knownName: isEventName(name) ? name : null,
      peerId: read('peer_id', item.peer_id, problems),
      socketId: read('socket_session_id', item.socket_session_id, problems),
      view: readName('preset_view_type', item.preset_view_type, problems),
      minutes: read('minutes_consumed', item.minutes_consumed, problems),
      duplicateOf,
      problems,
    };
  });
}

/** The records that count in sums and spans: a repeat of an earlier event id is left out. */
export function spanInputs(records: readonly PeerEventRecord[]): SpanInput[] {
  return records
    .filter((r) => r.duplicateOf === null)
    .map((r) => ({
      peerId: r.peerId,
      name: r.name ?? '',
      atMs: r.at?.ms ?? null,
      minutes: r.minutes,
    }));
}
