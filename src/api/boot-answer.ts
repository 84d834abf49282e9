/**
 * The answer a deep link's page arrived with (server/deep-link-answer.ts): the participant's
 * API answer, written into the HTML as inert JSON. It stands in for the first request of
 * exactly that URL, once; every later request (a retry, a refresh) goes to the network.
 */

/** An answer as read from the network or from the page: status, headers and the body as text. */
export type Received = {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
};

const ELEMENT_ID = 'inspector-answer';

let pending: { readonly url: string; readonly answer: Received } | null | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The page's answer, read once and removed from the document; null if absent or unreadable. */
function readElement(doc: Document): typeof pending {
  const element = doc.getElementById(ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    const island: unknown = JSON.parse(element.textContent ?? '');
    if (!isRecord(island) || !isRecord(island.headers)) return null;
    const { url, status, text } = island;
    if (typeof url !== 'string' || typeof status !== 'number' || typeof text !== 'string') {
      return null;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(island.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    return { url, answer: { status, headers, text } };
  } catch {
    // A page that does not carry a readable answer is fetched the usual way.
    return null;
  }
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
