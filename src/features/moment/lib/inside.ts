/** What happened inside the reported moment: the events, connections and findings it holds. */
import type { PeerEventRecord } from '../../../api/peer-events';
import type { PeerSpan } from '../../../lib/peer-spans';
import { inWindow, overlaps, type TimeWindow } from '../../../lib/time-window';

export type FindingRef = {
  readonly id: string;
  readonly title: string;
  readonly window?: TimeWindow;
};

export type Inside = {
  /** Peer events inside, by name as sent ("PEER_JOINING": 2). */
  readonly events: ReadonlyArray<readonly [string, number]>;
  readonly eventCount: number;
  /** Peers connected at some point inside the window. */
  readonly connectedPeers: number;
  /** Whether no peer was connected at all during the window (they were not in the call). */
  readonly outsideCall: boolean;
  /** Findings whose window overlaps this one. */
  readonly findings: readonly FindingRef[];
};

export function insideWindow(
  window: TimeWindow,
  input: {
    readonly records: readonly PeerEventRecord[] | null;
    readonly spans: readonly PeerSpan[];
    readonly findings: readonly FindingRef[];
  },
): Inside {
  const counts = new Map<string, number>();
  let eventCount = 0;
  for (const r of input.records ?? []) {
    if (!r.at || !inWindow(window, r.at.ms)) continue;
    const name = r.name ?? '(no name)';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    eventCount++;
  }
  const peers = new Set(
    input.spans
      .filter((s) => overlaps(window, { startMs: s.start, endMs: s.end }))
      .map((s) => s.peerId),
  );
  return {
    events: [...counts].sort((a, b) => b[1] - a[1]),
    eventCount,
    connectedPeers: peers.size,
    outsideCall: input.spans.length > 0 && peers.size === 0,
    findings: input.findings.filter((f) => f.window && overlaps(window, f.window)),
  };
}
