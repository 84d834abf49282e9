/**
 * The verdict: the participant's incidents set against the rest of the session (rules in
 * lib/verdict), the worst leading. It writes what it shows to the page's verdict store, where
 * the ticket and the session comparison read it. Loaded in a chunk of its own.
 */
import { useContext, useEffect, useMemo } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { ClockContext } from '../../components/ui/clock';
import { CopyButton } from '../../components/ui/copy-button';
import type { ExternalStore } from '../../lib/external-store';
import type { PeerTotal } from '../../lib/peer-spans';
import type { TimeWindow } from '../../lib/time-window';
import { type DiagnosisStore, useDiagnosis } from './diagnosis-store';
import { autoReportPeers } from './lib/auto-reports';
import { windowText } from './lib/finding';
import { clientOf, networkOf } from './lib/verdict/member';
import { type IncidentVerdict, memberName, type Subject } from './lib/verdict/rules';
import {
  type ComparisonState,
  customerParagraph,
  type Verdict,
  verdictOf,
} from './lib/verdict/verdict';
import { useAutoPeerReports, usePeerReportsInCache } from './use-auto-peer-reports';
import { useSessionComparison } from './use-session-comparison';
import { VerdictFrame } from './verdict-frame';

/** What the Verdict worked out, for the views beside it. */
export type VerdictResult = {
  readonly verdict: Verdict;
  readonly state: ComparisonState;
  readonly subject: Subject;
  /** The API calls the comparison made. */
  readonly calls: number;
  /** The participant's client and network in a few words, from their own peer reports. */
  readonly client: string | null;
  readonly place: string | null;
};

export type VerdictStore = ExternalStore<VerdictResult | null>;

export type VerdictSectionProps = {
  store: DiagnosisStore;
  verdictStore: VerdictStore;
  sessionId: string;
  participantId: string;
  totals: readonly PeerTotal[];
  /** When the participant's answer arrived: "now" for a call still going. */
  receivedAt: number;
  /** Another participant's page. */
  hrefFor: (participantId: string) => string;
  /** The reported moment: the peers connected then have their reports read too. */
  moment: TimeWindow | null;
};

const link = 'font-medium text-brand-700 underline dark:text-brand-500';

export function VerdictSection(props: VerdictSectionProps) {
  const { verdictStore, totals } = props;
  const diagnosis = useDiagnosis(props.store);
  const clock = useContext(ClockContext);
  // The participant's own reports, asked for as soon as the verdict's code runs rather than when
  // the panels below are drawn (the same queries: one request each either way).
  useAutoPeerReports(useMemo(() => autoReportPeers(totals, props.moment), [totals, props.moment]));
  const own = usePeerReportsInCache(totals);
  const subject = useMemo<Subject>(
    () => ({
      peerIds: new Set(totals.map((t) => t.peerId)),
      network: own.loaded.map((r) => networkOf(r.participant)).find((n) => n !== null) ?? null,
    }),
    [totals, own.loaded],
  );
  const { state, calls } = useSessionComparison(
    props.sessionId,
    props.participantId,
    diagnosis,
    props.receivedAt,
  );
  const verdict = useMemo(
    () => verdictOf(diagnosis, subject, state, clock.time),
    [diagnosis, subject, state, clock],
  );
  const client = own.loaded.map((r) => clientOf(r.participant)).find((c) => c !== null) ?? null;
  const place = subject.network
    ? [subject.network.country, subject.network.owner].filter(Boolean).join(' · ')
    : null;
  useEffect(() => {
    verdictStore.set({ verdict, state, subject, calls, client, place });
  }, [verdictStore, verdict, state, subject, calls, client, place]);
  if (verdict.status === 'pending') return <VerdictFrame label={null} />;
  const [lead, ...others] = verdict.incidents;
  return (
    <VerdictFrame label={verdict.label}>
      {verdict.when ? (
        <p className="mt-0.5 text-sm font-medium text-slate-700 dark:text-slate-300">
          {lead
            ? `${clock.format(lead.incident.window.startMs).split(',').slice(0, 2).join(',')} · `
            : ''}
          {verdict.when}{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">({clock.label})</span>
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">{verdict.evidence}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {lead?.sender ? (
          <AppLink href={props.hrefFor(lead.sender.participantId)} className={link}>
            Open {memberName(lead.sender)}’s page
          </AppLink>
        ) : null}
        <CopyButton
          value={() => customerParagraph(verdict, clock.label)}
          label="for the customer: the verdict"
        >
          Copy for the customer
        </CopyButton>
      </div>
      {others.length > 0 ? <OtherIncidents others={others} /> : null}
    </VerdictFrame>
  );
}

/** How many of the other incidents are named at once; the rest wait behind a disclosure. */
const LISTED = 3;

/** The other incidents, one short line each (cause, time, what happened), the evidence on demand. */
function OtherIncidents({ others }: { others: readonly IncidentVerdict[] }) {
  const clock = useContext(ClockContext);
  const line = (v: IncidentVerdict) => (
    <li key={v.incident.id}>
      <span className="font-medium">{v.label}</span> · {windowText(v.incident.window, clock.time)} ·{' '}
      {v.incident.headline}
    </li>
  );
  return (
    <div className="mt-2 border-t border-slate-200 pt-2 text-sm dark:border-slate-700">
      <ul aria-label="Other incidents, worst first" className="list-disc pl-5">
        {others.slice(0, LISTED).map(line)}
      </ul>
      <details className="mt-1">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
          {others.length > LISTED
            ? `${others.length - LISTED} more, and the evidence`
            : 'The evidence'}
        </summary>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {others.map((v) => (
            <li key={v.incident.id}>
              <span className="font-medium">{v.label}</span>: {v.evidence}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export default VerdictSection;
