import type { ReactNode } from 'react';
import type { VerdictLabel } from './lib/verdict/rules';

/** The colour of each verdict's edge: the participant's side amber, others' sky, the service red. */
const EDGE: Record<VerdictLabel | 'pending', string> = {
  'Their network': 'border-l-amber-500',
  'Their device': 'border-l-amber-500',
  'Another participant': 'border-l-sky-500',
  'The service': 'border-l-red-600',
  'Not enough data': 'border-l-slate-400',
  'No problem found': 'border-l-emerald-600',
  pending: 'border-l-slate-300',
};

/**
 * While the verdict is worked out: a line of what is being done and the room of the copy
 * button, laid out as a verdict without an incident is, so its arrival moves nothing below.
 */
function Pending() {
  return (
    <>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Reading their call statistics, then comparing them with the others in the session.
      </p>
      <div className="mt-2 text-sm" aria-hidden="true">
        <span className="invisible inline-block rounded-md border px-1.5 py-0.5 text-xs font-medium">
          Copy for the customer
        </span>
      </div>
    </>
  );
}

export type VerdictFrameProps = {
  /** The first line: a verdict, or null while it is being worked out. */
  label: VerdictLabel | null;
  children?: ReactNode;
};

/**
 * The region named Verdict, first under the page's header: its first line is the verdict. It
 * is light on purpose (the page's first chunk): while the findings and the session are read
 * it says so.
 */
export function VerdictFrame({ label, children }: VerdictFrameProps) {
  return (
    <section
      aria-label="Verdict"
      aria-busy={label === null}
      // The height of a verdict with its time and one line of evidence, kept while it is worked
      // out, so the page below does not jump when it arrives.
      className={`min-h-[6.5rem] rounded-xl border border-l-4 border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-700 dark:bg-slate-900 ${EDGE[label ?? 'pending']}`}
    >
      <p className="text-lg font-semibold leading-tight text-slate-900 dark:text-slate-50">
        {label ?? 'Comparing with the session…'}
      </p>
      {children ?? (label === null ? <Pending /> : null)}
    </section>
  );
}
