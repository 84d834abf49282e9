import { type ReactNode, useMemo } from 'react';
import type { PeerEventRecord } from '../../api/peer-events';
import { AppLink } from '../../components/ui/app-link';
import { Card } from '../../components/ui/card';
import { InvalidValue } from '../../components/ui/invalid-value';
import type { TimelineFacts as Facts } from './lib/facts';
import { timelineRows } from './lib/timeline-rows';
import { PeerEventTable } from './peer-event-table';
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
};

function Message({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700 dark:text-slate-300">{children}</p>;
}

/** Facts and the peer-event table, or why there are none. */
export function TimelineCard(props: TimelineCardProps) {
  const { records, joinedAtMs } = props;
  const rows = useMemo(
    () => (records ? timelineRows(records, joinedAtMs) : []),
    [records, joinedAtMs],
  );
  let body: ReactNode;
  if (props.includeHref !== null) {
    body = (
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
  } else if (props.invalidList) {
    body = (
      <Message>
        peer_events could not be read:{' '}
        <InvalidValue raw={props.invalidList.raw} reason={props.invalidList.reason} />
      </Message>
    );
  } else if (!records || records.length === 0 || !props.facts) {
    body = <Message>The API returned no peer events for this participant.</Message>;
  } else {
    body = (
      <div className="grid grid-cols-1 gap-4">
        <TimelineFacts facts={props.facts} durationMinutes={props.durationMinutes} />
        <PeerEventTable rows={rows} />
      </div>
    );
  }
  return <Card title="Peer events timeline">{body}</Card>;
}

// The table (TanStack Table and Virtual) arrives in its own chunk, after the summary.
export default TimelineCard;
