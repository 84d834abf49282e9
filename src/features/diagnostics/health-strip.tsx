import { useContext } from 'react';
import { FILTER_LABELS, type Filter } from '../../api/participant-schema';
import { AppLink } from '../../components/ui/app-link';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { ClockContext } from '../../components/ui/clock';
import { CopyButton } from '../../components/ui/copy-button';
import { aroundWindow, type TimeWindow } from '../../lib/time-window';
import {
  type Diagnosis,
  type Finding,
  type Incident,
  incidentText,
  type Severity,
  tally,
  windowText,
} from './lib/finding';

const TONE: Record<Severity, BadgeTone> = { poor: 'danger', degraded: 'warning', info: 'info' };

export type HealthStripProps = {
  diagnosis: Diagnosis;
  /** The page with an incident's window marked as the reported moment, on the peer it is about. */
  momentHref: (window: TimeWindow, peerId: string | null) => string;
  /** Why times are not on the clock the agent asked for, when they are not. */
  clockFallback: string | null;
  /** What was not asked of the API, so not checked unless the peer reports hold it. */
  unchecked: readonly Filter[];
  /** What was asked of the API but not sent, so not checked unless the peer reports hold it. */
  unsent: readonly Filter[];
  /** The page with every filter requested; null when all are. */
  checkAllHref: string | null;
};

/** How many whole-call findings show at once; the rest wait behind a disclosure. */
const SHOWN = 3;

const muted = 'text-xs text-slate-600 dark:text-slate-400';
const link = 'font-medium text-brand-700 underline dark:text-brand-500';

function IncidentItem({ incident, href }: { incident: Incident; href: string }) {
  const clock = useContext(ClockContext);
  // What the link marks, and says it marks: the incident with a minute either side, so what
  // led into it (a device change just before) is inside the marked window too.
  const marked = aroundWindow(incident.window);
  const text = incidentText(incident, clock.time);
  return (
    <li className="text-sm">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[incident.severity]}>{incident.severity}</Badge>
        <span className="font-medium">{text}</span>
      </span>
      <span className="mt-0.5 block text-slate-700 dark:text-slate-300">
        {incident.explanation}
      </span>
      <span className={`block ${muted}`}>Thresholds: {incident.thresholds.join('; ')}</span>
      <span className="mt-0.5 flex flex-wrap items-center gap-3 text-xs">
        <AppLink href={href} className={link}>
          Show {windowText(marked, clock.time)} on the page
        </AppLink>
        <CopyButton value={incident.explanation} label={`for the customer: ${text}`}>
          Copy for the customer
        </CopyButton>
      </span>
    </li>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className="text-sm">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[finding.severity]}>{finding.severity}</Badge>
        <span className="font-medium">{finding.title}</span>
      </span>
      <span className="mt-0.5 block text-slate-700 dark:text-slate-300">{finding.explanation}</span>
      {finding.threshold ? (
        <span className={`block ${muted}`}>Threshold: {finding.threshold}</span>
      ) : null}
      <CopyButton value={finding.explanation} label={`for the customer: ${finding.title}`}>
        Copy for the customer
      </CopyButton>
    </li>
  );
}

/** What went wrong, when and which way, cause first; then what held for the whole call. */
export function HealthStrip({
  diagnosis,
  momentHref,
  clockFallback,
  unchecked,
  unsent,
  checkAllHref,
}: HealthStripProps) {
  const { incidents, wholeCall, complete } = diagnosis;
  const rest = wholeCall.slice(SHOWN);
  // Newer deployments send these in the peer reports: what those hold was checked.
  const missing = (filters: readonly Filter[]) =>
    filters.filter((f) => !diagnosis.covered.includes(f)).map((f) => FILTER_LABELS[f]);
  const notSent = missing(unsent);
  const notAsked = missing(unchecked);
  return (
    <section
      aria-label="Health"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">Health</h2>
      {clockFallback ? (
        <p role="note" className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          Times are shown in your time: {clockFallback}.
        </p>
      ) : null}
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {complete ? '' : 'Checking the call’s quality… '}
        {complete || incidents.length + wholeCall.length > 0 ? tally(diagnosis) : null}
        {notSent.length > 0 ? ` Requested but not sent by the API: ${notSent.join(', ')}.` : null}
        {notAsked.length > 0 ? (
          <>
            {' '}
            Not checked: {notAsked.join(', ')}.{' '}
            {checkAllHref ? (
              <AppLink href={checkAllHref} className={link}>
                Request every diagnostic
              </AppLink>
            ) : null}
          </>
        ) : null}
      </p>
      {incidents.length > 0 ? (
        <ul aria-label="Incidents" className="mt-2 grid gap-2">
          {incidents.map((i) => (
            <IncidentItem
              key={i.id}
              incident={i}
              href={momentHref(aroundWindow(i.window), i.focus?.peerId ?? null)}
            />
          ))}
        </ul>
      ) : null}
      {wholeCall.length > 0 ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">Whole call</h3>
          <ul aria-label="Whole call" className="mt-1 grid gap-2">
            {wholeCall.slice(0, SHOWN).map((f) => (
              <FindingItem key={f.id} finding={f} />
            ))}
          </ul>
        </>
      ) : null}
      {rest.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">
            Show {rest.length} more whole-call finding{rest.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-2 grid gap-2">
            {rest.map((f) => (
              <FindingItem key={f.id} finding={f} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
