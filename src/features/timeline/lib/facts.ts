/** The facts above the timeline: peers, reconnects, connected time, minutes vs duration. */
import { type PeerEventRecord, spanInputs } from '../../../api/peer-events';
import { peerTotals } from '../../../lib/peer-spans';

export type TimelineFacts = {
  readonly events: number;
  readonly peers: number;
  /** JOININGs after the first one. */
  readonly reconnects: number;
  readonly connectedMs: number;
  readonly totalMinutes: number;
  readonly duplicates: number;
  readonly flagged: number;
};

export function timelineFacts(
  records: readonly PeerEventRecord[],
  openUntil: number | null,
): TimelineFacts {
  const inputs = spanInputs(records);
  const totals = peerTotals(inputs, openUntil);
  const peers = new Set(inputs.map((i) => i.peerId).filter((id) => id !== null));
  const joins = inputs.filter((i) => i.name === 'PEER_JOINING').length;
  return {
    events: records.length,
    peers: peers.size,
    reconnects: Math.max(0, joins - 1),
    connectedMs: totals.reduce((sum, t) => sum + t.connectedMs, 0),
    totalMinutes: inputs.reduce((sum, i) => sum + (i.minutes ?? 0), 0),
    duplicates: records.length - inputs.length,
    flagged: records.filter((r) => r.problems.length > 0).length,
  };
}
