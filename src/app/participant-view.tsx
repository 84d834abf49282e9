import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { isInvalid, valid } from '../api/lenient';
import type { ParticipantResult } from '../api/participant-query';
import { FILTER_LABELS, FILTERS, type Filter } from '../api/participant-schema';
import { ClockContext } from '../components/ui/clock';
import { Skeleton } from '../components/ui/skeleton';
import { HealthStrip } from '../features/diagnostics/health-strip';
import { ExportActions } from '../features/export/export-actions';
import { type LookupParams, shareUrl, toDeepLink } from '../features/lookup/deep-link';
import { sessionListHref } from '../features/lookup/session-link';
import { LiveIndicator } from '../features/participant/live-indicator';
import { SummaryCard } from '../features/participant/summary-card';
import { type ClockZone, makeClock } from '../lib/clock';
import { navigate } from '../lib/router';
import { aroundWindow, type TimeWindow } from '../lib/time-window';
import { useIdle } from '../lib/use-idle';
import { currentViewParams } from '../lib/view-params';
import { ErrorBoundary } from './error-boundary';
import { participantModel } from './participant-model';
import { useFreshEvents } from './use-fresh-events';

// The summary needs none of the heavy code: the timeline (TanStack Table, Virtual) and the
// chart (recharts) arrive in chunks of their own, requested while the data is on its way.
const loadTimeline = () => import('../features/timeline/timeline-card');
const loadChart = () => import('../features/charts/minutes-by-peer-chart');
const TimelineCard = lazy(loadTimeline);
// The session around the participant loads on its own, in its own chunk.
const SessionCard = lazy(() =>
  import('../features/session/session-card').then((m) => ({ default: m.SessionCard })),
);
// Peer reports are fetched on demand, so their section's code waits for the page too.
const PeerReports = lazy(() =>
  import('../features/diagnostics/peer-reports').then((m) => ({ default: m.PeerReports })),
);
const MinutesByPeerChart = lazy(loadChart);
// The rest of the diagnosis (the quality reader and rules, the reported moment, the panels)
// is not needed to show who the participant is: it follows in chunks requested at once.
const loadDiagnosis = () => import('../features/diagnostics/diagnosis');
const Diagnosis = lazy(loadDiagnosis);
const ReportedMoment = lazy(() =>
  import('../features/moment/reported-moment').then((m) => ({ default: m.ReportedMoment })),
);
const DiagnosticsPanels = lazy(() =>
  import('../features/diagnostics/diagnostics-panels').then((m) => ({
    default: m.DiagnosticsPanels,
  })),
);
const QualityPanel = lazy(() =>
  import('../features/diagnostics/quality-panel').then((m) => ({ default: m.QualityPanel })),
);

/**
 * Starts fetching the timeline's chunk, so it loads in parallel with the participant. The
 * chart (recharts) loads once the browser is idle after the summary and table are shown.
 */
export function preloadParticipantChunks() {
  void loadTimeline();
  void loadDiagnosis();
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
  /** Set while the participant is still in the call: the page refreshes itself. */
  live: { paused: boolean; intervalMs: number; onToggle: () => void } | null;
};

export function ParticipantView({ result, params, redact, clock, live }: ParticipantViewProps) {
  const { participant, receivedAt } = result;
  const derived = useMemo(() => participantModel(result), [result]);
  const shownClock = useMemo(
    () => makeClock(clock, derived.participantTimeZone),
    [clock, derived.participantTimeZone],
  );
  // The chart waits for an idle moment after the timeline's code is in: the browser is idle
  // while that chunk downloads too, and the chart must not take the table's turn.
  const [timelineReady, setTimelineReady] = useState(false);
  useEffect(() => {
    let current = true;
    void loadTimeline().then(() => current && setTimelineReady(true));
    return () => {
      current = false;
    };
  }, []);
  const idle = useIdle(1_000, timelineReady);
  const fresh = useFreshEvents(derived.records);
  const peerIds = useMemo(() => derived.totals.map((t) => t.peerId), [derived.totals]);
  const shownName = valid(participant.display_name) ?? null;
  // Recent lookups only matter on the idle page: their code is fetched after the answer shows.
  useEffect(() => {
    void import('../features/recent/use-recent').then((recent) =>
      recent.rememberLookup(params.sessionId, params.participantId, shownName),
    );
  }, [params.sessionId, params.participantId, shownName]);
  // Marking or clearing the moment keeps the rest of the lookup; it is a history entry of its own.
  const momentHref = (moment: TimeWindow | null) =>
    toDeepLink({ ...params, moment, momentProblem: undefined });
  const strip = {
    momentHref: (w: TimeWindow) => momentHref(aroundWindow(w)),
    clockFallback: shownClock.fallback,
    unchecked: FILTERS.filter((f) => !params.filters.includes(f) && f !== 'events').map(
      (f) => FILTER_LABELS[f],
    ),
    unsent: params.filters.filter((f) => derived.absent.includes(f)).map((f) => FILTER_LABELS[f]),
    checkAllHref: FILTERS.every((f) => params.filters.includes(f))
      ? null
      : toDeepLink({ ...params, filters: FILTERS }),
  };
  const requestHref = (filter: Filter) =>
    toDeepLink({
      ...params,
      filters: FILTERS.filter((f) => f === filter || params.filters.includes(f)),
    });
  const list = participant.peer_events;
  const hasEvents = derived.records !== null && derived.records.length > 0;

  return (
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
        {live ? (
          <LiveIndicator
            paused={live.paused}
            intervalMs={live.intervalMs}
            updatedAt={receivedAt}
            newEvents={fresh.size}
            onToggle={live.onToggle}
          />
        ) : null}
        <ErrorBoundary fallback={() => <HealthStrip verdicts={derived.health} {...strip} />}>
          <Suspense
            fallback={
              <HealthStrip
                verdicts={derived.health}
                pending={!derived.absent.includes('quality_stats')}
                {...strip}
              />
            }
          >
            <Diagnosis
              participant={participant}
              peerIds={peerIds}
              base={derived.health}
              precall={derived.precall}
              strip={strip}
            >
              {(findings, series) => (
                <Suspense fallback={null}>
                  <ReportedMoment
                    moment={params.moment ?? null}
                    problem={params.momentProblem}
                    call={derived.call}
                    participantZone={derived.participantTimeZone}
                    known={{
                      records: derived.records,
                      spans: derived.totals.flatMap((t) => t.spans),
                      findings,
                      series,
                    }}
                    hrefFor={momentHref}
                    onMark={(w) => navigate(momentHref(w))}
                  />
                </Suspense>
              )}
            </Diagnosis>
          </Suspense>
        </ErrorBoundary>
        <SummaryCard participant={participant} receivedAt={receivedAt} redact={redact} />
        <ErrorBoundary
          fallback={(error, reset) => (
            <SectionFailed name="Session" error={error} onRetry={reset} />
          )}
        >
          <Suspense fallback={<Skeleton className="h-48 w-full rounded-xl" />}>
            <SessionCard
              listHref={sessionListHref(params.sessionId)}
              sessionId={params.sessionId}
              participantId={params.participantId}
              joinedMs={valid(participant.joined_at)?.ms ?? null}
              hrefFor={(participantId) =>
                toDeepLink({ ...params, participantId, moment: null, momentProblem: undefined })
              }
            />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary
          fallback={(error, reset) => (
            <SectionFailed name="Diagnostics" error={error} onRetry={reset} />
          )}
        >
          <Suspense fallback={<Skeleton className="h-80 w-full rounded-xl" />}>
            <DiagnosticsPanels
              participant={participant}
              receivedAt={receivedAt}
              requested={params.filters}
              requestHref={requestHref}
            />
            <QualityPanel
              participant={participant}
              requested={params.filters}
              requestHref={requestHref}
              highlight={params.moment ?? null}
            />
          </Suspense>
        </ErrorBoundary>
        <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>
          <PeerReports peerIds={peerIds} highlight={params.moment ?? null} />
        </Suspense>
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
                params.includePeerEvents ? null : toDeepLink({ ...params, includePeerEvents: true })
              }
              participant={participant}
              highlight={params.moment ?? null}
              fresh={fresh}
              sdkRequestHref={
                params.filters.includes('events')
                  ? null
                  : toDeepLink({
                      ...params,
                      filters: FILTERS.filter((f) => f === 'events' || params.filters.includes(f)),
                    })
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
  );
}
