/**
 * The answer a deep link's page arrived with (server/deep-link-answer.ts): the participant's
 * API answer, written into the HTML as inert JSON. It stands in for the first request of
 * exactly that URL, once; every later request (a retry, a refresh) goes to the network.
 */

import * as z from 'zod/mini';

/** An answer as read from the network or from the page: status, headers and the body as text. */
export type Received = {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** When the answer arrived (ms since the epoch), if not now: a page's, when the server had it. */
  readonly receivedAt?: number;
};

/** The element a deep link's page carries its answer in. */
export const ANSWER_ELEMENT_ID = 'inspector-answer';

/**
 * Marks the element in a page's #root that holds the server's paint of the page (inert until
 * the app hydrates it).
 */
export const SERVER_PAINT_ATTRIBUTE = 'data-server-paint';

/**
 * Set beside it when that paint was made without the agent's prefs (a first visit): its times
 * are pending, and the app's first render must show them so before filling them in.
 */
export const PAINTED_WITHOUT_AGENT_ATTRIBUTE = 'data-agent-unknown';

/**
 * Set on it with the API reads the app makes first on that page whose answers may be errors
 * (a participant's own peer reports: a peer that sent no media has none), as space-separated
 * URLs. The app starts them as it boots, before it takes the page over (src/api/http.ts); a
 * preload would not do, as a browser does not hand a preloaded error over to the app's request.
 */
export const EARLY_READS_ATTRIBUTE = 'data-early-reads';

/** What that element holds, as JSON: the request it answers and the answer as sent. */
export const carriedAnswerSchema = z.object({
  url: z.string(),
  status: z.number(),
  /** The answer headers the app reads: the type, the request id, the wait before a retry. */
  headers: z.record(z.string(), z.string()),
  /** The body byte for byte (the app offers it as "Download JSON"). */
  text: z.string(),
  /**
   * When the server received it: the page's "Fetched" time, the same in the server's paint of
   * the page and in the app as it hydrates that paint.
   */
  receivedAt: z.optional(z.number()),
});
export type CarriedAnswer = z.infer<typeof carriedAnswerSchema>;

let pending: { readonly url: string; readonly answer: Received } | null | undefined;

/** The page's answer, read once and removed from the document; null if absent or unreadable. */
function readElement(doc: Document): typeof pending {
  const element = doc.getElementById(ANSWER_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  let island: unknown;
  try {
    island = JSON.parse(element.textContent ?? '');
  } catch {
    // A page that does not carry a readable answer is fetched the usual way.
    return null;
  }
  const read = z.safeParse(carriedAnswerSchema, island);
  if (!read.success) return null;
  const { url, status, headers, text, receivedAt } = read.data;
  return { url, answer: { status, headers: new Headers(headers), text, receivedAt } };
}

/** The page's answer for `url` if it is still to be taken, without taking it. */
export function peekBootAnswer(url: string, doc?: Document): Received | null {
  if (pending === undefined) {
    const page = doc ?? (typeof document === 'undefined' ? null : document);
    pending = page ? readElement(page) : null;
  }
  return pending && pending.url === url ? pending.answer : null;
}

/** The page's answer for `url`, the first time it is asked for; null otherwise. */
export function takeBootAnswer(url: string, doc?: Document): Received | null {
  const answer = peekBootAnswer(url, doc);
  if (answer) pending = null;
  return answer;
}
