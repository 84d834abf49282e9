import type { Ref } from 'react';
import { Skeleton } from '../components/ui/skeleton';

export type WholeCallPlaceProps = {
  held: boolean;
  /** Where "Show … on the page" scrolls to and moves focus. */
  ref?: Ref<HTMLElement>;
};

/** The whole-call timeline's place, third on the page, kept at its height while it loads. */
export function WholeCallPlace({ held, ref }: WholeCallPlaceProps) {
  return (
    <section
      ref={ref}
      aria-label="Whole-call timeline"
      tabIndex={-1}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">Whole call</h2>
      {held ? (
        <Skeleton className="mt-2 h-36 w-full rounded-lg" />
      ) : (
        <Skeleton className="mt-2 h-36 w-full rounded-lg" />
      )}
    </section>
  );
}
