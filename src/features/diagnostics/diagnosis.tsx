/**
 * The Health strip with everything the findings engine knows: the answer, its quality stats
 * and the peer reports in the cache so far. Loaded in a chunk of its own with the engine, while
 * the summary is already on screen; the page's other readers get the same diagnosis through
 * its store.
 */
import { type ReactNode, useEffect, useMemo } from 'react';
import type { TimeWindow } from '../../lib/time-window';
import type { DiagnosisStore } from './diagnosis-store';
import { HealthStrip, type HealthStripProps } from './health-strip';
import { autoReportPeers } from './lib/auto-reports';
import { type DiagnosisInput, diagnose, type FullDiagnosis } from './lib/diagnose';
import { type MeasuredSeries, measuredSeries } from './lib/measures';
import { usePeerReportsInCache } from './use-auto-peer-reports';

export type DiagnosisProps = {
  input: DiagnosisInput;
  /** The reported moment: it decides which reports load by themselves, so what to wait for. */
  moment: TimeWindow | null;
  store: DiagnosisStore;
  strip: Omit<HealthStripProps, 'diagnosis'>;
  /** What else needs the diagnosis and the measured series (the reported moment). */
  children: (diagnosis: FullDiagnosis, series: readonly MeasuredSeries[]) => ReactNode;
};

export function Diagnosis({ input, moment, store, strip, children }: DiagnosisProps) {
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
  return (
    <>
      <HealthStrip diagnosis={diagnosis} {...strip} />
      {children(diagnosis, series)}
    </>
  );
}

export default Diagnosis;
