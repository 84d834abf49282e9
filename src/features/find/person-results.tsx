import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { explainApiError } from '../../api/explain-error';
import { type PersonSearchState, personSearchQueryOptions } from '../../api/person-search-query';
import { PERSON_SEARCH_BOUND } from '../../api/person-search-schema';
import { ApiProblem } from '../../components/ui/api-problem';
import { formatCount } from '../../lib/format';
import { revealHidden } from '../../lib/hidden-characters';
import { useRoute } from '../../lib/route';
import { findHref } from '../../lib/route/find-links';
import type { FindParams } from '../../lib/route/find-schema';
import { isoInstant, rangeParam, rangeProblem, resolveRange } from '../../lib/time-range';
import { rememberSearch } from '../recent';
import { NarrowRange } from './narrow-range';
import { PersonResultsTable } from './person-results-table';
import { RangeSentence } from './range-sentence';
import { useFindClock } from './use-find-clock';
import { useSearchNow } from './use-search-now';

export type PersonResultsProps = { params: FindParams };

/** What the search has done so far, in one sentence (announced politely as it moves). */
function progressText(state: PersonSearchState | undefined, fetching: boolean): string {
  if (!state?.range) return 'Finding the sessions in this range…';
  const total = state.range.searching;
  const searched = state.progress?.searched ?? 0;
  const found = state.matches.length;
  const calls = `${formatCount(found)} ${found === 1 ? 'call' : 'calls'} found`;
  const failed = state.progress?.failed ?? 0;
  const failedText =
    failed > 0 ? ` (${formatCount(failed)} could not be read; the others were searched)` : '';
  if (state.done || !fetching) {
    return `Searched ${formatCount(searched)} of ${formatCount(total)} sessions${failedText}: ${calls}.`;
  }
  return `Searched ${formatCount(searched)} of ${formatCount(total)} sessions${failedText}… ${calls} so far.`;
}

/** The person search's results, streamed: matches as each session answers, then the total. */
export function PersonResults({ params }: PersonResultsProps) {
  const { view } = useRoute();
  const clock = useFindClock();
  // "Yesterday" means the day before the moment the search was opened, for as long as it shows.
  const now = useSearchNow();
  const range = resolveRange(params.range, now, clock.offset);
  const problem = rangeProblem(range, now);
  const request = {
    q: params.q,
    startTime: isoInstant(range.startMs),
    endTime: isoInstant(range.endMs),
  };
  const query = useQuery({ ...personSearchQueryOptions(request), enabled: problem === null });
  useEffect(() => rememberSearch(params.q, rangeParam(params.range)), [params.q, params.range]);
  const state = query.data;
  return (
    <section
      aria-labelledby="find-results-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="find-results-heading" className="text-base font-semibold">
        Calls of “{revealHidden(params.q)}”
      </h2>
      <RangeSentence choice={params.range} range={range} clock={clock} />
      {problem ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : query.isError ? (
        <div className="mt-3">
          <ApiProblem
            problem={explainApiError(query.error, 'person_search')}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
            size="compact"
          />
        </div>
      ) : state?.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          The search could not list the sessions in this range: {state.error.message}
        </p>
      ) : (
        <>
          <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
            {progressText(state, query.isFetching)}
          </p>
          {state?.range && state.range.sessions_in_range > state.range.searching ? (
            <NarrowRange
              inRange={state.range.sessions_in_range}
              bound={PERSON_SEARCH_BOUND}
              hrefFor={(narrower) => findHref({ q: params.q, range: narrower }, view)}
              current={params.range}
            />
          ) : null}
          {state && state.matches.length > 0 ? (
            <PersonResultsTable matches={state.matches} clock={clock} view={view} />
          ) : state?.done ? (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
              No participant in these sessions matches “{revealHidden(params.q)}”. RealtimeKit
              matches the participant id, the custom participant id and the display name; try part
              of the name, or a wider range.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
