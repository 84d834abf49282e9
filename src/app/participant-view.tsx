import { useEffect, useMemo, useRef, useState } from 'react';
import { isInvalid, valid } from '../api/lenient';
import { isLongHistory } from '../api/long-history';
import type { ParticipantResult } from '../api/participant-query';
import { FILTERS, type Filter } from '../api/participant-schema';
import { useReportTimeZone } from '../api/use-report-time-zone';
import { ClockContext } from '../components/ui/clock';
import { MinutesFigurePlace } from '../features/charts/minutes-figure-place';
import { diagnosisStore } from '../features/diagnostics/diagnosis-store';
import type { WholeCall } from '../features/diagnostics/lib/whole-call-input';
import type { VerdictResult } from '../features/diagnostics/verdict';
import { LiveIndicator } from '../features/participant/live-indicator';
import { SummaryCard } from '../features/participant/summary-card';
import { type LiveRefresh, participantModel, useFreshEvents } from '../features/participant-page';
import { makeClock } from '../lib/clock';
import { externalStore } from '../lib/external-store';
import {
  type LookupParams,
  navigate,
  sessionListHref,
  shareUrl,
  toDeepLink,
  useLocationHref,
  useOrigin,
} from '../lib/route';
import { useAgentPrefs } from '../lib/server-render';
import type { TimeWindow } from '../lib/time-window';
import { useHydrating } from '../lib/use-hydrating';
import { useIdle } from '../lib/use-idle';
import { useNearViewport } from '../lib/use-near-viewport';
import { usePainted } from '../lib/use-painted';
import { PLAIN_VIEW, type ViewParams } from '../lib/view-params';
import { HealthAndMoment } from './health-and-moment';
import { LazySection } from './lazy-section';
import {
  DiagnosticsPanels,
  ExportActions,
  MinutesByPeerChart,
  PeerReports,
  QualityPanel,
  SessionCard,
  SessionComparison,
  TimelineCard,
  timelineReady,
  useTimelineLoaded,
} from './participant-chunks';
import { ParticipantHeaderSlot } from './participant-header-slot';

import { VerdictSlot } from './verdict-slot';
import { WholeCallPlace } from './whole-call-place';

export type ParticipantViewProps = {
  result: ParticipantResult;
  params: LookupParams;
  /**
   * The view the page was opened with (redaction, clock, embed, theme): every link it builds
   * keeps it, on the server's paint too.
   */
  view: ViewParams;
  /** Set while the participant is still in the call: the page refreshes itself. */
  live: LiveRefresh | null;
};

/**
 * The most events whose table is drawn in the page's first commit: 10,002 cost it ~100 ms,
 * 100,002 would make it a task of ~500 ms, so those wait for a commit of their own.
 */
const FIRST_COMMIT_EVENTS = 20_000;

export function ParticipantView({ result, params, view, live }: ParticipantViewProps) {
  const { redact, clock } = view;
  // Links on this page, with its view kept.
  const linkTo = (next: LookupParams): string => toDeepLink(next, view);
  const { participant, receivedAt } = result;
  const derived = useMemo(() => participantModel(result), [result]);
  // One diagnosis per answer: the strip's engine writes it, the ticket and panels read it.
  const store = useMemo(() => diagnosisStore(derived.upFront), [derived]);
  // What the whole-call timeline draws, written with the diagnosis.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer starts a new timeline
  const wholeCallStore = useMemo(() => externalStore<WholeCall | null>(null), [derived]);
  // What the Verdict works out, for the ticket and the session comparison.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer starts a new verdict
  const verdictStore = useMemo(() => externalStore<VerdictResult | null>(null), [derived]);
  const here = useLocationHref();
  const origin = useOrigin();
  const agent = useAgentPrefs();
  const peerIds = useMemo(() => derived.totals.map((t) => t.peerId), [derived.totals]);
  // Their zone: from the answer's ip_information (older deployments), else their peer reports.
  const reportZone = useReportTimeZone(peerIds);
  const participantZone = derived.participantTimeZone ?? reportZone;
  const shownClock = useMemo(
    () => makeClock(clock, participantZone, agent),
    [clock, participantZone, agent],
  );
  // The first commit shows the answer (strip, summary) with the sections below held as
  // skeletons; they follow in a render of their own once that commit is painted, so their
  // work never delays it. (Not a transition: one that other updates interrupt starts the
  // timeline over.)
  const held = !usePainted();
  const hydrating = useHydrating();
  // A long history's table is the answer: when its code is already in (such a page's start
  // brings it), it comes with the first commit, unless that commit must match the server's
  // paint or the table alone would make it a long task. Decided once, as `held` is.
  const [tableFirst] = useState(
    () =>
      !hydrating &&
      timelineReady() &&
      isLongHistory(result.rawText) &&
      (derived.records?.length ?? 0) <= FIRST_COMMIT_EVENTS,
  );
  const tableHeld = held && !tableFirst;
  const idle = useIdle(1_000, useTimelineLoaded() && !held);
  // The chart (recharts, the page's longest render) is drawn once it is scrolled near.
  const [chartSpot, chartNear] = useNearViewport<HTMLElement>();
  const fresh = useFreshEvents(derived.records);
  const shownName = valid(participant.display_name) ?? null;
  // Recent lookups only matter on the idle page: their code is fetched after the answer shows.
  useEffect(() => {
    void import('../features/recent/use-recent').then((recent) =>
      recent.rememberLookup(params.sessionId, params.participantId, shownName),
    );
  }, [params.sessionId, params.participantId, shownName]);
  // Marking or clearing the moment keeps the rest of the lookup; it is a history entry of its own.
  const momentHref = (moment: TimeWindow | null) =>
    linkTo({ ...params, moment, momentProblem: undefined, peer: undefined });
  const strip = {
    // An incident's link marks its window and opens the panels on the peer it is about.
    momentHref: (w: TimeWindow, peer: string | null) =>
      linkTo({
        ...params,
        moment: w,
        momentProblem: undefined,
        peer: peer ?? undefined,
      }),
    clockFallback: shownClock.fallback,
    unchecked: FILTERS.filter((f) => !params.filters.includes(f) && f !== 'events'),
    unsent: params.filters.filter((f) => derived.absent.includes(f)),
    checkAllHref: FILTERS.every((f) => params.filters.includes(f))
      ? null
      : linkTo({ ...params, filters: FILTERS }),
  };
  // Another participant of the session, on the same view of the page.
  const participantHref = (participantId: string) =>
    linkTo({
      ...params,
      participantId,
      moment: null,
      momentProblem: undefined,
      peer: undefined,
    });
  const requestHref = (filter: Filter) =>
    linkTo({
      ...params,
      filters: FILTERS.filter((f) => f === filter || params.filters.includes(f)),
    });
  // A moment marked from the page ("Show … on the page", the timeline, the moment card) is
  // brought into view with focus in it; a link that opens with one shows the answer first.
  const wholeCall = useRef<HTMLElement>(null);
  const markedKey = params.moment ? `${params.moment.startMs}/${params.moment.endMs}` : '';
  const openedWith = useRef(markedKey);
  useEffect(() => {
    if (markedKey === openedWith.current) return;
    openedWith.current = markedKey;
    if (markedKey === '' || !wholeCall.current) return;
    wholeCall.current.scrollIntoView({ block: 'center' });
    wholeCall.current.focus({ preventScroll: true });
  }, [markedKey]);
  const list = participant.peer_events;
  const hasEvents = derived.records !== null && derived.records.length > 0;

  return (
    <ClockContext.Provider value={shownClock}>
      <div className="grid grid-cols-1 gap-4">
        <ParticipantHeaderSlot
          participant={participant}
          receivedAt={receivedAt}
          reconnects={derived.input.reconnects.total}
          verdictStore={verdictStore}
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
        <VerdictSlot
          store={store}
          verdictStore={verdictStore}
          sessionId={params.sessionId}
          participantId={params.participantId}
          totals={derived.totals}
          receivedAt={receivedAt}
          hrefFor={participantHref}
          moment={params.moment ?? null}
        />
        <WholeCallPlace
          held={held}
          store={wholeCallStore}
          onMark={(w) => navigate(momentHref(w))}
          ref={wholeCall}
        />
        <HealthAndMoment
          model={derived}
          participantZone={participantZone}
          store={store}
          wholeCall={wholeCallStore}
          strip={strip}
          moment={params.moment ?? null}
          momentProblem={params.momentProblem}
          momentHref={momentHref}
        />
        <LazySection name="Exports" height="h-8" held={held}>
          <ExportActions
            result={result}
            records={derived.records}
            totals={derived.totals}
            facts={derived.facts}
            diagnosis={store.get}
            verdict={() => verdictStore.get()?.verdict ?? null}
            sessionId={params.sessionId}
            participantId={params.participantId}
            deepLink={shareUrl(here, { ...PLAIN_VIEW, redact, clock }, origin)}
            redact={redact}
          />
        </LazySection>
        <LazySection name="Session comparison" height="h-0" held={held}>
          <SessionComparison
            store={store}
            verdictStore={verdictStore}
            participantId={params.participantId}
            name={shownName}
            totals={derived.totals}
            hrefFor={participantHref}
          />
        </LazySection>
        <SummaryCard participant={participant} receivedAt={receivedAt} redact={redact} />
        <LazySection name="Session" height="h-48" held={held}>
          <SessionCard
            listHref={sessionListHref(params.sessionId, view)}
            sessionId={params.sessionId}
            participantId={params.participantId}
            joinedMs={valid(participant.joined_at)?.ms ?? null}
            hrefFor={participantHref}
          />
        </LazySection>
        <LazySection name="Diagnostics" height="h-80" held={held}>
          <DiagnosticsPanels
            participant={participant}
            receivedAt={receivedAt}
            requested={params.filters}
            requestHref={requestHref}
            totals={derived.totals}
            filtersRefused={result.filtersRefused}
          />
          <QualityPanel
            participant={participant}
            requested={params.filters}
            requestHref={requestHref}
            highlight={params.moment ?? null}
            totals={derived.totals}
            store={store}
            peer={params.peer ?? null}
          />
        </LazySection>
        <LazySection name="Peer quality reports" height="h-40" held={held}>
          <PeerReports totals={derived.totals} highlight={params.moment ?? null} />
        </LazySection>
        <LazySection name="Peer events timeline" height="h-[36rem]" held={tableHeld}>
          <TimelineCard
            records={derived.records}
            invalidList={isInvalid(list) ? list : undefined}
            facts={derived.facts}
            joinedAtMs={valid(participant.joined_at)?.ms ?? null}
            durationMinutes={valid(participant.duration) ?? null}
            includeHref={
              params.includePeerEvents ? null : linkTo({ ...params, includePeerEvents: true })
            }
            participant={participant}
            totals={derived.totals}
            highlight={params.moment ?? null}
            fresh={fresh}
            sdkRequestHref={params.filters.includes('events') ? null : requestHref('events')}
          />
        </LazySection>
        {hasEvents && !(idle && chartNear) ? (
          <MinutesFigurePlace totals={derived.totals} ref={chartSpot} />
        ) : null}
        {hasEvents && idle && chartNear ? (
          <LazySection
            name="Minutes by peer"
            height="h-96"
            placeholder={<MinutesFigurePlace totals={derived.totals} />}
          >
            <MinutesByPeerChart totals={derived.totals} highlight={params.moment ?? null} />
          </LazySection>
        ) : null}
      </div>
    </ClockContext.Provider>
  );
}
