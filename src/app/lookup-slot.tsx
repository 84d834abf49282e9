import { lazy, Suspense, startTransition, useEffect, useState } from 'react';
import { Skeleton } from '../components/ui/skeleton';
import type { LookupFormProps } from '../features/lookup/lookup-form';
import { LookupLine } from '../features/lookup/lookup-line';
import { useHydrating } from '../lib/use-hydrating';

// The form's code (fields, paste reading, the picker's loader) is not needed to show an open
// participant, whose lookup is one line: it comes in a chunk of its own.
const LookupForm = lazy(() =>
  import('../features/lookup/lookup-form').then((m) => ({ default: m.LookupForm })),
);

/**
 * The lookup: one line for an open participant, the form on the idle page. Painted by the
 * server as the line (the form's chunk is started once the app has taken the page over).
 */
export function LookupSlot(props: LookupFormProps) {
  const hydrating = useHydrating();
  const [started, setStarted] = useState(!hydrating);
  // Change pressed before the form's code is in: the form opens as soon as it arrives.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!started) startTransition(() => setStarted(true));
  }, [started]);
  const { initial, collapsed } = props;
  const placeholder =
    collapsed && initial?.sessionId && initial.participantId ? (
      <LookupLine
        sessionId={initial.sessionId}
        participantId={initial.participantId}
        expanded={false}
        onToggle={() => setAsked(true)}
      />
    ) : (
      <Skeleton className="h-56 w-full rounded-xl" />
    );
  if (!started) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <LookupForm {...props} startExpanded={asked} />
    </Suspense>
  );
}
