/**
 * Connected spans per peer from peer events: each JOINING opens a span for its peer, the next
 * LEAVING of that peer closes it. A span still open at the end runs to `openUntil` (now, for
 * a participant still in the session) and is marked open.
 */
export type SpanInput = {
  readonly peerId: string | null;
  /** The event name as sent (unknown names are ignored here). */
  readonly name: string;
  readonly atMs: number | null;
  readonly minutes: number | null;
};

export type PeerSpan = {
  readonly peerId: string;
  readonly start: number;
  readonly end: number;
  readonly open: boolean;
};

export type PeerTotal = {
  readonly peerId: string;
  readonly firstSeen: number;
  readonly connectedMs: number;
  readonly minutes: number;
  readonly spans: readonly PeerSpan[];
};

/** Events in time order (stable), those without a readable time left out. */
function timed<T extends SpanInput>(events: readonly T[]): T[] {
  return events
    .filter((e): e is T & { atMs: number } => e.atMs !== null)
    .sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
}

export function peerSpans(events: readonly SpanInput[], openUntil: number | null): PeerSpan[] {
  const open = new Map<string, number>();
  const spans: PeerSpan[] = [];
  for (const event of timed(events)) {
    if (event.peerId === null || event.atMs === null) continue;
    if (event.name === 'PEER_JOINING') {
      if (!open.has(event.peerId)) open.set(event.peerId, event.atMs);
    } else if (event.name === 'PEER_LEAVING') {
      const start = open.get(event.peerId);
      if (start !== undefined) {
        spans.push({ peerId: event.peerId, start, end: event.atMs, open: false });
        open.delete(event.peerId);
      }
    }
  }
  for (const [peerId, start] of open) {
    spans.push({ peerId, start, end: Math.max(start, openUntil ?? start), open: true });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** One line per peer, in order of first appearance: connected time and minutes consumed. */
export function peerTotals(events: readonly SpanInput[], openUntil: number | null): PeerTotal[] {
  const spans = peerSpans(events, openUntil);
  const totals = new Map<string, { firstSeen: number; minutes: number; spans: PeerSpan[] }>();
  for (const event of timed(events)) {
    if (event.peerId === null || event.atMs === null) continue;
    const entry = totals.get(event.peerId) ?? { firstSeen: event.atMs, minutes: 0, spans: [] };
    entry.minutes += event.minutes ?? 0;
    totals.set(event.peerId, entry);
  }
  for (const span of spans) totals.get(span.peerId)?.spans.push(span);
  return [...totals.entries()]
    .map(([peerId, t]) => ({
      peerId,
      firstSeen: t.firstSeen,
      minutes: t.minutes,
      spans: t.spans,
      connectedMs: t.spans.reduce((sum, s) => sum + (s.end - s.start), 0),
    }))
    .sort((a, b) => a.firstSeen - b.firstSeen);
}
