import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isInvalid, valid } from './lenient';
import {
  type Participant,
  participantResponseSchema,
  type WirePeerEvent,
} from './participant-schema';
import { type PeerEventRecord, peerEventRecords, spanInputs } from './peer-events';

const SESSION_ID = '6f1c2a4e-8d3b-4f7a-9c2e-1b5d7e9f0a11';
const PARTICIPANT_ID = 'a3e9c1d7-2b4f-4e6a-8c0d-5f7b9e1a3c22';
const PEER_A = '0c4e8a2f-6b1d-4d3e-9f5a-7c2b4e6d8f01';
const PEER_B = '9d7f5b3a-1e8c-4a6b-8d2f-4c6e8a0b2d02';
const SOCKET_A = 'e2b4d6f8-0a1c-4e3b-9d5f-7a9c1e3b5d03';
const SOCKET_B = 'f3c5e7a9-1b2d-4f4c-8e6a-8b0d2f4c6e04';

const T0 = Date.UTC(2026, 10, 21, 14, 1, 35);
const iso = (ms: number) => new Date(ms).toISOString();

/** One event as the API sends it; overrides may carry values the API should not send. */
function wireEvent(
  id: string,
  name: WirePeerEvent['event_name'],
  atMs: number,
  peerId: string,
  socketId: string,
  minutes: number,
  overrides: Record<string, unknown> = {},
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

/** A whole "Fetch details of a participant" body, read with the real schema. */
function parseParticipant(fields: Record<string, unknown>): Participant {
  const response = z.parse(participantResponseSchema, {
    success: true,
    data: {
      participant: {
        id: PARTICIPANT_ID,
        created_at: iso(T0 - 4_000),
        updated_at: iso(T0 + 600_000),
        display_name: 'Ada Lovelace',
        duration: 10,
        joined_at: iso(T0),
        left_at: iso(T0 + 600_000),
        preset_name: 'group_call_host',
        user_id: 'user-77',
        ...fields,
      },
    },
  });
  const participant = valid(valid(response.data)?.participant);
  if (!participant) throw new Error('the test body has no readable participant');
  return participant;
}

function recordsOf(events: unknown): PeerEventRecord[] {
  const records = peerEventRecords(parseParticipant({ peer_events: events }));
  if (records === null) throw new Error('expected a list of records');
  return records;
}

function only(records: PeerEventRecord[], index: number): PeerEventRecord {
  const record = records[index];
  if (!record) throw new Error(`no record at ${index}`);
  return record;
}

describe('peerEventRecords', () => {
  it('reads a well-formed list into one record per event, in the order received', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_CREATED', T0 - 1_200, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-3', 'PEER_LEAVING', T0 + 600_000, PEER_A, SOCKET_A, 10),
    ]);
    expect(records).toEqual([
      {
        index: 0,
        id: 'ev-1',
        at: { ms: T0 - 1_200, raw: iso(T0 - 1_200) },
        name: 'PEER_CREATED',
        knownName: 'PEER_CREATED',
        peerId: PEER_A,
        socketId: SOCKET_A,
        view: 'GROUP_CALL',
        minutes: 0,
        duplicateOf: null,
        problems: [],
      },
      {
        index: 1,
        id: 'ev-2',
        at: { ms: T0, raw: iso(T0) },
        name: 'PEER_JOINING',
        knownName: 'PEER_JOINING',
        peerId: PEER_A,
        socketId: SOCKET_A,
        view: 'GROUP_CALL',
        minutes: 0,
        duplicateOf: null,
        problems: [],
      },
      {
        index: 2,
        id: 'ev-3',
        at: { ms: T0 + 600_000, raw: iso(T0 + 600_000) },
        name: 'PEER_LEAVING',
        knownName: 'PEER_LEAVING',
        peerId: PEER_A,
        socketId: SOCKET_A,
        view: 'GROUP_CALL',
        minutes: 10,
        duplicateOf: null,
        problems: [],
      },
    ]);
    // A clean ISO time carries no note about assumptions.
    expect(only(records, 0).at?.note).toBeUndefined();
  });

  it('keeps an undocumented event name as sent, with no known name and a problem', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        event_name: 'PEER_RECONNECTING',
      }),
    ]);
    const record = only(records, 0);
    expect(record.name).toBe('PEER_RECONNECTING');
    expect(record.knownName).toBeNull();
    expect(record.problems).toEqual([
      {
        field: 'event_name',
        raw: 'PEER_RECONNECTING',
        reason: 'expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING, got an unknown value',
      },
    ]);
    // The rest of the event is still read.
    expect(record.id).toBe('ev-1');
    expect(record.peerId).toBe(PEER_A);
    expect(record.at?.ms).toBe(T0);
  });

  it('keeps a name that is not text out of name, but reports its raw value', () => {
    const record = only(
      recordsOf([wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { event_name: 3 })]),
      0,
    );
    expect(record.name).toBeNull();
    expect(record.knownName).toBeNull();
    expect(record.problems).toEqual([
      {
        field: 'event_name',
        raw: 3,
        reason: expect.stringMatching(/^expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING/),
      },
    ]);
  });

  it('reads an absent or null event name as no name, without a problem', () => {
    const missing = wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0);
    delete missing.event_name;
    const records = recordsOf([
      missing,
      wireEvent('ev-2', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { event_name: null }),
    ]);
    for (const record of records) {
      expect(record.name).toBeNull();
      expect(record.knownName).toBeNull();
      expect(record.problems).toEqual([]);
    }
  });

  it('keeps an undocumented preset view type as sent, flagged', () => {
    const record = only(
      recordsOf([
        wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
          preset_view_type: 'HOLOGRAM',
        }),
      ]),
      0,
    );
    expect(record.view).toBe('HOLOGRAM');
    expect(record.knownName).toBe('PEER_JOINING');
    expect(record.problems).toEqual([
      { field: 'preset_view_type', raw: 'HOLOGRAM', reason: expect.stringContaining('unknown') },
    ]);
  });

  it('reads minutes sent as a string as unknown, keeping the raw "3"', () => {
    const record = only(
      recordsOf([
        wireEvent('ev-1', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 3, { minutes_consumed: '3' }),
      ]),
      0,
    );
    expect(record.minutes).toBeNull();
    expect(record.problems).toEqual([
      {
        field: 'minutes_consumed',
        raw: '3',
        reason: 'expected a number of minutes (≥ 0), got a string',
      },
    ]);
  });

  it('refuses negative minutes and reads -0 as 0', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0, { minutes_consumed: -4 }),
      wireEvent('ev-2', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0, { minutes_consumed: -0 }),
      wireEvent('ev-3', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0.0067),
    ]);
    expect(only(records, 0).minutes).toBeNull();
    expect(only(records, 0).problems).toEqual([
      {
        field: 'minutes_consumed',
        raw: -4,
        reason: expect.stringMatching(/^expected a number of minutes \(≥ 0\)/),
      },
    ]);
    expect(Object.is(only(records, 1).minutes, 0)).toBe(true);
    expect(only(records, 1).problems).toEqual([]);
    expect(only(records, 2).minutes).toBe(0.0067);
  });

  it('reads a broken created_at as no time, with a problem carrying the raw value', () => {
    const record = only(
      recordsOf([
        wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { created_at: 'yesterday' }),
      ]),
      0,
    );
    expect(record.at).toBeNull();
    expect(record.problems).toEqual([
      {
        field: 'created_at',
        raw: 'yesterday',
        reason: 'expected a timestamp, not a date and time',
      },
    ]);
    expect(record.name).toBe('PEER_JOINING');
  });

  it('reads created_at in the other shapes the API sends, noting assumptions', () => {
    const seconds = Math.floor(T0 / 1000);
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { created_at: seconds }),
      wireEvent('ev-2', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        created_at: '2026-11-21T19:31:35.250+05:30',
      }),
      wireEvent('ev-3', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        created_at: '2026-11-21 14:01:35',
      }),
    ]);
    expect(only(records, 0).at).toEqual({ ms: T0, raw: seconds, note: 'epoch seconds' });
    expect(only(records, 1).at).toEqual({ ms: T0 + 250, raw: '2026-11-21T19:31:35.250+05:30' });
    expect(only(records, 2).at).toEqual({
      ms: T0,
      raw: '2026-11-21 14:01:35',
      note: 'no time zone, UTC assumed',
    });
    expect(records.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('reports wrongly typed ids, peer ids and socket ids with their raw values', () => {
    const record = only(
      recordsOf([
        wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
          id: 12345,
          peer_id: { id: PEER_A },
          socket_session_id: ['x'],
        }),
      ]),
      0,
    );
    expect(record.id).toBeNull();
    expect(record.peerId).toBeNull();
    expect(record.socketId).toBeNull();
    expect(record.problems.map((p) => [p.field, p.raw])).toEqual([
      ['id', 12345],
      ['peer_id', { id: PEER_A }],
      ['socket_session_id', ['x']],
    ]);
    expect(record.problems.map((p) => p.reason)).toEqual([
      'expected a string, got a number',
      'expected a string, got an object',
      'expected a string, got a list',
    ]);
  });

  it('turns an item that is not an object into a record with one "event" problem', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      'not an event',
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 60_000, PEER_A, SOCKET_A, 1),
    ]);
    expect(records).toHaveLength(3);
    expect(only(records, 1)).toEqual({
      index: 1,
      id: null,
      at: null,
      name: null,
      knownName: null,
      peerId: null,
      socketId: null,
      view: null,
      minutes: null,
      duplicateOf: null,
      problems: [
        {
          field: 'event',
          raw: 'not an event',
          reason: 'expected a peer event object, got a string',
        },
      ],
    });
    // One bad item never costs the others.
    expect(records.map((r) => [r.index, r.id])).toEqual([
      [0, 'ev-1'],
      [1, null],
      [2, 'ev-2'],
    ]);
  });

  it('describes null and list items as such', () => {
    const records = recordsOf([null, [1, 2]]);
    expect(records.map((r) => r.problems)).toEqual([
      [{ field: 'event', raw: null, reason: 'expected a peer event object, got null' }],
      [{ field: 'event', raw: [1, 2], reason: 'expected a peer event object, got a list' }],
    ]);
  });

  it('marks a repeated event id as a duplicate of its first occurrence', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 60_000, PEER_A, SOCKET_A, 1),
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 60_000, PEER_A, SOCKET_A, 1),
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
    ]);
    expect(records.map((r) => r.duplicateOf)).toEqual([null, null, 0, 1, 0]);
    // A duplicate is still shown as a normal record.
    expect(only(records, 2).problems).toEqual([]);
    expect(only(records, 2).index).toBe(2);
  });

  it('does not treat events without a readable id as duplicates of each other', () => {
    const noId = wireEvent('x', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0);
    delete noId.id;
    const records = recordsOf([
      noId,
      { ...noId },
      wireEvent('x', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { id: 7 }),
      wireEvent('x', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { id: 7 }),
    ]);
    expect(records.map((r) => r.duplicateOf)).toEqual([null, null, null, null]);
  });

  it('reads an empty list as no records', () => {
    expect(recordsOf([])).toEqual([]);
  });

  it('returns null when peer_events is absent or null', () => {
    expect(peerEventRecords(parseParticipant({}))).toBeNull();
    expect(peerEventRecords(parseParticipant({ peer_events: null }))).toBeNull();
  });

  it('returns null when peer_events is not a list (the marker stays on the participant)', () => {
    for (const raw of [{ id: 'ev-1' }, 'PEER_JOINING', 3]) {
      const participant = parseParticipant({ peer_events: raw });
      expect(peerEventRecords(participant)).toBeNull();
      expect(isInvalid(participant.peer_events)).toBe(true);
    }
  });
});

describe('spanInputs', () => {
  it('maps records to span inputs, keeping unknown names and missing values', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 90_000, PEER_A, SOCKET_A, 1.5),
      wireEvent('ev-3', 'PEER_JOINING', T0 + 95_000, PEER_B, SOCKET_B, 0, {
        event_name: 'PEER_RECONNECTING',
        minutes_consumed: '3',
      }),
      wireEvent('ev-4', 'PEER_LEAVING', T0, PEER_B, SOCKET_B, 2, {
        created_at: 'yesterday',
        event_name: null,
      }),
      'not an event',
    ]);
    expect(spanInputs(records)).toEqual([
      { peerId: PEER_A, name: 'PEER_JOINING', atMs: T0, minutes: 0 },
      { peerId: PEER_A, name: 'PEER_LEAVING', atMs: T0 + 90_000, minutes: 1.5 },
      { peerId: PEER_B, name: 'PEER_RECONNECTING', atMs: T0 + 95_000, minutes: null },
      { peerId: PEER_B, name: '', atMs: null, minutes: 2 },
      { peerId: null, name: '', atMs: null, minutes: null },
    ]);
  });

  it('leaves repeats of an earlier event id out', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 60_000, PEER_A, SOCKET_A, 1),
      wireEvent('ev-2', 'PEER_LEAVING', T0 + 60_000, PEER_A, SOCKET_A, 1),
      wireEvent('ev-3', 'PEER_JOINING', T0 + 70_000, PEER_B, SOCKET_B, 0),
    ]);
    expect(spanInputs(records)).toEqual([
      { peerId: PEER_A, name: 'PEER_JOINING', atMs: T0, minutes: 0 },
      { peerId: PEER_A, name: 'PEER_LEAVING', atMs: T0 + 60_000, minutes: 1 },
      { peerId: PEER_B, name: 'PEER_JOINING', atMs: T0 + 70_000, minutes: 0 },
    ]);
  });

  it('gives nothing for no records', () => {
    expect(spanInputs([])).toEqual([]);
  });
});
