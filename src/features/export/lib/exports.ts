/**
 * The two exports built from the page's data, loaded on the first click (export-actions.tsx):
 * neither the CSV writer nor the Markdown escaping is needed to show a participant.
 */
import { valid } from '../../../api/lenient';
import type { ParticipantResult } from '../../../api/participant-query';
import type { PeerEventRecord } from '../../../api/peer-events';
import type { PeerTotal } from '../../../lib/peer-spans';
import { summarize } from '../../participant/lib/summary';
import type { TimelineFacts } from '../../timeline/lib/facts';
import { timelineRows } from '../../timeline/lib/timeline-rows';
import { peerEventsCsv } from './csv';
import { healthFindings, ticketSummary } from './ticket-summary';

export type ExportInput = {
  readonly result: ParticipantResult;
  readonly records: readonly PeerEventRecord[] | null;
  readonly totals: readonly PeerTotal[];
  readonly facts: TimelineFacts | null;
  readonly sessionId: string;
  readonly deepLink: string;
  readonly redact: boolean;
};

export function eventsCsv({ result, records, redact }: ExportInput): string {
  const rows = timelineRows(records ?? [], valid(result.participant.joined_at)?.ms ?? null);
  return peerEventsCsv(rows, { redact });
}

export function ticketText(input: ExportInput): string {
  const { result, facts, records, totals } = input;
  return ticketSummary({
    participant: result.participant,
    facts,
    deepLink: input.deepLink,
    sessionId: input.sessionId,
    redact: input.redact,
    findings: healthFindings({
      summary: summarize(result.participant),
      facts,
      records,
      unterminatedSpans: totals.flatMap((t) => t.spans).filter((s) => s.unterminated).length,
    }),
  });
}
