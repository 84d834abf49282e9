import { useSyncExternalStore } from 'react';
import type { Diagnosis } from './lib/finding';

/**
 * The page's diagnosis, where the views outside the Health strip's subtree read it: the
 * ticket and the Quality panel's focus. The engine runs in the diagnosis's lazy chunk; what it
 * last gave the strip is what they show, so no number appears two ways on one page.
 */
export type DiagnosisStore = {
  readonly get: () => Diagnosis;
  readonly set: (diagnosis: Diagnosis) => void;
  readonly subscribe: (onChange: () => void) => () => void;
};

export function diagnosisStore(initial: Diagnosis): DiagnosisStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (diagnosis) => {
      if (diagnosis === current) return;
      current = diagnosis;
      for (const listener of listeners) listener();
    },
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

export function useDiagnosis(store: DiagnosisStore): Diagnosis {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
