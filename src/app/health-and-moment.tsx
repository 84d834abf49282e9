import { Suspense, startTransition, useEffect, useState } from 'react';
import { Skeleton } from '../components/ui/skeleton';
import type { DiagnosisStore } from '../features/diagnostics/diagnosis-store';
import { HealthStrip, type HealthStripProps } from '../features/diagnostics/health-strip';
import type { WholeCall } from '../features/diagnostics/lib/whole-call-input';
import type { ParticipantModel } from '../features/participant-page';
import type { ExternalStore } from '../lib/external-store';
import { navigate } from '../lib/route';
import type { TimeWindow } from '../lib/time-window';
import { useHydrating } from '../lib/use-hydrating';
import { ErrorBoundary } from './error-boundary';
import { Diagnosis, ReportedMoment } from './participant-chunks';

export type HealthAndMomentProps = {
  model: ParticipantModel;
  /** Their time zone, from the answer or their peer reports. */
  participantZone: string | null;
  store: DiagnosisStore;
  /** Where the whole-call timeline reads what to draw, written with the diagnosis. */
  wholeCall: ExternalStore<WholeCall | null>;
  strip: Omit<HealthStripProps, 'diagnosis'>;
  moment: TimeWindow | null;
  momentProblem: string | undefined;
  /** This page with another moment (or none). */
  momentHref: (moment: TimeWindow | null) => string;
};

/**
 * The Health strip and the reported moment. The strip shows what is known up front (the
 * reconnects) at once; the findings engine's chunk completes it (and its failure leaves the
 * strip as it is).
 */
export function HealthAndMoment(props: HealthAndMomentProps) {
  const { model, strip } = props;
  // The Reported moment card comes with the diagnosis's code: its place is kept meanwhile, so
  // the summary below does not jump when it arrives (heights as measured at 412 px and above
  // 640 px, a marked moment adding its summary).
  const momentPlace = (
    <Skeleton className={`w-full rounded-xl ${props.moment ? 'h-72 sm:h-56' : 'h-60 sm:h-40'}`} />
  );
  const upFront = <HealthStrip diagnosis={model.upFront} {...strip} />;
  const waiting = (
    <>
      {upFront}
      {momentPlace}
    </>
  );
  // The server's paint of a page shows the strip as known up front (it cannot wait for the
  // diagnosis's chunk). Taking that paint over, the app starts the diagnosis in a transition,
  // so the painted strip stays on screen, the same elements, until the chunk is in.
  const hydrating = useHydrating();
  const [diagnosing, setDiagnosing] = useState(!hydrating);
  useEffect(() => {
    if (!diagnosing) startTransition(() => setDiagnosing(true));
  }, [diagnosing]);
  return (
    <ErrorBoundary fallback={() => upFront}>
      <Suspense fallback={waiting}>
        {diagnosing ? (
          <Diagnosis
            input={model.input}
            moment={props.moment}
            store={props.store}
            wholeCall={props.wholeCall}
            call={model.call}
            strip={strip}
          >
            {(diagnosis, series) => (
              <Suspense fallback={momentPlace}>
                <ReportedMoment
                  moment={props.moment}
                  problem={props.momentProblem}
                  call={model.call}
                  participantZone={props.participantZone}
                  known={{
                    records: model.records,
                    spans: model.totals.flatMap((t) => t.spans),
                    incidents: diagnosis.incidents,
                    sdkEvents: diagnosis.sdkEvents,
                    series,
                  }}
                  hrefFor={props.momentHref}
                  onMark={(w) => navigate(props.momentHref(w))}
                />
              </Suspense>
            )}
          </Diagnosis>
        ) : (
          waiting
        )}
      </Suspense>
    </ErrorBoundary>
  );
}
