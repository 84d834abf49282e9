import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { explainApiError } from '../../api/explain-error';
import { sessionsListQueryOptions } from '../../api/sessions-list-query';
import { ApiProblem } from '../../components/ui/api-problem';
import { Skeleton } from '../../components/ui/skeleton';
import { formatCount } from '../../lib/format';
import { useRoute } from '../../lib/route';
import { sessionsHref } from '../../lib/route/find-links';
import type { SessionsBrowse } from '../../lib/route/find-schema';
import { isoInstant, rangeProblem, resolveRange } from '../../lib/time-range';
import { LiveNowForm } from './live-now-form';
import { Pager } from './pager';
import { RangeSentence } from './range-sentence';
import { RouteNotes } from './route-notes';
import { SessionsFilters } from './sessions-filters';
import { SessionsTable } from './sessions-table';
import { useFindClock } from './use-find-clock';
import { useSearchNow } from './use-search-now';

const SESSIONS_PER_PAGE = 25;

export type SessionsPageProps = { params: SessionsBrowse; problems: readonly string[] };

/** `/sessions`: the app's sessions by range, status and meeting, sorted and paged. */
export default function SessionsPage({ params, problems }: SessionsPageProps) {
  const { view } = useRoute();
  const clock = useFindClock();
  const now = useSearchNow();
  const range = resolveRange(params.range, now, clock.offset);
  const problem = rangeProblem(range, now);
  const query = useQuery({
    ...sessionsListQueryOptions({
      startTime: isoInstant(range.startMs),
      endTime: isoInstant(range.endMs),
      ...(params.status ? { status: params.status } : {}),
      ...(params.search ? { search: params.search } : {}),
      sortBy: params.sortBy,
      sortOrder: params.sortOrder,
      pageNo: params.page,
      perPage: SESSIONS_PER_PAGE,
    }),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  });
  const total = query.data?.totalCount;
  return (
    <>
      <section
        aria-labelledby="sessions-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="sessions-heading" className="text-base font-semibold">
          Sessions
        </h2>
        <RangeSentence choice={params.range} range={range} clock={clock} />
        <div className="mt-3">
          <SessionsFilters params={params} />
        </div>
        <RouteNotes problems={problems} />
        {problem ? (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            {problem}
          </p>
        ) : query.isPending ? (
          <div role="status" aria-label="Loading sessions" className="mt-3 grid gap-2">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : query.isError ? (
          <div className="mt-3">
            <ApiProblem
              problem={explainApiError(query.error, 'sessions_list')}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
              size="compact"
            />
          </div>
        ) : query.data.sessions.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
            No session in this range{params.status ? ` with status ${params.status}` : ''}
            {params.search ? ` matches “${params.search}”` : ''}.
          </p>
        ) : (
          <>
            <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
              {total === undefined
                ? `${formatCount(query.data.sessions.length)} sessions on this page.`
                : `${formatCount(total)} ${total === 1 ? 'session' : 'sessions'} in this range.`}
            </p>
            <SessionsTable
              sessions={query.data.sessions}
              params={params}
              clock={clock}
              view={view}
              now={now}
            />
            <Pager
              page={params.page}
              perPage={SESSIONS_PER_PAGE}
              shown={query.data.sessions.length}
              total={total}
              hrefFor={(page) => sessionsHref({ ...params, page }, view)}
            />
          </>
        )}
      </section>
      <LiveNowForm />
    </>
  );
}
