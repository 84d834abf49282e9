/** Everything the participant page derives from one answer, computed once per answer. */
import { valid } from '../../../api/lenient';
import type { ParticipantResult } from '../../../api/participant-query';
import type { Filter } from '../../../api/participant-schema';
import { type PeerEventRecord, peerEventRecords, spanInputs } from '../../../api/peer-events';
import { type PeerTotal, peerTotals, type SpanEnd } from '../../../lib/peer-spans';
import { perObject } from '../../../lib/per-object';
import type { TimeWindow } from '../../../lib/time-window';
import {
  type Diagnosis,
  type DiagnosisInput,
  NO_RECONNECTS,
  readLocation,
  statsSection,
  upFrontDiagnosis,
} from '../../diagnostics';
import { summarize } from '../../participant';
import { type TimelineFacts, timelineFacts } from '../../timeline';

export type ParticipantModel = {
  readonly records: readonly PeerEventRecord[] | null;
  readonly totals: readonly PeerTotal[];
  readonly facts: TimelineFacts | null;
  /**
   * What the findings engine reads (features/diagnostics/lib/diagnose.ts, in the diagnosis's
   * chunk), and what the Health strip shows before it has run: the reconnects.
   */
  readonly input: DiagnosisInput;
  readonly upFront: Diagnosis;
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

/**
 * One model per answer: the page reads it, and so does the server's paint of the page (which
 * names the page's first reads from it) before rendering that page for the same answer.
 */
export const participantModel = perObject(modelOf);

function modelOf(result: ParticipantResult): ParticipantModel {
  const { participant } = result;
  const records = peerEventRecords(participant);
  const totals = peerTotals(records ? spanInputs(records) : [], spanEnd(result));
  const facts = records ? timelineFacts(records, totals) : null;
  const reconnects = facts?.reconnects ?? NO_RECONNECTS;
  const location = readLocation(participant);
  const absent: Filter[] = [];
  const missing = (pick: Parameters<typeof statsSection>[1]) =>
    statsSection(participant, pick).kind === 'missing';
  if (missing((s) => s.device_info)) absent.push('device_info');
  if (location.kind === 'missing') absent.push('ip_information');
  if (missing((s) => s.precall_network_information)) absent.push('precall_network_information');
  const quality = participant.quality_stats;
  if (quality === undefined || quality === null) absent.push('quality_stats');
  return {
    absent,
    records,
    totals,
    facts,
    input: { participant, records, totals, reconnects, summary: summarize(participant) },
    upFront: upFrontDiagnosis(reconnects),
    call: callWindow(result),
    participantTimeZone: location.kind === 'readings' ? location.timezone : null,
  };
}
