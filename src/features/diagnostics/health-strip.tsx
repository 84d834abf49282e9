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
};

/** What stands out, worst first, in words an agent can paste to the customer. */
export function HealthStrip({ verdicts, momentHref, clockFallback }: HealthStripProps) {
  const clock = useContext(ClockContext);
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
      {verdicts.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          No problems found in what the API returned. Request the filters for the device and the
          pre-call test to check those too.
        </p>
      ) : (
        <ul className="mt-2 grid gap-2">
          {verdicts.map((v) => (
            <li key={v.id} className="text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[v.severity]}>{v.severity}</Badge>
                <span className="font-medium">{v.title}</span>
              </span>
              <span className="mt-0.5 block text-slate-700 dark:text-slate-300">
                {v.explanation}
              </span>
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
          ))}
        </ul>
      )}
    </section>
  );
}
