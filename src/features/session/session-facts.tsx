import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type Invalid, isInvalid } from '../../api/lenient';
import { sessionQueryOptions } from '../../api/session-query';
import { AppLink } from '../../components/ui/app-link';
import { Badge } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import { ShortId } from '../../components/ui/short-id';
import { Skeleton } from '../../components/ui/skeleton';
import { TimeValue } from '../../components/ui/time-value';
import { formatCount, formatMinutes } from '../../lib/format';
import { SessionProblem } from './session-problem';

/** A field as sent: flagged when unreadable, "not sent" when absent. */
function shown<T>(value: T | Invalid | undefined, render: (v: T) => ReactNode): ReactNode {
  if (isInvalid(value)) return <InvalidValue raw={value.raw} reason={value.reason} />;
  if (value === undefined)
    return <span className="text-slate-500 dark:text-slate-400">not sent</span>;
  return render(value);
}

/** The session's details: what call this was, whether it is still on, how big it was. */
export function SessionFacts({ sessionId, listHref }: { sessionId: string; listHref: string }) {
  const query = useQuery(sessionQueryOptions(sessionId));
  const listLink = (
    <AppLink
      href={listHref}
      className="text-sm font-medium text-sky-800 underline dark:text-sky-300"
    >
      All participants of this session
    </AppLink>
  );
  if (query.isPending) {
    return (
      <div role="status" className="grid gap-2">
        <span className="sr-only">Loading the session…</span>
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="grid gap-2">
        <SessionProblem
          error={query.error}
          subject="session_details"
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
        <div>{listLink}</div>
      </div>
    );
  }
  const s = query.data.session;
  const status = s.status;
  const live = status === 'LIVE';
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-lg font-semibold">
          {shown(s.meeting_display_name, (name) =>
            name.trim() === '' ? 'Untitled meeting' : name,
          )}
        </span>
        {shown(status, (value) => (
          <Badge tone={value === 'LIVE' ? 'success' : 'neutral'}>{value}</Badge>
        ))}
        {shown(s.type, (type) => (
          <Badge tone="info">{type}</Badge>
        ))}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-600 dark:text-slate-300">Started</dt>
        <dd>
          {shown(s.started_at, (t) => (
            <TimeValue value={t} />
          ))}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">Ended</dt>
        <dd>
          {live && s.ended_at === undefined
            ? 'still live'
            : shown(s.ended_at, (t) => <TimeValue value={t} />)}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">Max concurrent participants</dt>
        <dd>{shown(s.max_concurrent_participants, formatCount)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Live participants</dt>
        <dd>{shown(s.live_participants, formatCount)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Minutes consumed</dt>
        <dd>{shown(s.minutes_consumed, formatMinutes)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Meeting ID</dt>
        <dd>
          {shown(s.associated_id, (id) => (
            <ShortId value={id} label="meeting id" />
          ))}
        </dd>
      </dl>
      <div>{listLink}</div>
    </div>
  );
}
