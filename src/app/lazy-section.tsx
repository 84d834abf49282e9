import { type ReactNode, Suspense } from 'react';
import { Skeleton } from '../components/ui/skeleton';
import { ErrorBoundary } from './error-boundary';

/** One section failed (its chunk did not load, say): the rest of the page stays. */
function SectionFailed({
  name,
  error,
  onRetry,
}: {
  name: string;
  error: Error;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      The “{name}” section could not be shown ({error.message}).{' '}
      <button type="button" onClick={onRetry} className="font-semibold underline">
        Try again
      </button>
    </div>
  );
}

export type LazySectionProps = {
  /** The section's name, for the message when it fails. */
  name: string;
  /** The skeleton's size while the section's code arrives ("h-96"). */
  height: string;
  /** Shows the skeleton for now, as if the code were still on its way. */
  held?: boolean;
  /** What stands in while the code arrives, when more than a skeleton (a named figure). */
  placeholder?: ReactNode;
  children: ReactNode;
};

/** A section in a chunk of its own: a skeleton while it loads, a retry if it fails. */
export function LazySection({
  name,
  height,
  held = false,
  placeholder,
  children,
}: LazySectionProps) {
  const skeleton = placeholder ?? <Skeleton className={`${height} w-full rounded-xl`} />;
  if (held) return skeleton;
  return (
    <ErrorBoundary
      fallback={(error, reset) => <SectionFailed name={name} error={error} onRetry={reset} />}
    >
      <Suspense fallback={skeleton}>{children}</Suspense>
    </ErrorBoundary>
  );
}
