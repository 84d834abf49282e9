/** The facts above the timeline: peers, reconnects, connected time, minutes vs duration. */
import { type PeerEventRecord, spanInputs } from '../../../api/peer-events';
import { connectedUnionMs, type PeerTotal } from '../../../lib/peer-spans';
import { type Reconnects, reconnectsOf } from '../../diagnostics';

export type TimelineFacts = {
  readonly events: number;
  readonly peers: number;
  /** JOININGs after the first one, counted the page's one way (the Health strip's too). */
  readonly reconnects: Reconnects;
  /** Wall-clock time with at least one peer connected: two tabs at once count once. */
  readonly connectedMs: number;
  readonly totalMinutes: number;
  readonly duplicates: number;
  readonly flagged: number;
};

/** `totals` are the per-peer totals of the same records (computed once by the page). */
export function timelineFacts(
  records: readonly PeerEventRecord[],
  totals: readonly PeerTotal[],
): TimelineFacts {
  const inputs = spanInputs(records);
  const peers = new Set(inputs.map((i) => i.peerId).filter((id) => id !== null));
  return {
    events: records.length,
    peers: peers.size,
    reconnects: reconnectsOf(inputs),
    connectedMs: connectedUnionMs(totals.flatMap((t) => t.spans)),
    totalMinutes: inputs.reduce((sum, i) => sum + (i.minutes ?? 0), 0),
    duplicates: records.length - inputs.length,
    flagged: records.filter((r) => r.problems.length > 0).length,
  };
}
