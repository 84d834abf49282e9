import { describe, expect, it } from 'vitest';
import type { PeerEventRecord } from '../../../api/peer-events';
import { spanInputs } from '../../../api/peer-events';
import { peerTotals, type SpanEnd } from '../../../lib/peer-spans';
import {
  MIN,
  type Overrides,
  PEER_A,
  PEER_B,
  PEER_C,
  recordsOf,
  T0,
  type WireEventName,
  wireEvent,
} from '../../../test/peer-event-fixtures';
import { timelineFacts } from './facts';

/** The facts as the page computes them: totals first, from the same records. */
const factsOf = (records: readonly PeerEventRecord[], end: SpanEnd) =>
  timelineFacts(records, peerTotals(spanInputs(records), end));
const stillConnectedAt = (at: number): SpanEnd => ({ at, stillConnected: true });

let nextId = 0;
/** An event with the next id (ev-1, ev-2, …), sent from the peer's own socket. */
function event(
  name: WireEventName,
  atMs: number,
  peerId: string,
  minutes = 0,
  overrides: Overrides = {},
) {
  nextId += 1;
  return wireEvent(`ev-${nextId}`, name, atMs, peerId, `socket-${peerId}`, minutes, overrides);
}

/** A peer that connects from `join` to `leave` (minutes from T0), as the API reports it. */
function connection(peerId: string, join: number, leave: number | null) {
  const events = [
    event('PEER_CREATED', T0 + join * MIN - 1_500, peerId),
    event('PEER_JOINING', T0 + join * MIN, peerId),
  ];
  if (leave !== null) events.push(event('PEER_LEAVING', T0 + leave * MIN, peerId, leave - join));
  return events;
}

describe('timelineFacts', () => {
  it('sums a participant who reconnected once', () => {
    const records = recordsOf([...connection(PEER_A, 0, 10), ...connection(PEER_B, 11, 20)]);
    expect(factsOf(records, null)).toEqual({
      events: 6,
      peers: 2,
      reconnects: expect.objectContaining({ total: 1 }),
      connectedMs: 19 * MIN,
      totalMinutes: 19,
      duplicates: 0,
      flagged: 0,
    });
  });

  it('gives zeros for an empty list', () => {
    expect(factsOf([], null)).toEqual({
      events: 0,
      peers: 0,
      reconnects: expect.objectContaining({ total: 0 }),
      connectedMs: 0,
      totalMinutes: 0,
      duplicates: 0,
      flagged: 0,
    });
  });

  it('counts no reconnect for a single JOINING, nor for none', () => {
    expect(factsOf(recordsOf(connection(PEER_A, 0, 5)), null).reconnects.total).toBe(0);
    expect(factsOf(recordsOf([event('PEER_CREATED', T0, PEER_A)]), null).reconnects.total).toBe(0);
  });

  it('counts every JOINING after the first as a reconnect, the same peer included', () => {
    const records = recordsOf([
      event('PEER_JOINING', T0, PEER_A),
      event('PEER_LEAVING', T0 + MIN, PEER_A, 1),
      event('PEER_JOINING', T0 + 2 * MIN, PEER_A),
      event('PEER_LEAVING', T0 + 3 * MIN, PEER_A, 1),
      ...connection(PEER_B, 4, 6),
    ]);
    const facts = factsOf(records, null);
    expect(facts.reconnects.total).toBe(2);
    expect(facts.peers).toBe(2);
    expect(facts.connectedMs).toBe(4 * MIN);
  });

  it('does not count an undocumented event name as a reconnect', () => {
    const records = recordsOf([
      ...connection(PEER_A, 0, 2),
      event('PEER_JOINING', T0 + 3 * MIN, PEER_A, 0, { event_name: 'PEER_RECONNECTING' }),
    ]);
    expect(factsOf(records, null).reconnects.total).toBe(0);
  });

  it('adds connected time from JOINING to LEAVING, whatever the order received', () => {
    const events = [...connection(PEER_A, 0, 10), ...connection(PEER_B, 12, 15)].reverse();
    expect(factsOf(recordsOf(events), null).connectedMs).toBe(13 * MIN);
  });

  it('counts a span still open up to the moment the answer arrived', () => {
    const records = recordsOf([...connection(PEER_A, 0, 10), ...connection(PEER_B, 11, null)]);
    const facts = factsOf(records, stillConnectedAt(T0 + 25 * MIN));
    expect(facts.connectedMs).toBe(10 * MIN + 14 * MIN);
    expect(facts.totalMinutes).toBe(10);
    expect(facts.reconnects.total).toBe(1);
  });

  it('counts an open span as nothing when its end is unknown, or lies before the join', () => {
    const records = recordsOf([...connection(PEER_A, 0, 10), ...connection(PEER_B, 11, null)]);
    expect(factsOf(records, null).connectedMs).toBe(10 * MIN);
    expect(factsOf(records, stillConnectedAt(T0 + 5 * MIN)).connectedMs).toBe(10 * MIN);
  });

  it('ignores a LEAVING without a JOINING for connected time, but counts its minutes', () => {
    const records = recordsOf([event('PEER_LEAVING', T0 + 5 * MIN, PEER_A, 5)]);
    const facts = factsOf(records, null);
    expect(facts.connectedMs).toBe(0);
    expect(facts.totalMinutes).toBe(5);
    expect(facts.peers).toBe(1);
  });

  it('sums fractional minutes', () => {
    const records = recordsOf([
      event('PEER_JOINING', T0, PEER_A),
      event('PEER_LEAVING', T0 + 24_000, PEER_A, 0.4),
      event('PEER_JOINING', T0 + 30_000, PEER_B),
      event('PEER_LEAVING', T0 + 42_000, PEER_B, 0.2),
    ]);
    expect(factsOf(records, null).totalMinutes).toBeCloseTo(0.6, 10);
  });

  it('leaves repeated event ids out of every sum, but counts them as events and duplicates', () => {
    const join = event('PEER_JOINING', T0, PEER_A);
    const leave = event('PEER_LEAVING', T0 + 10 * MIN, PEER_A, 10);
    const records = recordsOf([join, leave, { ...join }, { ...leave }, { ...leave }]);
    expect(factsOf(records, null)).toEqual({
      events: 5,
      peers: 1,
      reconnects: expect.objectContaining({ total: 0 }),
      connectedMs: 10 * MIN,
      totalMinutes: 10,
      duplicates: 3,
      flagged: 0,
    });
  });

  it('treats a reused event id as a repeat even when its content differs', () => {
    // Same event id reused for a different peer: still a repeat, so that peer is not counted.
    const first = event('PEER_JOINING', T0, PEER_A);
    const records = recordsOf([first, { ...first, peer_id: PEER_C }]);
    const facts = factsOf(records, null);
    expect(facts.peers).toBe(1);
    expect(facts.duplicates).toBe(1);
  });

  it('counts records with any problem as flagged, malformed items included', () => {
    const records = recordsOf([
      ...connection(PEER_A, 0, 10),
      event('PEER_JOINING', T0 + 11 * MIN, PEER_B, 0, { event_name: 'PEER_RECONNECTING' }),
      event('PEER_LEAVING', T0 + 12 * MIN, PEER_B, 3, { minutes_consumed: '3' }),
      event('PEER_LEAVING', T0 + 13 * MIN, PEER_B, 0, {
        created_at: 'yesterday',
        minutes_consumed: -4,
      }),
      'not an event',
    ]);
    const facts = factsOf(records, null);
    expect(facts.events).toBe(7);
    expect(facts.flagged).toBe(4);
    // Unreadable minutes count as nothing; the malformed item has no peer.
    expect(facts.totalMinutes).toBe(10);
    expect(facts.peers).toBe(2);
    expect(facts.duplicates).toBe(0);
  });

  it('counts distinct peers, leaving out events with no peer id', () => {
    const noPeer = event('PEER_CREATED', T0, PEER_A);
    delete noPeer.peer_id;
    const records = recordsOf([
      noPeer,
      ...connection(PEER_A, 0, 1),
      ...connection(PEER_B, 2, 3),
      ...connection(PEER_A, 4, 5),
      ...connection(PEER_C, 6, 7),
    ]);
    const facts = factsOf(records, null);
    expect(facts.peers).toBe(3);
    expect(facts.reconnects.total).toBe(3);
    expect(facts.connectedMs).toBe(4 * MIN);
    expect(facts.totalMinutes).toBe(4);
  });
});

describe('timelineFacts, overlapping peers', () => {
  it('counts wall-clock connected time once when two peers overlap (a second tab)', () => {
    const records = recordsOf([...connection(PEER_A, 0, 10), ...connection(PEER_B, 5, 12)]);
    expect(factsOf(records, null).connectedMs).toBe(12 * MIN);
  });

  it('closes a JOINING without LEAVING at left_at once the participant has left', () => {
    const records = recordsOf([...connection(PEER_A, 0, null)]);
    expect(factsOf(records, { at: T0 + 7 * MIN, stillConnected: false }).connectedMs).toBe(7 * MIN);
  });
});
