import type { QueryClient } from '@tanstack/react-query';
import { peekBootAnswer, type Received, takeBootAnswer } from '../api/boot-answer';
import { type JsonAnswer, readJson } from '../api/http';
import { isLongHistory } from '../api/long-history';
import {
  longHistoryReader,
  type ParticipantResult,
  participantQueryOptions,
  participantUrl,
  readParticipant,
} from '../api/participant-query';
import { type LookupParams, readRoute } from '../lib/route';
import { preloadTimeline } from './participant-chunks';

/** The longest a long history's first render waits for its reader and the timeline's code. */
const LONG_HISTORY_WAIT_MS = 1_500;

/**
 * A deep link's participant, ready before React's first render.
 *
 * - The page carried a readable answer: it is read now and put in the query cache, so the
 *   first render shows the participant and nothing is asked for.
 * - It carried a failure (a 404, a rate limit, a body that is not a participant): it is left
 *   for the page's query to read when it mounts, without a request (a query that had already
 *   failed would be asked again at mount).
 * - It carried a long history: its reader (a chunk of its own) and the timeline's code are
 *   fetched while its JSON is parsed, and the first render waits for them, at most
 *   LONG_HISTORY_WAIT_MS; without the reader by then, the schema reads it.
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
    // A long history is read by code of its own, and its table is the answer: that code and the
    // timeline's are fetched while its JSON is parsed, and the first render waits for them, but
    // never longer than LONG_HISTORY_WAIT_MS (a stalled chunk must not leave the page blank);
    // without its reader by then, the schema reads it.
    const reader = longHistoryReader();
    const timeline = preloadTimeline();
    const json = jsonOf(carried);
    if (json) {
      let timer: number | undefined;
      const deadline = new Promise<undefined>((done) => {
        timer = window.setTimeout(done, LONG_HISTORY_WAIT_MS);
      });
      const read = (await Promise.race([reader, deadline])) ?? readParticipant;
      if (seed(client, route.params, () => read(json))) takeBootAnswer(url);
      await Promise.race([timeline, deadline]);
      window.clearTimeout(timer);
      return;
    }
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
export const seedParticipant = (client: QueryClient, params: LookupParams, answer: Received) =>
  seed(client, params, () => readParticipant(readJson(answer)));

function seed(client: QueryClient, params: LookupParams, read: () => ParticipantResult): boolean {
  let result: ParticipantResult;
  try {
    result = read();
  } catch {
    return false;
  }
  client.setQueryData(participantQueryOptions(params).queryKey, result);
  return true;
}

/** An answer read as JSON, or null when it is not: the page's query then explains it. */
function jsonOf(answer: Received): JsonAnswer | null {
  try {
    return readJson(answer);
  } catch {
    return null;
  }
}
