import { valid } from '../../api/lenient';
import type { ParticipantResult } from '../../api/participant-query';
import type { PeerEventRecord } from '../../api/peer-events';
import { CopyButton } from '../../components/ui/copy-button';
import { downloadText } from '../../lib/download';
import type { PeerTotal } from '../../lib/peer-spans';
import { redactJson } from '../../lib/redact';
import { summarize } from '../participant/lib/summary';
import type { TimelineFacts } from '../timeline/lib/facts';
import { timelineRows } from '../timeline/lib/timeline-rows';
import { peerEventsCsv } from './lib/csv';
import { healthFindings, ticketSummary } from './lib/ticket-summary';

export type ExportActionsProps = {
  result: ParticipantResult;
  records: readonly PeerEventRecord[] | null;
  totals: readonly PeerTotal[];
  facts: TimelineFacts | null;
  sessionId: string;
  participantId: string;
  /** The page's own absolute URL, for the ticket. */
  deepLink: string;
  redact: boolean;
};

const button =
  'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** The facts leaving the page: raw JSON, the events as CSV, a summary for the ticket. */
export function ExportActions(props: ExportActionsProps) {
  const { result, records, redact, participantId } = props;
  const base = `participant-${participantId}${redact ? '-redacted' : ''}`;
  const ticket = () =>
    ticketSummary({
      participant: result.participant,
      facts: props.facts,
      deepLink: props.deepLink,
      sessionId: props.sessionId,
      redact,
      findings: healthFindings({
        summary: summarize(result.participant),
        facts: props.facts,
        records,
        unterminatedSpans: props.totals.flatMap((t) => t.spans).filter((s) => s.unterminated)
          .length,
      }),
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        onClick={() => {
          // The answer byte for byte as received, or re-written with personal values masked.
          const text = redact
            ? `${JSON.stringify(redactJson(JSON.parse(result.rawText)), null, 2)}\n`
            : result.rawText;
          downloadText(`${base}.json`, text, 'application/json');
        }}
      >
        Download JSON
      </button>
      <button
        type="button"
        className={button}
        disabled={!records || records.length === 0}
        onClick={() => {
          const rows = timelineRows(records ?? [], valid(result.participant.joined_at)?.ms ?? null);
          downloadText(
            `${base}-peer-events.csv`,
            peerEventsCsv(rows, { redact }),
            'text/csv;charset=utf-8',
          );
        }}
      >
        Download CSV
      </button>
      <CopyButton value={ticket} label="ticket summary">
        Copy ticket summary
      </CopyButton>
    </div>
  );
}
