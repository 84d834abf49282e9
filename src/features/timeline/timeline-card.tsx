import { type ReactNode, useMemo } from 'react';
import type { Participant } from '../../api/participant-schema';
import type { PeerEventRecord } from '../../api/peer-events';
import { sdkEventRecords } from '../../api/stats-events';
import { AppLink } from '../../components/ui/app-link';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import type { PeerTotal } from '../../lib/peer-spans';
import type { TimeWindow } from '../../lib/time-window';
import { usePeerReportsInCache } from '../diagnostics';
import type { TimelineFacts as Facts } from './lib/facts';
import { mergedRows } from './lib/timeline-rows';
import { PeerEventTable } from './peer-event-table';
import { SdkEventsNote } from './sdk-events-note';
import { TimelineFacts } from './timeline-facts';

export type TimelineCardProps = {
  /** null when the API sent no list; an Invalid marker's raw value when it sent something else. */
  records: readonly PeerEventRecord[] | null;
  invalidList?: { raw: unknown; reason: string } | undefined;
  facts: Facts | null;
  joinedAtMs: number | null;
  durationMinutes: number | null;
  /** The same view with peer events included, when they were not requested. */
  includeHref: string | null;
  /** The participant: its SDK events (peer_stats.events) are read here, in the timeline's chunk. */
  participant: Participant;
  /** The participant's peers: their loaded peer reports' SDK events are merged too. */
  totals: readonly PeerTotal[];
  /** The same view with SDK events requested (filters=events), when they were not. */
  sdkRequestHref: string | null;
  /** The reported moment: events inside it are marked, and can be shown alone. */
  highlight?: TimeWindow | null;
  /** Peer events that arrived with the latest live refresh (by record index). */
  fresh?: ReadonlySet<number>;
};

function Message({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

/** Why there are no peer events to show, or null when there are. */
function PeerEventsMissing(props: TimelineCardProps) {
  if (props.includeHref !== null) {
    return (
      <Message>
        Peer events were not requested.{' '}
        <AppLink
          href={props.includeHref}
          className="font-medium text-brand-700 underline dark:text-brand-500"
        >
          Include peer events
        </AppLink>
      </Message>
    );
  }
  if (props.invalidList) {
    return (
      <Message>
        peer_events could not be read:{' '}
        <InvalidValue raw={props.invalidList.raw} reason={props.invalidList.reason} />
      </Message>
    );
  }
  return <Message>The API returned no peer events for this participant.</Message>;
}

/** Facts about the peer events, and the table of peer and SDK events; or why there are none. */
export function TimelineCard(props: TimelineCardProps) {
  const { records, joinedAtMs, participant } = props;
  // Reports the page loads (or the agent does) are read from the cache; none is fetched here.
  const { loaded } = usePeerReportsInCache(props.totals);
  const sdkEvents = useMemo(() => sdkEventRecords(participant, loaded), [participant, loaded]);
  const sdk = sdkEvents.records;
  const rows = useMemo(() => mergedRows(records, sdk, joinedAtMs), [records, sdk, joinedAtMs]);
  const hasPeerEvents =
    props.includeHref === null && !props.invalidList && records !== null && records.length > 0;
  return (
    <Card title="Peer events timeline">
      <div className="grid grid-cols-1 gap-4">
        {hasPeerEvents && props.facts ? (
          <TimelineFacts facts={props.facts} durationMinutes={props.durationMinutes} />
        ) : (
          <PeerEventsMissing {...props} />
        )}
        <SdkEventsNote
          events={sdkEvents}
          requestHref={props.sdkRequestHref}
          factsShown={hasPeerEvents}
        />
        {rows.length > 0 ? (
          <PeerEventTable
            rows={rows}
            sdkEvents={sdk.length > 0}
            highlight={props.highlight ?? null}
            fresh={props.fresh}
          />
        ) : null}
      </div>
    </Card>
  );
}

// The table (TanStack Table and Virtual) arrives in its own chunk, after the summary.
export default TimelineCard;
