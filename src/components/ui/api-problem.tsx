import { useId } from 'react';
import { useCountdown } from '../../lib/use-countdown';
import { RequestId } from './request-id';

/** A failed request in words (src/api/explain-error.ts writes them from the error). */
export type Problem = {
  readonly title: string;
  readonly explanation: string;
  /** 'none': the same answer would come again, so no Try again. */
  readonly retry: 'none' | 'manual' | 'automatic';
  /** Try again waits until then (ms since the epoch); null: no wait. */
  readonly waitUntil: number | null;
  readonly requestId: string | undefined;
};

export type ApiProblemProps = {
  problem: Problem;
  onRetry: () => void;
  /** True while a retry is on its way. */
  retrying: boolean;
  /** 'page': what the page is for failed; 'compact': a section or a row of it did. */
  size?: 'page' | 'compact';
  /** Red for what the agent asked for; amber for a side section the page works without. */
  tone?: 'error' | 'warning';
};

const TONES = {
  error: {
    box: 'border-red-200 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
    button:
      'bg-red-800 text-white hover:bg-red-700 disabled:opacity-60 dark:bg-red-200 dark:text-red-950',
  },
  warning: {
    box: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50',
    button: 'border border-amber-400 disabled:opacity-60 dark:border-amber-600',
  },
} as const;

const SIZES = {
  page: {
    Title: 'h2',
    box: 'rounded-xl p-5 text-sm',
    title: 'text-base font-semibold',
    gap: 'mt-2',
    actions: 'mt-4',
    button: 'px-3 py-1.5',
  },
  compact: {
    Title: 'p',
    box: 'rounded-lg px-3 py-2 text-sm',
    title: 'font-semibold',
    gap: 'mt-1',
    actions: 'mt-2 text-xs',
    button: 'px-2.5 py-0.5',
  },
} as const;

/**
 * A failed request, explained: title, what to do, the request id, and Try again held until
 * Retry-After's wait is over. The wait ticks on screen but is said to screen readers once: the
 * alert is a live region, so nothing in it that a reader would hear may change every second.
 */
export function ApiProblem({
  problem,
  onRetry,
  retrying,
  size = 'page',
  tone = 'error',
}: ApiProblemProps) {
  const titleId = useId();
  const wait = useCountdown(problem.waitUntil);
  const look = SIZES[size];
  return (
    <div role="alert" aria-labelledby={titleId} className={`border ${look.box} ${TONES[tone].box}`}>
      <look.Title id={titleId} className={look.title}>
        {problem.title}
      </look.Title>
      <p className={look.gap}>{problem.explanation}</p>
      <RequestId id={problem.requestId} className={look.gap} />
      {problem.retry === 'none' ? null : (
        <div className={`flex flex-wrap items-center gap-3 ${look.actions}`}>
          <button
            type="button"
            onClick={onRetry}
            disabled={retrying || wait > 0}
            className={`rounded-md font-semibold ${look.button} ${TONES[tone].button}`}
          >
            {retrying ? 'Trying again…' : 'Try again'}
          </button>
          {wait > 0 ? (
            <span>
              <span aria-hidden="true">
                Next try possible in <span className="font-semibold tabular-nums">{wait} s</span>
              </span>
              <span className="sr-only">Try again once the wait is over.</span>
            </span>
          ) : null}
        </div>
      )}
    </div>
  );
}
