import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  iso,
  leftParticipant,
  PEER_A,
  PEER_B,
  parseParticipant,
  T0,
} from '../test/peer-event-fixtures';
import { reportParticipantSchema } from './peer-report-schema';
import {
  reportEventRecords,
  type StatsEventRecord,
  type StatsEvents,
  sdkEventRecords,
  statsEventRecords,
} from './stats-events';

/** What the app reads from a left participant whose peer_stats is this value. */
const read = (peerStats: unknown): StatsEvents =>
  statsEventRecords(parseParticipant({ ...leftParticipant, peer_stats: peerStats }));

/** The records of a readable list, failing the test when the list was not readable. */
function recordsOf(events: unknown): readonly StatsEventRecord[] {
  const result = read({ events });
  if (result.kind !== 'list') throw new Error(`expected a list, got ${result.kind}`);
  return result.records;
}

const one = (event: unknown): StatsEventRecord => {
  const [record] = recordsOf([event]);
  if (!record) throw new Error('no record');
  return record;
};

describe('statsEventRecords, the list', () => {
  it('says the events are missing when peer_stats, events or both were not sent', () => {
    expect(statsEventRecords(parseParticipant(leftParticipant))).toEqual({ kind: 'missing' });
    expect(read(null)).toEqual({ kind: 'missing' });
    expect(read({ config: 'default' })).toEqual({ kind: 'missing' });
    expect(read({ events: null })).toEqual({ kind: 'missing' });
  });

  it('reads an empty list as a list with no records', () => {
    expect(read({ events: [] })).toEqual({ kind: 'list', records: [] });
  });

  it('keeps a list that is not a list as its raw value, with a reason', () => {
    const result = read({ events: { type: 'media_permission' } });
    expect(result).toMatchObject({ kind: 'invalid', raw: { type: 'media_permission' } });
    expect(read({ events: 'none' })).toMatchObject({ kind: 'invalid', raw: 'none' });
  });

  it('keeps a peer_stats that is not an object as its raw value', () => {
    expect(read('events')).toMatchObject({ kind: 'invalid', raw: 'events' });
    expect(read([1, 2])).toMatchObject({ kind: 'invalid', raw: [1, 2] });
  });

  it('still reads the events when another peer_stats section is malformed', () => {
    const result = read({
      device_info: 'broken',
      events: [{ type: 'media_permission', timestamp: iso(T0) }],
    });
    expect(result.kind).toBe('list');
  });

  it('keeps the order received, unsorted, one record per item', () => {
    const records = recordsOf([
      { type: 'b', timestamp: iso(T0 + 2_000) },
      { type: 'a', timestamp: iso(T0) },
      { type: 'c', timestamp: iso(T0 + 1_000) },
    ]);
    expect(records.map((r) => [r.index, r.type, r.at?.ms])).toEqual([
      [0, 'b', T0 + 2_000],
      [1, 'a', T0],
      [2, 'c', T0 + 1_000],
    ]);
  });
});

describe('statsEventRecords, one event', () => {
  it('reads a well-formed event, its peer id from the metadata', () => {
    expect(
      one({ type: 'ice_connected_relay', timestamp: iso(T0), metadata: { peer_id: PEER_A } }),
    ).toEqual({
      index: 0,
      type: 'ice_connected_relay',
      at: { ms: T0, raw: iso(T0) },
      peerId: PEER_A,
      metadata: { peer_id: PEER_A },
      duplicateOf: null,
      problems: [],
    });
  });

  it('reads every timestamp form the rest of the app reads', () => {
    const seconds = Math.floor(T0 / 1000);
    const forms: unknown[] = [
      seconds,
      T0,
      String(seconds),
      '2026-11-21T19:31:35+05:30',
      `${iso(T0)}\\"`,
      '2026-11-21T14:01:35.123456789Z',
    ];
    const times = recordsOf(forms.map((timestamp) => ({ type: 't', timestamp }))).map(
      (r) => r.at?.ms,
    );
    expect(times).toEqual([T0, T0, T0, T0, T0, T0 + 123]);
  });

  it('flags a bad timestamp with its raw value and keeps the rest', () => {
    const record = one({ type: 'network_disconnected', timestamp: 'yesterday' });
    expect(record.type).toBe('network_disconnected');
    expect(record.at).toBeNull();
    expect(record.problems).toEqual([
      { field: 'timestamp', raw: 'yesterday', reason: 'not a date and time' },
    ]);
    expect(one({ type: 't', timestamp: { at: 1 } }).problems[0]?.field).toBe('timestamp');
    expect(one({ type: 't', timestamp: 0 }).problems[0]?.raw).toBe(0);
  });

  it('has no time, and no problem, when no timestamp was sent', () => {
    const record = one({ type: 'media_permission' });
    expect(record.at).toBeNull();
    expect(record.problems).toEqual([]);
  });

  it('flags a type that is not a string and keeps an unknown type as sent', () => {
    expect(one({ type: 42, timestamp: iso(T0) })).toMatchObject({
      type: null,
      problems: [{ field: 'type', raw: 42 }],
    });
    expect(one({ type: 'some_future_event', timestamp: iso(T0) })).toMatchObject({
      type: 'some_future_event',
      problems: [],
    });
  });

  it('flags metadata that is not an object, and a peer id that is not a string', () => {
    expect(one({ type: 't', metadata: ['a'] })).toMatchObject({
      metadata: null,
      problems: [{ field: 'metadata', raw: ['a'] }],
    });
    expect(one({ type: 't', metadata: { peer_id: { id: PEER_A } } })).toMatchObject({
      peerId: null,
      problems: [{ field: 'metadata.peer_id', raw: { id: PEER_A } }],
    });
    // The mock (and the SDK) send an empty peer id when none is known: nothing to flag.
    expect(one({ type: 't', metadata: { peer_id: '' } })).toMatchObject({
      peerId: null,
      problems: [],
    });
  });

  it('keeps an item that is not an event as a flagged record with its raw value', () => {
    const records = recordsOf(['not an event', 7, null, ['x']]);
    expect(records.map((r) => r.problems.map((p) => [p.field, p.raw]))).toEqual([
      [['event', 'not an event']],
      [['event', 7]],
      [['event', null]],
      [['event', ['x']]],
    ]);
    expect(records.every((r) => r.type === null && r.at === null)).toBe(true);
  });

  it('marks a repeat of an earlier event, metadata and all, as a duplicate', () => {
    const event = { type: 'ice_connected_relay', timestamp: iso(T0), metadata: { peer_id: 'p' } };
    const records = recordsOf([
      event,
      { ...event, metadata: { peer_id: 'q' } },
      { ...event },
      { ...event, timestamp: iso(T0 + 1) },
    ]);
    expect(records.map((r) => r.duplicateOf)).toEqual([null, null, 0, null]);
  });

  it('keeps hostile and huge metadata as data, untouched', () => {
    const hostile = '<img src=x onerror="alert(1)">\u202Eevil';
    const huge = 'x'.repeat(200_000);
    const record = one({
      type: '<script>alert(1)</script>',
      timestamp: iso(T0),
      metadata: { [hostile]: hostile, huge, nested: { deep: [1, { a: hostile }] } },
    });
    expect(record.type).toBe('<script>alert(1)</script>');
    expect(record.metadata?.[hostile]).toBe(hostile);
    expect(record.metadata?.huge).toBe(huge);
    expect(record.problems).toEqual([]);
  });
});

/** A peer report as the app reads it, whose metadata.events is this value. */
const report = (events: unknown) =>
  z.parse(reportParticipantSchema, { peer_report: { metadata: { events } } });

describe('reportEventRecords, a peer report’s events', () => {
  it('reads name, timestamp and metadata, the report’s peer as each record’s peer', () => {
    const [record] = reportEventRecords(
      PEER_A,
      report([{ name: 'network_disconnected', timestamp: iso(T0), metadata: { reason: 'x' } }]),
    );
    expect(record).toMatchObject({
      index: 0,
      type: 'network_disconnected',
      at: { ms: T0, raw: iso(T0) },
      peerId: PEER_A,
      metadata: { reason: 'x' },
      duplicateOf: null,
      problems: [],
    });
  });

  it('keeps a malformed item and a malformed value with its raw value and a reason', () => {
    const [bad, odd] = reportEventRecords(
      PEER_A,
      report(['gone', { name: 7, timestamp: 'soon', metadata: 'none' }]),
    );
    expect(bad).toMatchObject({ type: null, peerId: PEER_A, problems: [{ raw: 'gone' }] });
    expect(odd?.problems.map((p) => [p.field, p.raw])).toEqual([
      ['name', 7],
      ['timestamp', 'soon'],
      ['metadata', 'none'],
    ]);
  });

  it('gives nothing when the report holds no events, and numbers from `start`', () => {
    expect(reportEventRecords(PEER_A, report(undefined))).toEqual([]);
    expect(reportEventRecords(PEER_A, report('none'))).toEqual([]);
    const records = reportEventRecords(PEER_A, report([{ name: 'a' }, { name: 'a' }]), 5);
    expect(records.map((r) => [r.index, r.duplicateOf])).toEqual([
      [5, null],
      [6, 5],
    ]);
  });
});

describe('sdkEventRecords, both sources', () => {
  const event = { timestamp: iso(T0), metadata: { state: 'connected' } };
  const fromReport = { peerId: PEER_B, participant: report([{ name: 'ice', ...event }]) };

  it('merges peer_stats.events and the reports’ events, indexes unique', () => {
    const participant = parseParticipant({
      ...leftParticipant,
      peer_stats: { events: [{ type: 'media_permission', timestamp: iso(T0) }] },
    });
    const { records, fromReports } = sdkEventRecords(participant, [fromReport]);
    expect(records.map((r) => [r.index, r.type, r.peerId])).toEqual([
      [0, 'media_permission', null],
      [1, 'ice', PEER_B],
    ]);
    expect(fromReports).toBe(1);
  });

  it('shows an event both sources send once, as peer_stats sent it (epoch or ISO alike)', () => {
    const participant = parseParticipant({
      ...leftParticipant,
      peer_stats: { events: [{ type: 'ice', ...event, timestamp: T0 }] },
    });
    const { records, fromReports } = sdkEventRecords(participant, [fromReport]);
    expect(records.map((r) => [r.type, r.at?.raw])).toEqual([['ice', T0]]);
    expect(fromReports).toBe(0);
  });

  it('reads the reports alone when peer_stats is not sent', () => {
    const result = sdkEventRecords(parseParticipant(leftParticipant), [fromReport]);
    expect(result.stats).toEqual({ kind: 'missing' });
    expect(result.records).toHaveLength(1);
  });
});
