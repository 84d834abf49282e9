import { Badge, type BadgeTone } from '../../components/ui/badge';
import type { Verdict } from './lib/verdicts';

const TONE: Record<Verdict['severity'], BadgeTone> = {
  poor: 'danger',
  degraded: 'warning',
  info: 'info',
};

export type HealthStripProps = { verdicts: readonly Verdict[] };

/** What stands out, worst first, in words an agent can paste to the customer. */
export function HealthStrip({ verdicts }: HealthStripProps) {
  return (
    <section
      aria-label="Health"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">Health</h2>
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
