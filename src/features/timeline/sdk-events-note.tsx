import type { ReactNode } from 'react';
import type { SdkEvents } from '../../api/stats-events';
import { AppLink } from '../../components/ui/app-link';
import { InvalidValue } from '../../components/ui/invalid-value';
import { formatCount } from '../../lib/format';

export type SdkEventsNoteProps = {
  events: SdkEvents;
  /** The same view with SDK events requested (peer_stats, older deployments), when they were not. */
  requestHref: string | null;
  /** Whether the peer-event facts are shown (and so need saying they leave SDK events out). */
  factsShown: boolean;
};

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** Where the shown SDK events came from: peer_stats.events, the peer reports, or both. */
function sourceOf({ records, fromReports }: SdkEvents): string {
  if (fromReports === 0) return '(peer_stats.events)';
  if (fromReports === records.length) return 'from the peer reports';
  return '(peer_stats.events and the peer reports)';
}

/**
 * Where the SDK events stand: not requested (one click asks), none, unreadable, or merged.
 * Peer reports carry them today without asking, so the request is offered only when no
 * source has any.
 */
export function SdkEventsNote({ events, requestHref, factsShown }: SdkEventsNoteProps) {
  const { stats, records } = events;
  let text: ReactNode;
  if (requestHref !== null && records.length === 0) {
    text = (
      <>
        SDK events were not requested.{' '}
        <AppLink
          href={requestHref}
          className="font-medium text-brand-700 underline dark:text-brand-500"
        >
          Request SDK events
        </AppLink>
      </>
    );
  } else if (stats.kind === 'invalid' && records.length === 0) {
    text = (
      <>
        SDK events (peer_stats.events) could not be read:{' '}
        <InvalidValue raw={stats.raw} reason={stats.reason} />
      </>
    );
  } else if (records.length === 0) {
    text = 'SDK events were requested, but the API returned none for this participant.';
  } else {
    const flagged = records.filter((r) => r.problems.length > 0).length;
    text = (
      <>
        {[
          `${plural(records.length, 'SDK event')} ${sourceOf(events)} shown in the table, “SDK event” in the Source column`,
          flagged > 0 ? `; ${formatCount(flagged)} with invalid values` : '',
          factsShown ? '. The facts above count peer events only.' : '.',
        ].join('')}
        {stats.kind === 'invalid' ? (
          <>
            {' '}
            peer_stats.events could not be read:{' '}
            <InvalidValue raw={stats.raw} reason={stats.reason} />
          </>
        ) : null}
      </>
    );
  }
  return <p className="text-sm text-slate-700 dark:text-slate-300">{text}</p>;
}
