/**
 * The previous and next participant of a session by join time, read through the participant
 * list's own queryOptions (so its pages are shared with the cache and keyed as usual). Every
 * input of the search is in the key. The pages retry by themselves; the search does not.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { BY_JOIN_PAGE_SIZE, byJoinPageOptions } from '../../api/session-participants-query';
import { findNeighbours } from './lib/neighbours';
import { pickerRows } from './lib/picker-rows';

export type NeighboursRequest = {
  readonly sessionId: string;
  readonly participantId: string;
  /** The participant's join time (ms), to place it when it is not on the page. */
  readonly joinedMs: number | null;
};

export const neighboursQueryOptions = (client: QueryClient, request: NeighboursRequest) =>
  queryOptions({
    queryKey: [
      'session-neighbours',
      request.sessionId,
      request.participantId,
      request.joinedMs,
    ] as const,
    queryFn: () =>
      findNeighbours(
        { id: request.participantId, joinedMs: request.joinedMs },
        async (pageNo) => {
          const page = await client.fetchQuery(byJoinPageOptions(request.sessionId, pageNo));
          return { rows: pickerRows(page.participants), total: page.totalCount };
        },
        BY_JOIN_PAGE_SIZE,
      ),
    retry: false,
  });
