import { type ExternalStore, externalStore, useExternalStore } from '../../lib/external-store';
import type { Diagnosis } from './lib/finding';

/**
 * The page's diagnosis, where the views outside the Health strip's subtree read it: the
 * ticket, the Quality panel's focus and the verdict. The engine runs in the diagnosis's lazy
 * chunk; what it last gave the strip is what they show.
 */
export type DiagnosisStore = ExternalStore<Diagnosis>;

export const diagnosisStore = (initial: Diagnosis): DiagnosisStore => externalStore(initial);

export const useDiagnosis = (store: DiagnosisStore): Diagnosis => useExternalStore(store);
