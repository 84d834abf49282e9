import { useContext } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { CopyButton } from '../../components/ui/copy-button';
import { downloadText } from '../../lib/download';
import { redactJson } from '../../lib/redact';
import type { Diagnosis, Verdict } from '../diagnostics';
import type { ExportInput } from './lib/exports';

export type ExportActionsProps = Omit<ExportInput, 'diagnosis' | 'verdict' | 'clock'> & {
  participantId: string;
  /** What the Health strip shows at the moment of the click. */
  diagnosis: () => Diagnosis;
  /** What the Verdict shows at the moment of the click, once it has run. */
  verdict: () => Verdict | null;
};

const button =
  'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

const loadExports = () => import('./lib/exports');

/** The facts leaving the page: raw JSON, the events and the findings as CSV, a ticket summary. */
export function ExportActions(props: ExportActionsProps) {
  const { result, records, redact, participantId } = props;
  const clock = useContext(ClockContext);
  const base = `participant-${participantId}${redact ? '-redacted' : ''}`;
  const input = (): ExportInput => ({
    ...props,
    diagnosis: props.diagnosis(),
    verdict: props.verdict(),
    clock,
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
        onClick={async () => {
          const { eventsCsv } = await loadExports();
          downloadText(`${base}-peer-events.csv`, eventsCsv(input()), 'text/csv;charset=utf-8');
        }}
      >
        Download CSV
      </button>
      <button
        type="button"
        className={button}
        onClick={async () => {
          const { diagnosisCsv } = await loadExports();
          downloadText(`${base}-findings.csv`, diagnosisCsv(input()), 'text/csv;charset=utf-8');
        }}
      >
        Download findings
      </button>
      <CopyButton
        value={async () => (await loadExports()).ticketText(input())}
        label="ticket summary"
      >
        Copy ticket summary
      </CopyButton>
    </div>
  );
}
