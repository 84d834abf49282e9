import { lazy, type Ref, Suspense } from 'react';
import { Skeleton } from '../components/ui/skeleton';
import type { WholeCall } from '../features/diagnostics/lib/whole-call-input';
import { type ExternalStore, useExternalStore } from '../lib/external-store';
import type { TimeWindow } from '../lib/time-window';
import { ErrorBoundary } from './error-boundary';

const WholeCallTimeline = lazy(() => import('../features/charts/whole-call-timeline'));

export type WholeCallPlaceProps = {
  held: boolean;
  /** What to draw, written by the diagnosis once its chunk has run. */
  store: ExternalStore<WholeCall | null>;
  /** Marks a moment (a click, a drag, Enter on the plot). */
  onMark: (window: TimeWindow) => void;
  /** Where "Show … on the page" scrolls to and moves focus. */
  ref?: Ref<HTMLElement>;
};

/**
 * The whole call on one time axis, third on the page. Its place is kept at the height of a drawn
 * timeline of 8 lanes while it loads, so nothing below it moves when it is drawn.
 */
export function WholeCallPlace({ held, store, onMark, ref }: WholeCallPlaceProps) {
  const input = useExternalStore(store);
  const waiting = <Skeleton className="mt-2 h-36 w-full rounded-lg" />;
  return (
    <section
      ref={ref}
      aria-label="Whole call"
      tabIndex={-1}
      className="min-h-[17rem] rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:bg-slate-900"
    >
      {held || input === null ? (
        <>
          <h2 className="text-sm font-semibold">Whole-call timeline</h2>
          {waiting}
        </>
      ) : (
        <ErrorBoundary
          fallback={() => <p className="text-sm">The whole-call timeline could not be drawn.</p>}
        >
          <Suspense fallback={waiting}>
            <WholeCallTimeline input={input} onMark={onMark} />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}
