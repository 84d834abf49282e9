/** What other features use of the diagnostics: they import from here only (README, Layout). */

export type { DiagnosisInput, SdkEvent } from './lib/diagnose';
export {
  type Diagnosis,
  type Finding,
  type Incident,
  incidentText,
  reconnectIncident,
  upFrontDiagnosis,
} from './lib/finding';
export { readLocation } from './lib/location';
export type { MeasuredSeries } from './lib/measures';
export { NO_RECONNECTS, type Reconnects, reconnectsOf } from './lib/reconnects';
export { statsSection } from './lib/section';
export { type Verdict, verdictLines } from './lib/verdict/verdict';
export { usePeerReportsInCache } from './use-auto-peer-reports';
