import { describe, expect, it } from 'vitest';
import {
  iso,
  leftParticipant,
  leftParticipantWithout,
  nth,
  PEER_A,
  PEER_B,
  parseParticipant,
  recordsOf,
  SOCKET_A,
  SOCKET_B,
  T0,
  wireEvent,
} from '../test/peer-event-fixtures';
import { isInvalid } from './lenient';
import type { EventName } from './participant-schema';
import { type PeerEventRecord, type Problem, peerEventRecords, spanInputs } from './peer-events';

/** The record a well-formed event of peer A reads as: every value read, no problem, no repeat. */
function readInFull(
  index: number,
  id: string,
  atMs: number,
  name: EventName,
  minutes: number,
): PeerEventRecord {
  return {
    index,
    id,
    at: { ms: atMs, raw: iso(atMs) },
    name,
    knownName: name,
    peerId: PEER_A,
    socketId: SOCKET_A,
    view: 'GROUP_CALL',
    minutes,
    duplicateOf: null,
    problems: [],
  };
}

/** A body with one event in it whose values are all readable but one. */
type OneEventCase = {
  event: Record<string, unknown>;
  /** What the record must read, beside the problems. */
  read: Partial<Record<keyof PeerEventRecord, unknown>>;
  problems: Problem[];
};

const oneEventCases: Array<[title: string, OneEventCase]> = [
  [
    'keeps an undocumented event name as sent, with no known name and a problem',
    {
      event: wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        event_name: 'PEER_RECONNECTING',
      }),
      // The rest of the event is still read.
      read: {
        name: 'PEER_RECONNECTING',
        knownName: null,
        id: 'ev-1',
        peerId: PEER_A,
        at: { ms: T0 },
      },
      problems: [
        {
          field: 'event_name',
          raw: 'PEER_RECONNECTING',
          reason: 'expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING, got an unknown value',
        },
      ],
    },
  ],
  [
    'keeps a name that is not text out of name, but reports its raw value',
    {
      event: wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, { event_name: 3 }),
      read: { name: null, knownName: null },
      problems: [
        {
          field: 'event_name',
          raw: 3,
          reason: expect.stringMatching(
            /^expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING/,
          ),
        },
      ],
    },
  ],
  [
    'keeps an undocumented preset view type as sent, flagged',
    {
      event: wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        preset_view_type: 'HOLOGRAM',
      }),
      read: { view: 'HOLOGRAM', knownName: 'PEER_JOINING' },
      problems: [
        { field: 'preset_view_type', raw: 'HOLOGRAM', reason: expect.stringContaining('unknown') },
      ],
    },
  ],
  [
    'reads minutes sent as a string as unknown, keeping the raw "3"',
    {
      event: wireEvent('ev-1', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 3, { minutes_consumed: '3' }),
      read: { minutes: null },
      problems: [
        {
          field: 'minutes_consumed',
          raw: '3',
          reason: 'expected a number of minutes (≥ 0), got a string',
        },
      ],
    },
  ],
  [
    'reads a broken created_at as no time, with a problem carrying the raw value',
    {
      event: wireEvent('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0, {
        created_at: 'yesterday',
      }),
      read: { at: null, name: 'PEER_JOINING' },
      problems: [
        {
          field: 'created_at',
          raw: 'yesterday',
          reason: 'expected a timestamp, not a date and time',
        },
      ],
    },
  ],
];

describe('peerEventRecords', () => {
  it('reads a well-formed list into one record per event, in the order received', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_CREATED', T0 - 1_200, PEER_A, SOCKET_A, 0),
      wireEvent('ev-2', 'PEER_JOINING', T0, PEER_A, SOCKET_A, 0),
      wireEvent('ev-3', 'PEER_LEAVING', T0 + 600_000, PEER_A, SOCKET_A, 10),
    ]);
    expect(records).toEqual([
      readInFull(0, 'ev-1', T0 - 1_200, 'PEER_CREATED', 0),
      readInFull(1, 'ev-2', T0, 'PEER_JOINING', 0),
      readInFull(2, 'ev-3', T0 + 600_000, 'PEER_LEAVING', 10),
    ]);
    // A clean ISO time carries no note about assumptions.
    expect(nth(records, 0).at?.note).toBeUndefined();
  });

  it.each(oneEventCases)('%s', (_title, { event, read, problems }) => {
    const record = nth(recordsOf([event]), 0);
    expect(record).toMatchObject(read);
    expect(record.problems).toEqual(problems);
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

  it('refuses negative minutes and reads -0 as 0', () => {
    const records = recordsOf([
      wireEvent('ev-1', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0, { minutes_consumed: -4 }),
      wireEvent('ev-2', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0, { minutes_consumed: -0 }),
      wireEvent('ev-3', 'PEER_LEAVING', T0, PEER_A, SOCKET_A, 0.0067),
    ]);
    expect(nth(records, 0).minutes).toBeNull();
    expect(nth(records, 0).problems).toEqual([
      {
        field: 'minutes_consumed',
        raw: -4,
        reason: expect.stringMatching(/^expected a number of minutes \(≥ 0\)/),
      },
    ]);
    expect(Object.is(nth(records, 1).minutes, 0)).toBe(true);
    expect(nth(records, 1).problems).toEqual([]);
    expect(nth(records, 2).minutes).toBe(0.0067);
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
    expect(nth(records, 0).at).toEqual({ ms: T0, raw: seconds, note: 'epoch seconds' });
    expect(nth(records, 1).at).toEqual({ ms: T0 + 250, raw: '2026-11-21T19:31:35.250+05:30' });
    expect(nth(records, 2).at).toEqual({
      ms: T0,
      raw: '2026-11-21 14:01:35',
      note: 'no time zone, UTC assumed',
    });
    expect(records.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('reports wrongly typed ids, peer ids and socket ids with their raw values', () => {
    const record = nth(
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
    expect(nth(records, 1)).toEqual({
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
    expect(nth(records, 2).problems).toEqual([]);
    expect(nth(records, 2).index).toBe(2);
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
    expect(peerEventRecords(parseParticipant(leftParticipantWithout('peer_events')))).toBeNull();
    expect(
      peerEventRecords(parseParticipant({ ...leftParticipant, peer_events: null })),
    ).toBeNull();
  });

  it('returns null when peer_events is not a list (the marker stays on the participant)', () => {
    for (const raw of [{ id: 'ev-1' }, 'PEER_JOINING', 3]) {
      const participant = parseParticipant({ ...leftParticipant, peer_events: raw });
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
