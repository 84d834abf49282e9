import { describe, expect, it } from 'vitest';
import { connectedUnionMs, mergeSpans, peerSpans, peerTotals, type SpanInput } from './peer-spans';

const ev = (
  name: string,
  peerId: string | null,
  atMs: number | null,
  minutes: number | null = 0,
): SpanInput => ({ name, peerId, atMs, minutes });

describe('peerSpans', () => {
  it('pairs each JOINING with the next LEAVING of the same peer, whatever the order received', () => {
    const events = [
      ev('PEER_LEAVING', 'b', 900, 0.01),
      ev('PEER_CREATED', 'a', 50),
      ev('PEER_JOINING', 'a', 100),
      ev('PEER_LEAVING', 'a', 500, 0.0067),
      ev('PEER_JOINING', 'b', 600),
    ];
    expect(peerSpans(events, null)).toEqual([
      { peerId: 'a', start: 100, end: 500, open: false, unterminated: false },
      { peerId: 'b', start: 600, end: 900, open: false, unterminated: false },
    ]);
  });

  it('keeps a span open until "now" while the participant is still in the session', () => {
    expect(peerSpans([ev('PEER_JOINING', 'a', 100)], { at: 1000, stillConnected: true })).toEqual([
      { peerId: 'a', start: 100, end: 1000, open: true, unterminated: false },
    ]);
  });

  it('closes a JOINING without LEAVING at left_at once the participant has left, never "still connected"', () => {
    expect(peerSpans([ev('PEER_JOINING', 'a', 100)], { at: 700, stillConnected: false })).toEqual([
      { peerId: 'a', start: 100, end: 700, open: false, unterminated: true },
    ]);
    expect(peerSpans([ev('PEER_JOINING', 'a', 100)], null)).toEqual([
      { peerId: 'a', start: 100, end: 100, open: false, unterminated: true },
    ]);
  });

  it('ignores a LEAVING without JOINING, events with no time or no peer, and unknown names', () => {
    const events = [
      ev('PEER_LEAVING', 'a', 50),
      ev('PEER_JOINING', null, 60),
      ev('PEER_JOINING', 'a', null),
      ev('PEER_RECONNECTING', 'a', 70),
    ];
    expect(peerSpans(events, null)).toEqual([]);
  });
});

describe('peerTotals', () => {
  it('sums connected time and minutes per peer in order of first appearance', () => {
    const events = [
      ev('PEER_JOINING', 'b', 1_000),
      ev('PEER_LEAVING', 'b', 61_000, 1),
      ev('PEER_JOINING', 'a', 0),
      ev('PEER_LEAVING', 'a', 500, null),
    ];
    const totals = peerTotals(events, null);
    expect(totals.map((t) => [t.peerId, t.connectedMs, t.minutes])).toEqual([
      ['a', 500, 0],
      ['b', 60_000, 1],
    ]);
  });
});

describe('mergeSpans and connectedUnionMs', () => {
  it('joins overlapping and touching spans and counts their peers', () => {
    const spans = peerSpans(
      [
        ev('PEER_JOINING', 'a', 0),
        ev('PEER_LEAVING', 'a', 100),
        ev('PEER_JOINING', 'b', 50),
        ev('PEER_LEAVING', 'b', 150),
        ev('PEER_JOINING', 'c', 150),
        ev('PEER_LEAVING', 'c', 200),
        ev('PEER_JOINING', 'd', 300),
        ev('PEER_LEAVING', 'd', 310),
      ],
      null,
    );
    expect(mergeSpans(spans)).toEqual([
      { start: 0, end: 200, open: false, peerCount: 3 },
      { start: 300, end: 310, open: false, peerCount: 1 },
    ]);
    expect(connectedUnionMs(spans)).toBe(210);
  });
});
