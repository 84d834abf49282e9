/** Everything the participant page derives from one answer, computed once per answer. */
import { valid } from '../api/lenient';
import type { ParticipantResult } from '../api/participant-query';
import type { Filter } from '../api/participant-schema';
import { type PeerEventRecord, peerEventRecords, spanInputs } from '../api/peer-events';
import { readLocation } from '../features/diagnostics/lib/location';
import { type Precall, readPrecall } from '../features/diagnostics/lib/precall';
import { statsSection } from '../features/diagnostics/lib/section';
import { joinTimes, type Verdict, verdicts } from '../features/diagnostics/lib/verdicts';
import { summarize } from '../features/participant/lib/summary';
import { type TimelineFacts, timelineFacts } from '../features/timeline/lib/facts';
import { type PeerTotal, peerTotals, type SpanEnd } from '../lib/peer-spans';
import type { TimeWindow } from '../lib/time-window';

export type ParticipantModel = {
  readonly records: readonly PeerEventRecord[] | null;
  readonly totals: readonly PeerTotal[];
  readonly facts: TimelineFacts | null;
  /**
   * The findings known from the events, the pre-call test and the duration, worst first; the
   * call's quality and the peer reports add theirs (features/diagnostics/diagnosis.tsx).
   */
  readonly health: readonly Verdict[];
  /** The pre-call test, weighed against the call's own quality. */
  readonly precall: Precall;
  /** The diagnostic sections this answer does not hold (asked for or not). */
  readonly absent: readonly Filter[];
  /** From joining to leaving (or to the answer, while still in the session), when known. */
  readonly call: TimeWindow | null;
  /** The participant's IANA time zone (ip_information), when sent. */
  readonly participantTimeZone: string | null;
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

function callWindow(result: ParticipantResult): TimeWindow | null {
  const joined = valid(result.participant.joined_at);
  const end = spanEnd(result);
  return joined && end ? { startMs: joined.ms, endMs: Math.max(joined.ms, end.at) } : null;
}

export function participantModel(result: ParticipantResult): ParticipantModel {
  const records = peerEventRecords(result.participant);
  const inputs = records ? spanInputs(records) : [];
  const totals = peerTotals(inputs, spanEnd(result));
  const precall = readPrecall(result.participant);
  const health = verdicts({
    precall,
    joins: joinTimes(inputs),
    spans: totals.flatMap((t) => t.spans),
    durationCheck: summarize(result.participant).durationCheck,
  });
  const location = readLocation(result.participant);
  const absent: Filter[] = [];
  if (statsSection(result.participant, (s) => s.device_info).kind === 'missing') {
    absent.push('device_info');
  }
  if (location.kind === 'missing') absent.push('ip_information');
  if (precall.kind === 'missing') absent.push('precall_network_information');
  const quality = result.participant.quality_stats;
  if (quality === undefined || quality === null) absent.push('quality_stats');
  return {
    absent,
    records,
    totals,
    facts: records ? timelineFacts(records, totals) : null,
    health,
    precall,
    call: callWindow(result),
    participantTimeZone: location.kind === 'readings' ? location.timezone : null,
  };
}
