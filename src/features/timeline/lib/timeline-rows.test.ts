import { describe, expect, it } from 'vitest';
import { statsEventRecords } from '../../../api/stats-events';
import {
  iso,
  leftParticipant,
  nth,
  type Overrides,
  parseParticipant,
  recordsOf,
  T0,
  type WireEventName,
  wireEvent,
} from '../../../test/peer-event-fixtures';
import { mergedRows, sdkRows, searchTextOf, timelineRows } from './timeline-rows';

// Ids in upper and lower case: search must find them whatever the case.
const PEER_A = 'Peer-0C4E8A2F-6B1D';
const SOCKET_A = 'Socket-E2B4D6F8-0A1C';
const PEER_B = 'peer-9d7f5b3a-1e8c';
const SOCKET_B = 'socket-f3c5e7a9-1b2d';

/** An event of peer A unless said, with no minutes consumed. */
const event = (
  id: string,
  name: WireEventName,
  atMs: number,
  peerId = PEER_A,
  socketId = SOCKET_A,
  overrides: Overrides = {},
) => wireEvent(id, name, atMs, peerId, socketId, 0, overrides);

describe('timelineRows', () => {
  it('gives one row per record, in the order received, keeping the record fields', () => {
    const records = recordsOf([
      event('ev-1', 'PEER_CREATED', T0 - 5_000),
      event('ev-2', 'PEER_JOINING', T0),
    ]);
    const rows = timelineRows(records, T0);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.index)).toEqual([0, 1]);
    const first = nth(rows, 0);
    expect(first).toMatchObject({
      index: 0,
      id: 'ev-1',
      name: 'PEER_CREATED',
      knownName: 'PEER_CREATED',
      peerId: PEER_A,
      socketId: SOCKET_A,
      view: 'GROUP_CALL',
      minutes: 0,
      duplicateOf: null,
      problems: [],
      atMs: T0 - 5_000,
    });
    expect(first.at).toEqual({ ms: T0 - 5_000, raw: iso(T0 - 5_000) });
  });

  it('measures each event from joined_at, negative before it', () => {
    const rows = timelineRows(
      recordsOf([
        event('ev-1', 'PEER_CREATED', T0 - 5_000),
        event('ev-2', 'PEER_JOINING', T0),
        event('ev-3', 'PEER_LEAVING', T0 + 90_000),
      ]),
      T0,
    );
    expect(rows.map((r) => r.offsetMs)).toEqual([-5_000, 0, 90_000]);
  });

  it('has no offsets when joined_at is unknown, but still has gaps', () => {
    const rows = timelineRows(
      recordsOf([event('ev-1', 'PEER_CREATED', T0 - 5_000), event('ev-2', 'PEER_JOINING', T0)]),
      null,
    );
    expect(rows.map((r) => r.offsetMs)).toEqual([null, null]);
    expect(rows.map((r) => r.gapMs)).toEqual([null, 5_000]);
  });

  it('measures the gap from the previous event in time order, whatever the order received', () => {
    const records = recordsOf([
      event('ev-3', 'PEER_LEAVING', T0 + 90_000),
      event('ev-1', 'PEER_CREATED', T0 - 5_000),
      event('ev-5', 'PEER_LEAVING', T0 + 300_000, PEER_B, SOCKET_B),
      event('ev-2', 'PEER_JOINING', T0),
      event('ev-4', 'PEER_JOINING', T0 + 120_000, PEER_B, SOCKET_B),
    ]);
    const rows = timelineRows(records, T0);
    // Rows stay in the order received; the table sorts them itself.
    expect(rows.map((r) => r.id)).toEqual(['ev-3', 'ev-1', 'ev-5', 'ev-2', 'ev-4']);
    expect(rows.map((r) => r.gapMs)).toEqual([90_000, null, 180_000, 5_000, 30_000]);
    expect(rows.map((r) => r.offsetMs)).toEqual([90_000, -5_000, 300_000, 0, 120_000]);
  });

  it('gives simultaneous events a zero gap, the later-received one after the earlier', () => {
    const rows = timelineRows(
      recordsOf([
        event('ev-2', 'PEER_JOINING', T0 + 1_000),
        event('ev-1', 'PEER_CREATED', T0),
        event('ev-3', 'PEER_JOINING', T0 + 1_000, PEER_B, SOCKET_B),
      ]),
      T0,
    );
    expect(rows.map((r) => r.gapMs)).toEqual([1_000, null, 0]);
  });

  it('compares instants, not the text of times sent with different offsets', () => {
    const rows = timelineRows(
      recordsOf([
        // 14:01:40Z written in +05:30 sorts after 14:01:35Z written in UTC.
        event('ev-2', 'PEER_JOINING', T0, PEER_A, SOCKET_A, {
          created_at: '2026-11-21T19:31:40+05:30',
        }),
        event('ev-1', 'PEER_CREATED', T0),
      ]),
      T0,
    );
    expect(rows.map((r) => r.atMs)).toEqual([T0 + 5_000, T0]);
    expect(rows.map((r) => r.gapMs)).toEqual([5_000, null]);
  });

  it('gives an event without a readable time no time, offset or gap, and skips it for gaps', () => {
    const records = recordsOf([
      event('ev-1', 'PEER_JOINING', T0),
      event('ev-2', 'PEER_LEAVING', T0 + 30_000, PEER_A, SOCKET_A, {
        created_at: 'yesterday',
      }),
      'not an event',
      event('ev-3', 'PEER_LEAVING', T0 + 60_000),
    ]);
    const rows = timelineRows(records, T0);
    expect(rows.map((r) => [r.atMs, r.offsetMs, r.gapMs])).toEqual([
      [T0, 0, null],
      [null, null, null],
      [null, null, null],
      [T0 + 60_000, 60_000, 60_000],
    ]);
  });

  it('gives no rows for no records', () => {
    expect(timelineRows([], T0)).toEqual([]);
  });

  it('does not reorder the records it is given', () => {
    const records = recordsOf([
      event('ev-2', 'PEER_LEAVING', T0 + 60_000),
      event('ev-1', 'PEER_JOINING', T0),
    ]);
    const before = records.map((r) => r.id);
    timelineRows(records, T0);
    expect(records.map((r) => r.id)).toEqual(before);
  });

  describe('searchText', () => {
    it('joins id, name, peer id, socket id, view and the raw time, lower-cased', () => {
      const rows = timelineRows(
        recordsOf([event('EV-Abc-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A)]),
        T0,
      );
      expect(searchTextOf(nth(rows, 0))).toBe(
        [
          'ev-abc-1',
          'peer_joining',
          PEER_A.toLowerCase(),
          SOCKET_A.toLowerCase(),
          'group_call',
          iso(T0).toLowerCase(),
        ].join(' '),
      );
    });

    it('finds the peer id and socket id whatever their case', () => {
      const text = searchTextOf(
        nth(timelineRows(recordsOf([event('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A)]), T0), 0),
      );
      expect(text).toContain('peer-0c4e8a2f-6b1d');
      expect(text).toContain('socket-e2b4d6f8-0a1c');
      expect(text).toBe(text.toLowerCase());
    });

    it('includes the raw values of problems, so flagged values can be found', () => {
      const rows = timelineRows(
        recordsOf([
          event('ev-1', 'PEER_JOINING', T0, PEER_B, SOCKET_B, {
            event_name: 'PEER_RECONNECTING',
            minutes_consumed: '3',
            created_at: 'Yesterday',
            preset_view_type: 'HOLOGRAM',
          }),
        ]),
        T0,
      );
      const text = searchTextOf(nth(rows, 0));
      // The unknown name is both the name and a problem's raw value (shown quoted, as in the table).
      expect(text).toMatch(/^ev-1 peer_reconnecting .*"peer_reconnecting"/);
      expect(text).toContain('hologram');
      expect(text).toContain('yesterday');
      expect(text).toContain('"3"');
      expect(text).toContain(PEER_B);
      expect(text).toContain(SOCKET_B);
    });

    it('includes the contents of a raw value that is an object, as the table shows it', () => {
      // The table shows this raw value as {"id":"Peer-0C4E8A2F-6B1D"}; searching for the peer id
      // seen on screen must find the row.
      const rows = timelineRows(
        recordsOf([
          event('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, { peer_id: { id: PEER_A } }),
        ]),
        T0,
      );
      const record = nth(rows, 0);
      expect(record.peerId).toBeNull();
      expect(record.problems.map((p) => p.raw)).toEqual([{ id: PEER_A }]);
      expect(searchTextOf(record)).toContain(PEER_A.toLowerCase());
      expect(searchTextOf(record)).not.toContain('[object object]');
    });

    it('includes the raw value of an item that is not an event', () => {
      const rows = timelineRows(recordsOf(['Not An Event']), T0);
      expect(searchTextOf(nth(rows, 0))).toBe('"not an event"');
    });

    it('includes a raw numeric time as digits', () => {
      const seconds = Math.floor(T0 / 1000);
      const rows = timelineRows(
        recordsOf([event('ev-1', 'PEER_JOINING', T0, PEER_A, SOCKET_A, { created_at: seconds })]),
        T0,
      );
      expect(nth(rows, 0).atMs).toBe(T0);
      expect(searchTextOf(nth(rows, 0)).split(' ')).toContain(String(seconds));
    });

    it('leaves out values that were not sent', () => {
      const bare = { id: 'ev-1', event_name: 'PEER_JOINING', created_at: iso(T0) };
      const rows = timelineRows(recordsOf([bare]), T0);
      expect(searchTextOf(nth(rows, 0))).toBe(`ev-1 peer_joining ${iso(T0).toLowerCase()}`);
    });
  });
});

/** SDK event records as the app reads them from a left participant's peer_stats.events. */
function sdkRecordsOf(events: unknown[]) {
  const read = statsEventRecords(parseParticipant({ ...leftParticipant, peer_stats: { events } }));
  if (read.kind !== 'list') throw new Error(`expected a list, got ${read.kind}`);
  return read.records;
}

describe('sdkRows and mergedRows', () => {
  const sdk = sdkRecordsOf([
    { type: 'network_disconnected', timestamp: iso(T0 + 50_000), metadata: { reason: 'ice' } },
    { type: 'ice_connected_relay', timestamp: iso(T0 + 1_000), metadata: { peer_id: PEER_B } },
    { type: 'media_permission', timestamp: 'soon' },
    { type: 'ice_connected_relay', timestamp: iso(T0 + 1_000), metadata: { peer_id: PEER_B } },
  ]);

  it('gives SDK events their time, offset from joined_at and gap within SDK events', () => {
    const rows = sdkRows(sdk, T0);
    expect(rows.map((r) => [r.source, r.type, r.atMs, r.offsetMs, r.gapMs])).toEqual([
      ['sdk', 'network_disconnected', T0 + 50_000, 50_000, 49_000],
      ['sdk', 'ice_connected_relay', T0 + 1_000, 1_000, null],
      ['sdk', 'media_permission', null, null, null],
      ['sdk', 'ice_connected_relay', T0 + 1_000, 1_000, 0],
    ]);
    expect(rows.map((r) => r.duplicateOf)).toEqual([null, null, null, 1]);
    expect(nth(rows, 2).problems).toMatchObject([{ field: 'timestamp', raw: 'soon' }]);
  });

  it('keeps both sources, peer events first, without changing the peer-event gaps', () => {
    const peer = recordsOf([
      event('ev-1', 'PEER_JOINING', T0),
      event('ev-2', 'PEER_LEAVING', T0 + 60_000),
    ]);
    const merged = mergedRows(peer, sdk, T0);
    expect(merged.map((r) => r.source)).toEqual(['peer', 'peer', 'sdk', 'sdk', 'sdk', 'sdk']);
    expect(merged.slice(0, 2)).toEqual(timelineRows(peer, T0));
    expect(merged.map((r) => r.gapMs).slice(0, 2)).toEqual([null, 60_000]);
  });

  it('has only SDK rows when no peer events were sent, and none when nothing was', () => {
    expect(mergedRows(null, sdk, null).map((r) => r.offsetMs)).toEqual([null, null, null, null]);
    expect(mergedRows(null, null, T0)).toEqual([]);
  });

  it('finds an SDK event by its type, peer id, metadata keys and values, and raw problems', () => {
    const rows = sdkRows(
      sdkRecordsOf([
        {
          type: 'ICE_Connected_Relay',
          timestamp: iso(T0),
          metadata: { peer_id: PEER_A, Candidate: 'TURN/udp', nested: { Code: 701 } },
        },
        { type: 'x', timestamp: 'Soon', metadata: 'Not An Object' },
      ]),
      T0,
    );
    const first = searchTextOf(nth(rows, 0));
    expect(first).toContain('ice_connected_relay');
    expect(first).toContain(PEER_A.toLowerCase());
    expect(first).toContain('candidate turn/udp');
    expect(first).toContain('{"code":701}');
    const second = searchTextOf(nth(rows, 1));
    expect(second).toContain('"soon"');
    expect(second).toContain('"not an object"');
  });

  it('cuts each metadata value in the search text, so a huge value costs little', () => {
    const huge = `${'a'.repeat(5_000)}needle`;
    const [row] = sdkRows(sdkRecordsOf([{ type: 't', metadata: { huge } }]), T0);
    if (!row) throw new Error('no row');
    expect(searchTextOf(row).length).toBeLessThan(1_100);
    expect(searchTextOf(row)).not.toContain('needle');
  });
});
