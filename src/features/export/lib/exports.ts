/**
 * The exports built from the page's data, loaded on the first click (export-actions.tsx):
 * neither the CSV writer nor the Markdown escaping is needed to show a participant. Findings
 * and counts are the findings engine's, as the Health strip shows them.
 */
import { valid } from '../../../api/lenient';
import type { ParticipantResult } from '../../../api/participant-query';
import type { PeerEventRecord } from '../../../api/peer-events';
import type { PeerTotal } from '../../../lib/peer-spans';
import type { Diagnosis, Verdict } from '../../diagnostics';
import { type TimelineFacts, timelineRows } from '../../timeline';
import { findingsCsv, peerEventsCsv } from './csv';
import { type TicketClock, ticketSummary } from './ticket-summary';

export type ExportInput = {
  readonly result: ParticipantResult;
  readonly records: readonly PeerEventRecord[] | null;
  readonly totals: readonly PeerTotal[];
  readonly facts: TimelineFacts | null;
  readonly diagnosis: Diagnosis;
  /** The Verdict's result; null before it has run. */
  readonly verdict: Verdict | null;
  readonly clock: TicketClock;
  readonly sessionId: string;
  readonly deepLink: string;
  readonly redact: boolean;
};

export function eventsCsv({ result, records, redact }: ExportInput): string {
  const rows = timelineRows(records ?? [], valid(result.participant.joined_at)?.ms ?? null);
  return peerEventsCsv(rows, { redact });
}

export function diagnosisCsv({ diagnosis, redact }: ExportInput): string {
  return findingsCsv(diagnosis, { redact });
}

export function ticketText(input: ExportInput): string {
  return ticketSummary({
    participant: input.result.participant,
    facts: input.facts,
    diagnosis: input.diagnosis,
    verdict: input.verdict,
    clock: input.clock,
    deepLink: input.deepLink,
    sessionId: input.sessionId,
    redact: input.redact,
  });
}
