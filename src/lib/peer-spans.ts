/**
 * Connected spans per peer from peer events: each JOINING opens a span for its peer, the next
 * LEAVING of that peer closes it. A JOINING never closed runs to the span end given: "now"
 * for a participant still in the session (marked open), left_at for one who has left (marked
 * unterminated: no LEAVING was received), or nowhere when neither is known.
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
  /** Still connected: the participant is in the session and this peer never left. */
  readonly open: boolean;
  /** No LEAVING was received for this JOINING; the span was closed at left_at (or not at all). */
  readonly unterminated: boolean;
};

/** Where a span with no LEAVING ends: now (still connected), left_at, or unknown (null). */
export type SpanEnd = { readonly at: number; readonly stillConnected: boolean } | null;

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

export function peerSpans(events: readonly SpanInput[], end: SpanEnd): PeerSpan[] {
  const open = new Map<string, number>();
  const spans: PeerSpan[] = [];
  for (const event of timed(events)) {
    if (event.peerId === null || event.atMs === null) continue;
    if (event.name === 'PEER_JOINING') {
      if (!open.has(event.peerId)) open.set(event.peerId, event.atMs);
    } else if (event.name === 'PEER_LEAVING') {
      const start = open.get(event.peerId);
      if (start !== undefined) {
        spans.push({
          peerId: event.peerId,
          start,
          end: event.atMs,
          open: false,
          unterminated: false,
        });
        open.delete(event.peerId);
      }
    }
  }
  for (const [peerId, start] of open) {
    spans.push({
      peerId,
      start,
      end: Math.max(start, end?.at ?? start),
      open: end?.stillConnected ?? false,
      unterminated: !end?.stillConnected,
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** One line per peer, in order of first appearance: connected time and minutes consumed. */
export function peerTotals(events: readonly SpanInput[], end: SpanEnd): PeerTotal[] {
  const spans = peerSpans(events, end);
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

export type MergedSpan = {
  readonly start: number;
  readonly end: number;
  readonly open: boolean;
  /** Distinct peers behind this interval. */
  readonly peerCount: number;
};

/**
 * The union of spans: overlapping or touching intervals (a second tab, say) become one, and so
 * do intervals less than `joinGapMs` apart (what a chart could not draw apart anyway).
 */
export function mergeSpans(spans: readonly PeerSpan[], joinGapMs = 0): MergedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: MergedSpan[] = [];
  let current: { start: number; end: number; open: boolean; peers: Set<string> } | null = null;
  const close = () => {
    if (current) {
      const { start, end, open, peers } = current;
      merged.push({ start, end, open, peerCount: peers.size });
    }
  };
  for (const span of sorted) {
    if (current && span.start <= current.end + joinGapMs) {
      current.end = Math.max(current.end, span.end);
      current.open ||= span.open;
      current.peers.add(span.peerId);
    } else {
      close();
      current = {
        start: span.start,
        end: span.end,
        open: span.open,
        peers: new Set([span.peerId]),
      };
    }
  }
  close();
  return merged;
}

/** Wall-clock time with at least one peer connected (overlaps counted once). */
export const connectedUnionMs = (spans: readonly PeerSpan[]) =>
  mergeSpans(spans).reduce((sum, s) => sum + (s.end - s.start), 0);
