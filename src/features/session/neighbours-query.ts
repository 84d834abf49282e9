/**
 * The previous and next participant of a session by join time, read through the participant
 * list's own queryOptions (so its pages are shared with the cache and keyed as usual). Every
 * input of the search is in the key. The pages retry by themselves; the search does not.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { sessionParticipantsQueryOptions } from '../../api/session-participants-query';
import { findNeighbours } from './lib/neighbours';
import { pickerRows } from './lib/picker-rows';

/** Big enough that most calls are one page, small enough that a 300-person call is not read whole. */
export const NEIGHBOUR_PAGE_SIZE = 50;

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
          const page = await client.fetchQuery(
            sessionParticipantsQueryOptions({
              sessionId: request.sessionId,
              pageNo,
              perPage: NEIGHBOUR_PAGE_SIZE,
              sortBy: 'joinedAt',
              sortOrder: 'ASC',
            }),
          );
          return { rows: pickerRows(page.participants), total: page.totalCount };
        },
        NEIGHBOUR_PAGE_SIZE,
      ),
    retry: false,
  });
