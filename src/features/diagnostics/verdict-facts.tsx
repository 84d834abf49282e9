import { useExternalStore } from '../../lib/external-store';
import type { VerdictStore } from './verdict';

/** What the Verdict found out, for the page's header: its label, their client and network. */
export function useVerdictFacts(store: VerdictStore) {
  const result = useExternalStore(store);
  const verdict = result?.verdict;
  return {
    label: verdict?.status === 'known' ? verdict.label : null,
    client: result?.client ?? null,
    place: result?.place ?? null,
  };
}

/** The verdict's label as a chip beside the participant's name. */
export function VerdictChip({ label }: { label: string | null }) {
  return (
    <span className="rounded-full border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 dark:border-slate-600 dark:text-slate-200">
      {label ?? 'Comparing…'}
    </span>
  );
}
