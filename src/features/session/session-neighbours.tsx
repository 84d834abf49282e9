import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AppLink } from '../../components/ui/app-link';
import { Skeleton } from '../../components/ui/skeleton';
import { type PickerRow, rowLabel } from './lib/picker-rows';
import { type NeighboursRequest, neighboursQueryOptions } from './neighbours-query';
import { SessionProblem } from './session-problem';

export type SessionNeighboursProps = NeighboursRequest & {
  /** The deep link of another participant of this session (keeping this page's options). */
  hrefFor: (participantId: string) => string;
};

const LINK =
  'inline-flex max-w-full items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** Previous and next participant of the same session, by join time, as links. */
export function SessionNeighbours({ hrefFor, ...request }: SessionNeighboursProps) {
  const client = useQueryClient();
  const query = useQuery(neighboursQueryOptions(client, request));
  if (query.isPending) {
    return (
      <div role="status" className="mt-4">
        <span className="sr-only">Looking for the neighbouring participants…</span>
        <Skeleton className="h-8 w-2/3" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="mt-4">
        <SessionProblem
          error={query.error}
          subject="neighbours"
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const { previous, next, position, total } = query.data;
  return (
    <nav aria-label="Neighbours in this session" className="mt-4 grid grid-cols-1 gap-2">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {position !== null
          ? `Participant ${position.toLocaleString('en')} of ${total.toLocaleString('en')} by join time.`
          : 'This participant is not in the session’s list; neighbours are placed by join time.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <Neighbour side="Previous" row={previous} hrefFor={hrefFor} />
        <Neighbour side="Next" row={next} hrefFor={hrefFor} />
      </div>
    </nav>
  );
}

function Neighbour({
  side,
  row,
  hrefFor,
}: {
  side: 'Previous' | 'Next';
  row: PickerRow | null;
  hrefFor: (participantId: string) => string;
}) {
  if (row === null || row.id === null) {
    return (
      <span className="px-3 py-1.5 text-sm text-slate-500 dark:text-slate-400">
        {side === 'Previous' ? 'No one joined before.' : 'No one joined after.'}
      </span>
    );
  }
  return (
    <AppLink href={hrefFor(row.id)} className={LINK}>
      {side === 'Previous' ? <span aria-hidden="true">←</span> : null}
      <span className="truncate">
        {side} participant: {rowLabel(row)}
      </span>
      {side === 'Next' ? <span aria-hidden="true">→</span> : null}
    </AppLink>
  );
}
