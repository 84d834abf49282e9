import { lazy, Suspense, useMemo } from 'react';
import { isInvalid, valid } from '../api/lenient';
import type { ParticipantResult } from '../api/participant-query';
import { FILTERS } from '../api/participant-schema';
import { ClockContext } from '../components/ui/clock';
import { type Mask, MaskContext } from '../components/ui/mask';
import { Skeleton } from '../components/ui/skeleton';
import { DiagnosticsPanels } from '../features/diagnostics/diagnostics-panels';
import { HealthStrip } from '../features/diagnostics/health-strip';
import { ExportActions } from '../features/export/export-actions';
import { type LookupParams, shareUrl, toDeepLink } from '../features/lookup/deep-link';
import { insideWindow } from '../features/moment/lib/inside';
import { aroundWindow } from '../features/moment/lib/moment';
import { ReportedMoment } from '../features/moment/reported-moment';
import { SummaryCard } from '../features/participant/summary-card';
import { type ClockZone, makeClock } from '../lib/clock';
import { redactJson } from '../lib/redact';
import { navigate } from '../lib/router';
import type { TimeWindow } from '../lib/time-window';
import { currentViewParams } from '../lib/view-params';
import { ErrorBoundary } from './error-boundary';
import { participantModel } from './participant-model';
import { useIdle } from './use-idle';

const SHOW_AS_SENT: Mask = { active: false, raw: (value) => value };
const HIDE_PERSONAL: Mask = { active: true, raw: redactJson };

// The summary needs none of the heavy code: the timeline (TanStack Table, Virtual) and the
// chart (recharts) arrive in chunks of their own, requested while the data is on its way.
const loadTimeline = () => import('../features/timeline/timeline-card');
const loadChart = () => import('../features/charts/minutes-by-peer-chart');
const TimelineCard = lazy(loadTimeline);
const MinutesByPeerChart = lazy(loadChart);

/**
 * Starts fetching the timeline's chunk, so it loads in parallel with the participant. The
 * chart (recharts) loads once the browser is idle after the summary and table are shown.
 */
export function preloadParticipantChunks() {
  void loadTimeline();
}

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

export type ParticipantViewProps = {
  result: ParticipantResult;
  params: LookupParams;
  /** Hide personal data (custom id, IP, location, user agent) on screen and in exports. */
  redact: boolean;
  /** The clock times are shown on. */
  clock: ClockZone;
};

export function ParticipantView({ result, params, redact, clock }: ParticipantViewProps) {
  const { participant, receivedAt } = result;
  const derived = useMemo(() => participantModel(result), [result]);
  const shownClock = useMemo(
    () => makeClock(clock, derived.participantTimeZone),
    [clock, derived.participantTimeZone],
  );
  const idle = useIdle();
  // Marking or clearing the moment keeps the rest of the lookup; it is a history entry of its own.
  const momentHref = (moment: TimeWindow | null) =>
    toDeepLink({ ...params, moment, momentProblem: undefined });
  const list = participant.peer_events;
  const hasEvents = derived.records !== null && derived.records.length > 0;

  return (
    <MaskContext.Provider value={redact ? HIDE_PERSONAL : SHOW_AS_SENT}>
      <ClockContext.Provider value={shownClock}>
        <div className="grid grid-cols-1 gap-6">
          <ExportActions
            result={result}
            records={derived.records}
            totals={derived.totals}
            facts={derived.facts}
            sessionId={params.sessionId}
            participantId={params.participantId}
            deepLink={shareUrl(
              window.location.pathname + window.location.search,
              currentViewParams(),
            )}
            redact={redact}
          />
          <HealthStrip
            verdicts={derived.health}
            momentHref={(w) => momentHref(aroundWindow(w))}
            clockFallback={shownClock.fallback}
          />
          <ReportedMoment
            moment={params.moment ?? null}
            problem={params.momentProblem}
            call={derived.call}
            participantZone={derived.participantTimeZone}
            inside={
              params.moment
                ? insideWindow(params.moment, {
                    records: derived.records,
                    spans: derived.totals.flatMap((t) => t.spans),
                    findings: derived.health,
                  })
                : null
            }
            hrefFor={momentHref}
            onMark={(w) => navigate(momentHref(w))}
          />
          <SummaryCard participant={participant} receivedAt={receivedAt} redact={redact} />
          <DiagnosticsPanels
            participant={participant}
            receivedAt={receivedAt}
            requested={params.filters}
            requestHref={(filter) =>
              toDeepLink({
                ...params,
                filters: FILTERS.filter((f) => f === filter || params.filters.includes(f)),
              })
            }
          />
          <ErrorBoundary
            fallback={(error, reset) => (
              <SectionFailed name="Peer events timeline" error={error} onRetry={reset} />
            )}
          >
            <Suspense fallback={<Skeleton className="h-[36rem] w-full rounded-xl" />}>
              <TimelineCard
                records={derived.records}
                invalidList={isInvalid(list) ? list : undefined}
                facts={derived.facts}
                joinedAtMs={valid(participant.joined_at)?.ms ?? null}
                durationMinutes={valid(participant.duration) ?? null}
                includeHref={
                  params.includePeerEvents
                    ? null
                    : toDeepLink({ ...params, includePeerEvents: true })
                }
              />
            </Suspense>
          </ErrorBoundary>
          {hasEvents && !idle ? <Skeleton className="h-96 w-full rounded-xl" /> : null}
          {hasEvents && idle ? (
            <ErrorBoundary
              fallback={(error, reset) => (
                <SectionFailed name="Minutes by peer" error={error} onRetry={reset} />
              )}
            >
              <Suspense fallback={<Skeleton className="h-96 w-full rounded-xl" />}>
                <MinutesByPeerChart totals={derived.totals} highlight={params.moment ?? null} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </div>
      </ClockContext.Provider>
    </MaskContext.Provider>
  );
}
