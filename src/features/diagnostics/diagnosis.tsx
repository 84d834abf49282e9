/**
 * The Health strip with everything the findings engine knows: the answer, its quality stats
 * and the peer reports in the cache so far. Loaded in a chunk of its own with the engine, while
 * the summary is already on screen; the page's other readers get the same diagnosis through
 * its store.
 */
import { type ReactNode, useEffect, useMemo } from 'react';
import type { ExternalStore } from '../../lib/external-store';
import type { TimeWindow } from '../../lib/time-window';
import type { DiagnosisStore } from './diagnosis-store';
import { HealthStrip, type HealthStripProps } from './health-strip';
import { autoReportPeers } from './lib/auto-reports';
import { type DiagnosisInput, diagnose, type FullDiagnosis } from './lib/diagnose';
import { type MeasuredSeries, measuredSeries } from './lib/measures';
import { reportEvents } from './lib/report-rules';
import { type WholeCall, wholeCallInput } from './lib/whole-call-input';
import { usePeerReportsInCache } from './use-auto-peer-reports';

export type DiagnosisProps = {
  input: DiagnosisInput;
  /** The reported moment: it decides which reports load by themselves, so what to wait for. */
  moment: TimeWindow | null;
  store: DiagnosisStore;
  /** Where the whole-call timeline, above the strip, reads what to draw. */
  wholeCall: ExternalStore<WholeCall | null>;
  /** The call's extent (joined to left, or to the answer while still in it). */
  call: TimeWindow | null;
  strip: Omit<HealthStripProps, 'diagnosis'>;
  /** What else needs the diagnosis and the measured series (the reported moment). */
  children: (diagnosis: FullDiagnosis, series: readonly MeasuredSeries[]) => ReactNode;
};

export function Diagnosis(props: DiagnosisProps) {
  const { input, moment, store, strip, children } = props;
  const reports = usePeerReportsInCache(input.totals);
  const expected = useMemo(
    () => autoReportPeers(input.totals, moment).length,
    [input.totals, moment],
  );
  const loaded = useMemo(
    () => new Map(reports.loaded.map((r) => [r.peerId, r.participant])),
    [reports.loaded],
  );
  const pending = reports.loading > 0 || reports.loaded.length + reports.failed < expected;
  const diagnosis = useMemo(
    () => diagnose(input, loaded, { reportsPending: pending }),
    [input, loaded, pending],
  );
  const series = useMemo(() => measuredSeries(input.participant, loaded), [input, loaded]);
  // The ticket and the Quality panel live outside this subtree: they read what the strip shows.
  useEffect(() => store.set(diagnosis), [store, diagnosis]);
  const timeline = useMemo(
    () =>
      wholeCallInput({
        totals: input.totals,
        events: [...loaded].flatMap(([peerId, report]) => reportEvents(report, peerId)),
        series,
        incidents: diagnosis.incidents,
        moment,
        range: props.call,
      }),
    [input.totals, loaded, series, diagnosis.incidents, moment, props.call],
  );
  const { wholeCall } = props;
  useEffect(() => wholeCall.set(timeline), [wholeCall, timeline]);
  return (
    <>
      <HealthStrip diagnosis={diagnosis} {...strip} />
      {children(diagnosis, series)}
    </>
  );
}

export default Diagnosis;
