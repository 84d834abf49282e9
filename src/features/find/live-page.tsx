import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { explainApiError } from '../../api/explain-error';
import { valid } from '../../api/lenient';
import { activeSessionQueryOptions } from '../../api/sessions-list-query';
import { ApiProblem } from '../../components/ui/api-problem';
import { AppLink } from '../../components/ui/app-link';
import { navigate, sessionListHref, useRoute } from '../../lib/route';
import { sessionsHref } from '../../lib/route/find-links';
import { DEFAULT_BROWSE } from '../../lib/route/find-schema';
import { LiveNowForm } from './live-now-form';
import { RouteNotes } from './route-notes';

export type LivePageProps = { meeting: string | null; problems: readonly string[] };

/**
 * `/live?meeting=…`: the meeting's session in progress opens in the participant picker (the
 * link is replaced, so Back returns where the agent came from); else it says none is live.
 */
export default function LivePage({ meeting, problems }: LivePageProps) {
  const { view } = useRoute();
  const query = useQuery({
    ...activeSessionQueryOptions(meeting ?? ''),
    enabled: meeting !== null,
  });
  const sessionId = query.data ? valid(query.data.id) : undefined;
  useEffect(() => {
    if (sessionId) navigate(sessionListHref(sessionId, view), { replace: true });
  }, [sessionId, view]);
  return (
    <>
      <RouteNotes problems={problems} />
      {meeting === null ? null : query.isPending ? (
        <p role="status" className="text-sm">
          Looking for the live session of meeting <code>{meeting}</code>…
        </p>
      ) : query.isError ? (
        <ApiProblem
          problem={explainApiError(query.error, 'session_details')}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          size="compact"
        />
      ) : query.data === null ? (
        <div
          role="status"
          className="rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="font-semibold">No session of meeting {meeting} is live now.</p>
          <p className="mt-1">
            Its past sessions are in the{' '}
            <AppLink
              href={sessionsHref({ ...DEFAULT_BROWSE, search: meeting }, view)}
              className="text-brand-700 underline dark:text-brand-500"
            >
              sessions of the last 7 days
            </AppLink>
            .
          </p>
        </div>
      ) : (
        <p role="status" className="text-sm">
          Opening the live session…
        </p>
      )}
      <LiveNowForm initial={meeting ?? ''} />
    </>
  );
}
