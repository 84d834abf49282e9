/**
 * Fixtures shared by the peer-event tests: raw bodies as the API sends them, read with the real
 * schema. No DOM use, so the node and jsdom test projects can both import it.
 */

import * as z from 'zod/mini';
import { valid } from '../api/lenient';
import {
  type Participant,
  participantResponseSchema,
  type WirePeerEvent,
} from '../api/participant-schema';
import { type PeerEventRecord, peerEventRecords } from '../api/peer-events';

export const SESSION_ID = '6f1c2a4e-8d3b-4f7a-9c2e-1b5d7e9f0a11';
export const PARTICIPANT_ID = 'a3e9c1d7-2b4f-4e6a-8c0d-5f7b9e1a3c22';
export const PEER_A = '0c4e8a2f-6b1d-4d3e-9f5a-7c2b4e6d8f01';
export const PEER_B = '9d7f5b3a-1e8c-4a6b-8d2f-4c6e8a0b2d02';
export const PEER_C = '5a3c1e9b-7d2f-4b8a-9e6c-2d4f6a8c0e03';
export const SOCKET_A = 'e2b4d6f8-0a1c-4e3b-9d5f-7a9c1e3b5d03';
export const SOCKET_B = 'f3c5e7a9-1b2d-4f4c-8e6a-8b0d2f4c6e04';

export const T0 = Date.UTC(2026, 10, 21, 14, 1, 35);
export const MIN = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export type WireEventName = WirePeerEvent['event_name'];
/** Fields laid over a wire event or body, including values the API should not send. */
export type Overrides = Record<string, unknown>;

/** One event as the API sends it; overrides may carry values the API should not send. */
export function wireEvent(
  id: string,
  name: WireEventName,
  atMs: number,
  peerId: string,
  socketId: string,
  minutes = 0,
  overrides: Overrides = {},
): Record<string, unknown> {
  const event: WirePeerEvent = {
    id,
    created_at: iso(atMs),
    updated_at: iso(atMs),
    event_name: name,
    minutes_consumed: minutes,
    participant_id: PARTICIPANT_ID,
    peer_id: peerId,
    preset_view_type: 'GROUP_CALL',
    session_id: SESSION_ID,
    socket_session_id: socketId,
  };
  return { ...event, ...overrides };
}

/** A participant as RealtimeKit sends it after they left: joined T0, left 10 minutes later. */
export const leftParticipant: Readonly<Record<string, unknown>> = {
  id: PARTICIPANT_ID,
  created_at: iso(T0 - 4_000),
  updated_at: iso(T0 + 10 * MIN),
  custom_participant_id: 'crm-4411',
  display_name: 'Ada Lovelace',
  duration: 10,
  joined_at: iso(T0),
  left_at: iso(T0 + 10 * MIN),
  preset_name: 'group_call_host',
  user_id: 'user-77',
  peer_events: [],
};

/** `leftParticipant` with one field not sent at all. */
export function leftParticipantWithout(key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...leftParticipant };
  delete copy[key];
  return copy;
}

/**
 * A whole "Fetch details of a participant" body with exactly these participant fields, read with
 * the real schema, as the app reads it.
 */
export function parseParticipant(fields: Record<string, unknown>): Participant {
  const response = z.parse(participantResponseSchema, {
    success: true,
    data: { participant: fields, session_id: SESSION_ID },
  });
  const participant = valid(valid(response.data)?.participant);
  if (!participant) throw new Error('the test body has no readable participant');
  return participant;
}

/** Records as the app builds them: a left participant's body with these peer events, read. */
export function recordsOf(events: unknown[]): PeerEventRecord[] {
  const records = peerEventRecords(parseParticipant({ ...leftParticipant, peer_events: events }));
  if (records === null) throw new Error('expected a list of records');
  return records;
}

/** The item at `index`, failing the test when there is none. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

/**
 * A whole answer long enough to be read by hand (long-history.ts): `count` peers joining and
 * leaving one after another, a second apart. One event the schema must read and flag: an
 * `updated_at` that is no time.
 */
export function longHistoryText(count = 8_000): string {
  const events = Array.from({ length: count }, (_, i) =>
    wireEvent(
      `event-${i}`,
      i % 2 ? 'PEER_LEAVING' : 'PEER_JOINING',
      T0 + i * 1_000,
      `peer-${Math.floor(i / 2)}`,
      SOCKET_A,
      i % 2 ? 0.5 : 0,
      i === 7 ? { updated_at: 'yesterday' } : {},
    ),
  );
  const participant = { ...leftParticipant, display_name: 'Long history', peer_events: events };
  return JSON.stringify({ success: true, data: { participant, session_id: SESSION_ID } });
}
