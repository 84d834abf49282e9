import { useContext } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { ClockContext } from '../../components/ui/clock';
import { CopyButton } from '../../components/ui/copy-button';
import type { TimeWindow } from '../../lib/time-window';
import type { Verdict } from './lib/verdicts';

const TONE: Record<Verdict['severity'], BadgeTone> = {
  poor: 'danger',
  degraded: 'warning',
  info: 'info',
};

export type HealthStripProps = {
  verdicts: readonly Verdict[];
  /** The page with a finding's window marked as the reported moment. */
  momentHref: (window: TimeWindow) => string;
  /** Why times are not on the clock the agent asked for, when they are not. */
  clockFallback: string | null;
  /** What was not asked of the API, so not checked ("pre-call test", "quality"). */
  unchecked: readonly string[];
  /** What was asked of the API but not sent, so not checked either. */
  unsent: readonly string[];
  /** True while the call's quality is still being read: the list may grow. */
  pending?: boolean;
  /** The page with every filter requested; null when all are. */
  checkAllHref: string | null;
};

/** How many findings show at once; the rest wait behind a disclosure. */
const SHOWN = 5;

function Finding({ v, momentHref }: { v: Verdict; momentHref: (w: TimeWindow) => string }) {
  const clock = useContext(ClockContext);
  return (
    <li className="text-sm">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[v.severity]}>{v.severity}</Badge>
        <span className="font-medium">{v.title}</span>
      </span>
      <span className="mt-0.5 block text-slate-700 dark:text-slate-300">{v.explanation}</span>
      {v.threshold ? (
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          Threshold: {v.threshold}
        </span>
      ) : null}
      <span className="mt-0.5 flex flex-wrap items-center gap-3 text-xs">
        {v.window ? (
          <AppLink
            href={momentHref(v.window)}
            className="font-medium text-brand-700 underline dark:text-brand-500"
          >
            Show {clock.time(v.window.startMs)} – {clock.time(v.window.endMs)} on the page
          </AppLink>
        ) : null}
        <CopyButton value={v.explanation} label={`explanation: ${v.title}`}>
          Copy for the customer
        </CopyButton>
      </span>
    </li>
  );
}

const count = (n: number, what: string) => `${n} ${what}`;

/** "11 findings: 9 poor, 2 degraded." */
export function tally(verdicts: readonly Verdict[]): string {
  const by = (severity: Verdict['severity']) =>
    verdicts.filter((v) => v.severity === severity).length;
  const parts = (['poor', 'degraded', 'info'] as const)
    .map((severity) => [severity, by(severity)] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => count(n, severity));
  return `${count(verdicts.length, verdicts.length === 1 ? 'finding' : 'findings')}: ${parts.join(', ')}.`;
}

/** What stands out, worst first, in words an agent can paste to the customer. */
export function HealthStrip({
  verdicts,
  momentHref,
  clockFallback,
  unchecked,
  unsent,
  checkAllHref,
  pending = false,
}: HealthStripProps) {
  const first = verdicts.slice(0, SHOWN);
  const rest = verdicts.slice(SHOWN);
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
        {pending
          ? 'Checking the call’s quality… '
          : verdicts.length === 0
            ? 'No problems found in what the API returned.'
            : tally(verdicts)}
        {unsent.length > 0 ? ` Requested but not sent by the API: ${unsent.join(', ')}.` : null}
        {unchecked.length > 0 ? (
          <>
            {' '}
            Not checked: {unchecked.join(', ')}.{' '}
            {checkAllHref ? (
              <AppLink
                href={checkAllHref}
                className="font-medium text-brand-700 underline dark:text-brand-500"
              >
                Request every diagnostic
              </AppLink>
            ) : null}
          </>
        ) : null}
      </p>
      {first.length > 0 ? (
        <ul className="mt-2 grid gap-2">
          {first.map((v) => (
            <Finding key={v.id} v={v} momentHref={momentHref} />
          ))}
        </ul>
      ) : null}
      {rest.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">
            Show {rest.length} more finding{rest.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-2 grid gap-2">
            {rest.map((v) => (
              <Finding key={v.id} v={v} momentHref={momentHref} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
