import { Suspense, startTransition, useEffect, useState } from 'react';
import type { VerdictSectionProps } from '../features/diagnostics/verdict';
import { VerdictFrame } from '../features/diagnostics/verdict-frame';
import { useHydrating } from '../lib/use-hydrating';
import { ErrorBoundary } from './error-boundary';
import { Verdict } from './participant-chunks';

/**
 * The Verdict's place, first under the page's header. The server's paint (and the app taking
 * it over) show it being worked out; the comparison's chunk starts in a transition after that,
 * as the diagnosis does, so the painted region stays the same element until it arrives.
 */
export function VerdictSlot(props: VerdictSectionProps) {
  const hydrating = useHydrating();
  const [started, setStarted] = useState(!hydrating);
  useEffect(() => {
    if (!started) startTransition(() => setStarted(true));
  }, [started]);
  const pending = <VerdictFrame label={null} />;
  if (!started) return pending;
  return (
    <ErrorBoundary
      fallback={() => (
        <VerdictFrame label="Not enough data">
          <p className="mt-1 text-sm">The verdict could not be worked out on this page.</p>
        </VerdictFrame>
      )}
    >
      <Suspense fallback={pending}>
        <Verdict {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
