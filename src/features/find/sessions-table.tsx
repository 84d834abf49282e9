import { type Invalid, isInvalid, valid } from '../../api/lenient';
import type { Session } from '../../api/session-schema';
import { AppLink } from '../../components/ui/app-link';
import { Badge } from '../../components/ui/badge';
import type { Clock } from '../../lib/clock';
import { formatCount, formatDurationMs, formatMinutes } from '../../lib/format';
import { revealHidden } from '../../lib/hidden-characters';
import { sessionListHref } from '../../lib/route';
import { sessionsHref } from '../../lib/route/find-links';
import type { SessionSort, SessionsBrowse } from '../../lib/route/find-schema';
import type { ViewParams } from '../../lib/view-params';

export type SessionsTableProps = {
  sessions: ReadonlyArray<Session | Invalid>;
  params: SessionsBrowse;
  clock: Clock;
  view: ViewParams;
  now: number;
};

const CELL = 'px-3 py-2 align-top';

function SortHeader(props: {
  label: string;
  sort: SessionSort;
  params: SessionsBrowse;
  view: ViewParams;
}) {
  const { label, sort, params, view } = props;
  const active = params.sortBy === sort;
  const next = active && params.sortOrder === 'DESC' ? 'ASC' : 'DESC';
  return (
    <th
      scope="col"
      className={CELL}
      aria-sort={active ? (params.sortOrder === 'ASC' ? 'ascending' : 'descending') : 'none'}
    >
      {/* A link: each order of the list is a page of its own (open it in a new tab, share it). */}
      <AppLink
        href={sessionsHref({ ...params, sortBy: sort, sortOrder: next, page: 0 }, view)}
        className="inline-flex min-h-6 items-center gap-1 uppercase hover:underline"
      >
        {label}
        <span aria-hidden="true">{active ? (params.sortOrder === 'ASC' ? '↑' : '↓') : '↕'}</span>
      </AppLink>
    </th>
  );
}

function durationOf(session: Session, now: number): string {
  const started = valid(session.started_at)?.ms;
  const ended = valid(session.ended_at)?.ms;
  if (started === undefined) return 'unknown';
  const live = valid(session.status) === 'LIVE';
  const end = ended ?? (live ? now : undefined);
  return end === undefined
    ? 'unknown'
    : `${formatDurationMs(end - started)}${live ? ' so far' : ''}`;
}

/** One page of sessions: each meeting opens its session's participant picker. */
export function SessionsTable({ sessions, params, clock, view, now }: SessionsTableProps) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Sessions</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th scope="col" className={CELL}>
              Meeting
            </th>
            <th scope="col" className={CELL}>
              Status
            </th>
            <SortHeader
              label={`Started (${clock.label})`}
              sort="createdAt"
              params={params}
              view={view}
            />
            <th scope="col" className={CELL}>
              Duration
            </th>
            <SortHeader label="Minutes" sort="minutesConsumed" params={params} view={view} />
            <th scope="col" className={CELL}>
              Peak
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session, i) => {
            if (isInvalid(session)) {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: an unreadable entry has nothing else; the page's rows never move
                <tr key={`invalid-${i}`}>
                  <td colSpan={6} className={`${CELL} text-red-700 dark:text-red-300`}>
                    An entry of the list could not be read: {session.reason}.
                  </td>
                </tr>
              );
            }
            const id = valid(session.id);
            const title = valid(session.meeting_display_name);
            const status = valid(session.status);
            const started = valid(session.started_at)?.ms;
            const minutes = valid(session.minutes_consumed);
            const peak = valid(session.max_concurrent_participants);
            return (
              <tr
                key={id ?? `row-${i}`}
                className="border-b border-slate-100 last:border-0 dark:border-slate-800"
              >
                <th scope="row" className={`${CELL} font-medium`}>
                  {id ? (
                    <AppLink
                      href={sessionListHref(id, view)}
                      className="text-brand-700 underline underline-offset-2 dark:text-brand-500"
                    >
                      {title ? revealHidden(title) : 'Untitled meeting'}
                    </AppLink>
                  ) : (
                    'A session without an id'
                  )}
                  {id ? (
                    <span className="block font-mono text-xs font-normal text-slate-600 dark:text-slate-400">
                      {id}
                    </span>
                  ) : null}
                </th>
                <td className={CELL}>
                  {status ? (
                    <Badge tone={status === 'LIVE' ? 'success' : 'neutral'}>{status}</Badge>
                  ) : (
                    '—'
                  )}
                </td>
                <td className={`${CELL} tabular-nums`}>
                  {started === undefined ? 'unknown' : clock.format(started)}
                </td>
                <td className={`${CELL} tabular-nums`}>{durationOf(session, now)}</td>
                <td className={`${CELL} tabular-nums`}>
                  {minutes === undefined ? '—' : formatMinutes(minutes)}
                </td>
                <td className={`${CELL} tabular-nums`}>
                  {peak === undefined ? '—' : formatCount(peak)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
