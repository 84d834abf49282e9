import type { QueryClient } from '@tanstack/react-query';
import { peekBootAnswer } from '../api/boot-answer';
import { participantQueryOptions, participantUrl } from '../api/participant-query';
import { parseRoute } from '../features/lookup/deep-link';

/**
 * A deep link's participant request, started while React prepares its first render rather
 * than from the page's effect after it: the page's query finds it done or in flight (same
 * key), so the participant shows in the first render when the page carried its answer, and
 * is never asked for twice.
 *
 * A failure the page carried (a 404, a rate limit) is left for the page's own query to read:
 * a query that failed before the page mounted would be asked again at mount.
 */
export function startDeepLinkRequest(
  client: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): void {
  const route = parseRoute(location.pathname, location.search);
  if (route.kind !== 'participant') return;
  const carried = peekBootAnswer(participantUrl(route.params));
  if (carried && (carried.status < 200 || carried.status > 299)) return;
  void client.prefetchQuery(participantQueryOptions(route.params));
}
