import type { QueryClient } from '@tanstack/react-query';
import { peekBootAnswer, type Received, takeBootAnswer } from '../api/boot-answer';
import { type JsonAnswer, readJson } from '../api/http';
import {
  isLongHistory,
  longHistoryReader,
  type ParticipantResult,
  participantQueryOptions,
  participantUrl,
  readParticipant,
} from '../api/participant-query';
import { type LookupParams, readRoute } from '../lib/route';
import { preloadTimeline } from './participant-chunks';

/**
 * A deep link's participant, ready before React's first render.
 *
 * - The page carried a readable answer: it is read now and put in the query cache, so the
 *   first render shows the participant and nothing is asked for.
 * - It carried a failure (a 404, a rate limit, a body that is not a participant): it is left
 *   for the page's query to read when it mounts, without a request (a query that had already
 *   failed would be asked again at mount).
 * - It carried nothing (a slow or very large answer): the request starts now rather than from
 *   the page's effect after the first render; the page's query finds it in flight.
 */
export async function startDeepLinkRequest(client: QueryClient, href: string): Promise<void> {
  const { route } = readRoute(href);
  if (route.kind !== 'participant') return;
  const options = participantQueryOptions(route.params);
  const url = participantUrl(route.params);
  const carried = peekBootAnswer(url);
  if (carried && isLongHistory(carried.text)) {
    // A long history is read by code of its own, and its table is the answer: the first render
    // waits for the read and for the timeline's code.
    const reader = longHistoryReader().catch(() => undefined);
    const [read] = await Promise.all([reader, preloadTimeline()]);
    // Without its code, the page's query reads it once it can.
    if (read && seedParticipant(client, route.params, carried, read)) takeBootAnswer(url);
    return;
  }
  if (!carried) {
    void client.prefetchQuery(options);
    return;
  }
  if (seedParticipant(client, route.params, carried)) takeBootAnswer(url);
}

/**
 * A participant's answer put in the cache as its query's result (here, and in the server's
 * paint of the page). False when it does not read as one: the query is left to explain it.
 */
export function seedParticipant(
  client: QueryClient,
  params: LookupParams,
  answer: Received,
  read: (answer: JsonAnswer) => ParticipantResult = readParticipant,
): boolean {
  let result: ParticipantResult;
  try {
    result = read(readJson(answer));
  } catch {
    return false;
  }
  client.setQueryData(participantQueryOptions(params).queryKey, result);
  return true;
}
