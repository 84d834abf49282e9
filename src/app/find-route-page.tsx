import { lazy, Suspense } from 'react';
import { Skeleton } from '../components/ui/skeleton';
import { loadFindPage, loadLivePage, loadSessionsPage } from '../features/find';
import type { FindRoute } from '../lib/route';

const FindPage = lazy(loadFindPage);
const SessionsPage = lazy(loadSessionsPage);
const LivePage = lazy(loadLivePage);

/** The finding pages (`/find`, `/sessions`, `/live`), each a chunk of its own. */
export function FindRoutePage({ route }: { route: FindRoute }) {
  return (
    <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>
      {route.kind === 'find' ? (
        <FindPage params={route.params} draft={route.draft} problems={route.problems} />
      ) : route.kind === 'sessions' ? (
        <SessionsPage params={route.params} problems={route.problems} />
      ) : (
        <LivePage meeting={route.meeting} problems={route.problems} />
      )}
    </Suspense>
  );
}
