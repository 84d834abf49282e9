/** Everything the participant page derives from one answer, computed once per answer. */
import { valid } from '../api/lenient';
import type { ParticipantResult } from '../api/participant-query';
import { type PeerEventRecord, peerEventRecords, spanInputs } from '../api/peer-events';
import { readPrecall } from '../features/diagnostics/lib/precall';
import { joinTimes, type Verdict, verdicts } from '../features/diagnostics/lib/verdicts';
import { summarize } from '../features/participant/lib/summary';
import { type TimelineFacts, timelineFacts } from '../features/timeline/lib/facts';
import { type PeerTotal, peerTotals, type SpanEnd } from '../lib/peer-spans';

export type ParticipantModel = {
  readonly records: readonly PeerEventRecord[] | null;
  readonly totals: readonly PeerTotal[];
  readonly facts: TimelineFacts | null;
  /** The Health strip's findings, worst first. */
  readonly health: readonly Verdict[];
};

/**
 * Where a JOINING without LEAVING ends: at the moment the answer arrived while the participant
 * is still in the session (left_at absent), at left_at once they have left.
 */
export function spanEnd({ participant, receivedAt }: ParticipantResult): SpanEnd {
  if (participant.left_at === undefined) return { at: receivedAt, stillConnected: true };
  const left = valid(participant.left_at);
  return left ? { at: left.ms, stillConnected: false } : null;
}

export function participantModel(result: ParticipantResult): ParticipantModel {
  const records = peerEventRecords(result.participant);
  const inputs = records ? spanInputs(records) : [];
  const totals = peerTotals(inputs, spanEnd(result));
  const health = verdicts({
    precall: readPrecall(result.participant),
    joins: joinTimes(inputs),
    spans: totals.flatMap((t) => t.spans),
    durationCheck: summarize(result.participant).durationCheck,
  });
  return { records, totals, facts: records ? timelineFacts(records, totals) : null, health };
}
