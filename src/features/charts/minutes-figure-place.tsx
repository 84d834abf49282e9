import { type Ref, useContext, useMemo } from 'react';
import { ClockContext } from '../../components/ui/clock';
import { Skeleton } from '../../components/ui/skeleton';
import type { PeerTotal } from '../../lib/peer-spans';
import { chartSummary } from './lib/chart-summary';

export type MinutesFigurePlaceProps = {
  totals: readonly PeerTotal[];
  /** Watched for nearness: the drawing comes when the figure is scrolled to. */
  ref?: Ref<HTMLElement>;
};

/**
 * "Minutes by peer" before its drawing: the same named figure with its sentence, so the page's
 * structure (and a screen reader's list of figures) does not depend on where it is scrolled.
 */
export function MinutesFigurePlace({ totals, ref }: MinutesFigurePlaceProps) {
  const clock = useContext(ClockContext);
  const summary = useMemo(() => chartSummary(totals, clock), [totals, clock]);
  return (
    <figure
      ref={ref}
      aria-label="Minutes by peer"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <figcaption className="text-base font-semibold text-slate-900 dark:text-slate-50">
        Minutes by peer
      </figcaption>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{summary}</p>
      <Skeleton className="mt-3 h-80 w-full rounded-lg" />
    </figure>
  );
}
