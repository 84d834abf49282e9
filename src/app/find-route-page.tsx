import { FindPage, LivePage, SessionsPage } from '../features/find';
import type { FindingPage } from '../lib/route';
import { parseFindRoute } from '../lib/route/find-schema';

export type FindRoutePageProps = { page: FindingPage; search: string };

/** The finding pages (`/find`, `/sessions`, `/live`), read and shown in a chunk of their own. */
export default function FindRoutePage({ page, search }: FindRoutePageProps) {
  const route = parseFindRoute(page, search);
  return route.kind === 'find' ? (
    <FindPage params={route.params} draft={route.draft} problems={route.problems} />
  ) : route.kind === 'sessions' ? (
    <SessionsPage params={route.params} problems={route.problems} />
  ) : (
    <LivePage meeting={route.meeting} problems={route.problems} />
  );
}
