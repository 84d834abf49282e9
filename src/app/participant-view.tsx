import { lazy, Suspense, useMemo } from 'react';
import { isInvalid, valid } from '../api/lenient';
import type { ParticipantResult } from '../api/participant-query';
import { Skeleton } from '../components/ui/skeleton';
import { type LookupParams, toDeepLink } from '../features/lookup/deep-link';
import { SummaryCard } from '../features/participant/summary-card';
import { TimelineCard } from '../features/timeline/timeline-card';
import { participantModel } from './participant-model';

// recharts is heavy: the chart arrives in its own chunk while the summary is already shown.
const MinutesByPeerChart = lazy(() => import('../features/charts/minutes-by-peer-chart'));

export type ParticipantViewProps = { result: ParticipantResult; params: LookupParams };

export function ParticipantView({ result, params }: ParticipantViewProps) {
  const { participant, receivedAt } = result;
  const derived = useMemo(() => participantModel(result), [result]);
  const list = participant.peer_events;
  const hasEvents = derived.records !== null && derived.records.length > 0;

  return (
    <div className="grid grid-cols-1 gap-6">
      <SummaryCard participant={participant} receivedAt={receivedAt} />
      <TimelineCard
        records={derived.records}
        invalidList={isInvalid(list) ? list : undefined}
        facts={derived.facts}
        joinedAtMs={valid(participant.joined_at)?.ms ?? null}
        durationMinutes={valid(participant.duration) ?? null}
        includeHref={
          params.includePeerEvents ? null : toDeepLink({ ...params, includePeerEvents: true })
        }
      />
      {hasEvents ? (
        <Suspense fallback={<Skeleton className="h-96 w-full rounded-xl" />}>
          <MinutesByPeerChart totals={derived.totals} />
        </Suspense>
      ) : null}
    </div>
  );
}
