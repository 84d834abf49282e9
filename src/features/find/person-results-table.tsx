import { useContext } from 'react';
import type { PersonMatch } from '../../api/person-search-schema';
import { AppLink } from '../../components/ui/app-link';
import { Badge } from '../../components/ui/badge';
import { MaskContext } from '../../components/ui/mask';
import type { Clock } from '../../lib/clock';
import { formatDurationMinutes } from '../../lib/format';
import { revealHidden } from '../../lib/hidden-characters';
import type { ViewParams } from '../../lib/view-params';
import { everythingHref } from '../lookup';

export type PersonResultsTableProps = {
  matches: readonly PersonMatch[];
  clock: Clock;
  view: ViewParams;
};

const when = (clock: Clock, iso: string | undefined) => {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? 'unknown' : clock.format(ms);
};

const CELL = 'px-3 py-2 align-top';

/** The calls found, newest session first: each row opens that participant's page. */
export function PersonResultsTable({ matches, clock, view }: PersonResultsTableProps) {
  const mask = useContext(MaskContext);
  const rows = [...matches].sort(
    (a, b) =>
      Date.parse(b.participant.joined_at ?? '') - Date.parse(a.participant.joined_at ?? '') || 0,
  );
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Calls found</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th scope="col" className={CELL}>
              Participant
            </th>
            <th scope="col" className={CELL}>
              Custom ID
            </th>
            <th scope="col" className={CELL}>
              Meeting
            </th>
            <th scope="col" className={CELL}>
              Joined ({clock.label})
            </th>
            <th scope="col" className={CELL}>
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ session, participant }) => {
            const live = session.status === 'LIVE' && participant.left_at === undefined;
            const name = participant.display_name
              ? revealHidden(participant.display_name)
              : 'No name';
            return (
              <tr
                key={`${session.id}/${participant.id}`}
                className="border-b border-slate-100 last:border-0 dark:border-slate-800"
              >
                <th scope="row" className={`${CELL} font-medium`}>
                  <AppLink
                    href={everythingHref(session.id, participant.id, view)}
                    className="text-brand-700 underline underline-offset-2 dark:text-brand-500"
                  >
                    {name}
                  </AppLink>{' '}
                  {live ? <Badge tone="success">Live</Badge> : null}
                </th>
                <td className={`${CELL} font-mono text-xs`}>
                  {participant.custom_participant_id === undefined
                    ? '—'
                    : mask.active
                      ? 'hidden (personal data)'
                      : participant.custom_participant_id}
                </td>
                <td className={CELL}>
                  {session.meeting_display_name
                    ? revealHidden(session.meeting_display_name)
                    : session.id}
                </td>
                <td className={`${CELL} tabular-nums`}>{when(clock, participant.joined_at)}</td>
                <td className={`${CELL} tabular-nums`}>
                  {live
                    ? 'still in the call'
                    : participant.duration === undefined
                      ? 'unknown'
                      : formatDurationMinutes(participant.duration)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
