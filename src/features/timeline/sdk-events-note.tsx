import type { ReactNode } from 'react';
import type { StatsEvents } from '../../api/stats-events';
import { AppLink } from '../../components/ui/app-link';
import { InvalidValue } from '../../components/ui/invalid-value';
import { formatCount } from '../../lib/format';

export type SdkEventsNoteProps = {
  events: StatsEvents;
  /** The same view with SDK events requested, when they were not. */
  requestHref: string | null;
  /** Whether the peer-event facts are shown (and so need saying they leave SDK events out). */
  factsShown: boolean;
};

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** Where the SDK events stand: not requested (one click asks), none, unreadable, or merged. */
export function SdkEventsNote({ events, requestHref, factsShown }: SdkEventsNoteProps) {
  let text: ReactNode;
  if (requestHref !== null) {
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
  } else if (events.kind === 'invalid') {
    text = (
      <>
        SDK events (peer_stats.events) could not be read:{' '}
        <InvalidValue raw={events.raw} reason={events.reason} />
      </>
    );
  } else if (events.kind === 'missing' || events.records.length === 0) {
    text = 'SDK events were requested, but the API returned none for this participant.';
  } else {
    const flagged = events.records.filter((r) => r.problems.length > 0).length;
    text = [
      `${plural(events.records.length, 'SDK event')} (peer_stats.events) shown in the table, “SDK event” in the Source column`,
      flagged > 0 ? `; ${formatCount(flagged)} with invalid values` : '',
      factsShown ? '. The facts above count peer events only.' : '.',
    ].join('');
  }
  return <p className="text-sm text-slate-700 dark:text-slate-300">{text}</p>;
}
