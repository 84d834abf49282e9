import { apiPath } from '../lib/base-path';
import { type Received, takeBootAnswer } from './boot-answer';
import { ApiError, errorFromResponse } from './errors';

export type JsonAnswer = {
  readonly status: number;
  readonly body: unknown;
  /** The body exactly as received, for "Download JSON". */
  readonly text: string;
  readonly headers: Headers;
  /** When it arrived, if not now (see Received). */
  readonly receivedAt?: number;
};

/** GET `url` over the network: a lost connection becomes a typed ApiError. */
async function receive(url: string, signal?: AbortSignal): Promise<Received> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      'network',
      'Could not reach the Participant Inspector server. Check your connection.',
    );
  }
  try {
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'The connection dropped while the answer was arriving.');
  }
}

/** Reads started as the page booted, each for the app's first request of its URL. */
const early = new Map<string, Promise<Received>>();

/** How long a read started at boot waits for the app's request: its first render's. */
const EARLY_READ_KEPT_MS = 30_000;

/**
 * Starts these GETs of this server's API now (a painted page's first reads, named in its
 * HTML), each to answer the app's first request of the same URL within 30 s (after that it is
 * dropped, and a later request asks afresh). Only this origin's API paths are read.
 */
export function startEarlyReads(urls: readonly string[]): void {
  for (const url of urls) {
    // A path read as written: nothing the browser would resolve elsewhere ("//host", "..").
    const resolved = new URL(url, 'http://path.invalid');
    if (
      !url.startsWith(apiPath('')) ||
      resolved.pathname + resolved.search !== url ||
      early.has(url)
    )
      continue;
    const read = receive(url);
    // A failure is the app's request's to report; until then it is nobody's.
    read.catch(() => undefined);
    early.set(url, read);
    setTimeout(() => early.get(url) === read && early.delete(url), EARLY_READ_KEPT_MS);
  }
}

/**
 * The read started at boot for this URL, for a request that has not been cancelled: one that
 * is cancelled while it waits leaves the read for the next request of the URL.
 */
function takeEarlyRead(url: string, signal?: AbortSignal): Promise<Received> | undefined {
  const read = early.get(url);
  if (!read) return undefined;
  early.delete(url);
  if (!signal) return read;
  return new Promise((resolve, reject) => {
    const cancel = () => {
      early.set(url, read);
      reject(signal.reason);
    };
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
    read.finally(() => signal.removeEventListener('abort', cancel)).then(resolve, reject);
  });
}

/**
 * GET a JSON route of this app's server (the first request of a deep link's own answer is
 * read from the page instead, and a read started as the page booted answers the first request
 * of its URL). Network failures, non-JSON bodies and non-2xx answers become typed ApiErrors;
 * the caller's AbortSignal reaches fetch, or lets go of the read started at boot.
 */
export async function getJson(url: string, signal?: AbortSignal): Promise<JsonAnswer> {
  return readJson(
    takeBootAnswer(url) ?? (await (takeEarlyRead(url, signal) ?? receive(url, signal))),
  );
}

/** An answer as received, read as JSON: non-JSON bodies and non-2xx answers are ApiErrors. */
export function readJson({ status, headers, text, receivedAt }: Received): JsonAnswer {
  const ok = status >= 200 && status < 300;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!ok) throw errorFromResponse(status, undefined, headers);
    throw new ApiError(
      'malformed',
      `The answer was not valid JSON (${text.length.toLocaleString('en')} characters received).`,
      { status },
    );
  }
  if (!ok) throw errorFromResponse(status, body, headers);
  return { status, body, text, headers, receivedAt };
}
