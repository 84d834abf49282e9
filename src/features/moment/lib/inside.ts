/**
 * What happened inside the reported moment: the peer and SDK events, connections and
 * incidents it holds, and the call's measures there. The incidents and SDK events are the
 * findings engine's (features/diagnostics/lib/diagnose.ts), so the moment and the Health strip
 * never disagree.
 */
import type { PeerEventRecord } from '../../../api/peer-events';
import type { PeerSpan } from '../../../lib/peer-spans';
import { inWindow, overlaps, type TimeWindow } from '../../../lib/time-window';
import type { Incident, MeasuredSeries, SdkEvent } from '../../diagnostics';

/** Counts by name as sent ("PEER_JOINING": 2), most first. */
export type NameCounts = ReadonlyArray<readonly [string, number]>;

export type Inside = {
  /** Peer events inside, by name. */
  readonly events: NameCounts;
  readonly eventCount: number;
  /** SDK events inside (peer_stats.events and the peer reports' metadata.events), by name. */
  readonly sdkEvents: NameCounts;
  readonly sdkEventCount: number;
  /** Peers connected at some point inside the window. */
  readonly connectedPeers: number;
  /** Whether no peer was connected at all during the window (they were not in the call). */
  readonly outsideCall: boolean;
  /** Incidents whose window overlaps this one. */
  readonly incidents: readonly Incident[];
  /** The call's quality measures inside the window, when sent. */
  readonly measures: readonly MeasureInside[];
};

/** What the page knows that a window can be checked against. */
export type InsideInput = {
  readonly records: readonly PeerEventRecord[] | null;
  readonly spans: readonly PeerSpan[];
  readonly incidents: readonly Incident[];
  /** In time order. */
  readonly sdkEvents: readonly SdkEvent[];
  readonly series?: readonly MeasuredSeries[];
};

const byCount = (counts: Map<string, number>): NameCounts =>
  [...counts].sort((a, b) => b[1] - a[1]);

export function insideWindow(window: TimeWindow, input: InsideInput): Inside {
  const counts = new Map<string, number>();
  let eventCount = 0;
  for (const r of input.records ?? []) {
    if (!r.at || !inWindow(window, r.at.ms)) continue;
    const name = r.name ?? '(no name)';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    eventCount++;
  }
  const sdk = new Map<string, number>();
  let sdkEventCount = 0;
  const times = input.sdkEvents.map((e) => e.atMs);
  for (let i = lowerBound(times, window.startMs); i < input.sdkEvents.length; i++) {
    const e = input.sdkEvents[i];
    if (!e || e.atMs > window.endMs) break;
    sdk.set(e.name, (sdk.get(e.name) ?? 0) + 1);
    sdkEventCount++;
  }
  const peers = new Set(
    input.spans
      .filter((s) => overlaps(window, { startMs: s.start, endMs: s.end }))
      .map((s) => s.peerId),
  );
  return {
    events: byCount(counts),
    eventCount,
    sdkEvents: byCount(sdk),
    sdkEventCount,
    connectedPeers: peers.size,
    outsideCall: input.spans.length > 0 && peers.size === 0,
    incidents: input.incidents.filter((i) => overlaps(window, i.window)),
    measures: measuresInside(window, input.series ?? []),
  };
}

export type MeasureInside = {
  readonly label: string;
  readonly unit: string;
  readonly samples: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
};

/** First index whose time is ≥ `at` (times ascending). */
function lowerBound(times: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each measure inside the window, across every peer that sent it (same label): how many
 * samples, their mean, lowest and highest. Measures with no sample inside are left out.
 */
export function measuresInside(
  window: TimeWindow,
  series: readonly MeasuredSeries[],
): MeasureInside[] {
  const byLabel = new Map<
    string,
    { unit: string; n: number; sum: number; min: number; max: number }
  >();
  for (const s of series) {
    const end = Math.min(s.times.length, s.values.length);
    for (let i = lowerBound(s.times, window.startMs); i < end; i++) {
      if ((s.times[i] ?? Number.POSITIVE_INFINITY) > window.endMs) break;
      const v = s.values[i] ?? Number.NaN;
      if (Number.isNaN(v)) continue;
      const acc = byLabel.get(s.label) ?? { unit: s.unit, n: 0, sum: 0, min: v, max: v };
      acc.n += 1;
      acc.sum += v;
      acc.min = Math.min(acc.min, v);
      acc.max = Math.max(acc.max, v);
      byLabel.set(s.label, acc);
    }
  }
  return [...byLabel].map(([label, a]) => ({
    label,
    unit: a.unit,
    samples: a.n,
    mean: a.sum / a.n,
    min: a.min,
    max: a.max,
  }));
}
