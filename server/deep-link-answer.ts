/**
 * A deep link's shell carries its participant's answer. The server asks its own API route for
 * it (the same access check, validation, per-user budget, coalescing and cache as the
 * browser's request would meet) and writes the answer into the page as inert JSON, so the app
 * shows the participant in its first render instead of fetching after its JavaScript has run.
 * A slow or very large answer is not waited for: the shell then only names the request
 * (`<link rel="preload">`), which the browser starts at once.
 */
import type { Context, MiddlewareHandler } from 'hono';
import {
  ANSWER_ELEMENT_ID,
  type CarriedAnswer,
  EARLY_READS_ATTRIBUTE,
  PAINTED_WITHOUT_AGENT_ATTRIBUTE,
  SERVER_PAINT_ATTRIBUTE,
} from '../src/api/boot-answer';
import { isLongHistory, LONG_HISTORY_CHARS } from '../src/api/long-history';
import type { ServerPaint, ServerPaintInput } from '../src/app/server-paint';
import { attributeText, deepLinkApiUrl, withDataPreload, withModulePreloads } from './shell-html';

export type DeepLinkAnswerOptions = {
  readonly basePath: string;
  /** Longest the shell waits for the answer before it is sent with a preload instead. */
  readonly waitMs: number;
  /** Larger answers are left to the browser's own (preloaded) request. */
  readonly maxChars: number;
  /** Asks this server's API, exactly as the browser would. */
  readonly ask: (request: Request, c: Context) => Promise<Response>;
  /**
   * Paints the page's first frame for its answer (Node: the app's own first render). Without
   * it (a Worker) the page is painted by the app alone.
   */
  readonly paint?: (input: ServerPaintInput) => ServerPaint | null;
  /** Larger answers are not painted: reading them would hold the page back longer. */
  readonly paintMaxChars?: number;
  /**
   * The app's code a long history needs first (long-history-code.ts), announced in the page of
   * one, carried or too large to carry.
   */
  readonly longHistoryCode?: readonly string[];
};

/** The answer headers the app reads: the request id, the wait before a retry, the type. */
const KEPT_HEADERS = ['content-type', 'retry-after', 'x-request-id'];

/**
 * The answer as an inert JSON data block. `<`, `>`, `&` and the two JavaScript line breaks
 * are written as escapes, so no text in the answer (a hostile display name) can end the
 * element or be read as markup.
 */
export function answerElement(answer: CarriedAnswer): string {
  const json = JSON.stringify(answer).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" id="${ANSWER_ELEMENT_ID}">${json}</script>`;
}

/** The shell with the answer in it, just before </body>. */
export function withAnswer(html: string, answer: CarriedAnswer): string {
  const at = html.lastIndexOf('</body>');
  const element = answerElement(answer);
  return at < 0 ? html + element : `${html.slice(0, at)}${element}\n  ${html.slice(at)}`;
}

/**
 * The shell with the app's first frame in its #root, made inert (it is the app's render, but
 * not yet live: what is typed or focused there would be lost when the app takes over), marked
 * when painted without the agent's prefs (the app's first render must then match it), and
 * <html> given the paint's theme class.
 */
export function withPaint(html: string, paint: ServerPaint): string {
  const root = '<div id="root"></div>';
  if (!html.includes(root)) return html;
  const early = attributeText(paint.earlyReads.join(' '));
  const mark =
    (paint.agentKnown ? '' : ` ${PAINTED_WITHOUT_AGENT_ATTRIBUTE}`) +
    (early ? ` ${EARLY_READS_ATTRIBUTE}="${early}"` : '');
  const page = html.replace(
    root,
    () => `<div id="root"><div ${SERVER_PAINT_ATTRIBUTE}${mark} inert>${paint.html}</div></div>`,
  );
  return paint.htmlClass ? page.replace(/<html\b/, `<html class="${paint.htmlClass}"`) : page;
}

/**
 * The first frame for this page, when the app is at the site's root (its links are built for
 * the path it is served under) and the answer is not too large, on the agent's time zone,
 * locale and theme from the cookie the app writes (without it, times pending). Null otherwise,
 * or if painting fails: the app then paints the page as before.
 */
function paintFor(
  options: DeepLinkAnswerOptions,
  c: Context,
  page: URL,
  answer: CarriedAnswer,
): ServerPaint | null {
  const { paint, paintMaxChars = Number.POSITIVE_INFINITY, basePath } = options;
  if (!paint || basePath !== '/' || answer.text.length > paintMaxChars) return null;
  try {
    const { status, text, receivedAt } = answer;
    return paint({
      url: page,
      answer: { status, text, receivedAt, headers: new Headers(answer.headers) },
      cookie: c.req.header('cookie') ?? null,
    });
  } catch (error) {
    // Each failure is said once (a broken render would fail every page the same way); the
    // page is painted by the app.
    const reason = error instanceof Error ? error.message : String(error);
    if (!paintFailuresSaid.has(reason) && paintFailuresSaid.size < 20) {
      paintFailuresSaid.add(reason);
      console.error(
        `Participant Inspector: a deep link's first frame could not be painted on the server; the app paints it (${reason})`,
      );
    }
    return null;
  }
}
const paintFailuresSaid = new Set<string>();

/** The page's request headers, for the same request made by this server on its behalf. */
function askHeaders(page: Headers): Headers {
  const headers = new Headers(page);
  headers.set('accept', 'application/json');
  // The answer is read here, uncompressed; the page as a whole is compressed on its way out.
  headers.delete('accept-encoding');
  // Fetch metadata describes the browser's navigation, not this same-origin read.
  for (const name of ['sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'sec-fetch-user']) {
    headers.delete(name);
  }
  headers.delete('if-none-match');
  headers.delete('if-modified-since');
  return headers;
}

/** An answer too large to carry: the browser fetches it, and it is a long history. */
const TOO_LARGE = 'too large';

async function readAnswer(response: Response, url: string, maxChars: number) {
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return null;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (length > maxChars) {
    await response.body?.cancel();
    // Bytes, not characters: UTF-8 spells a character of a JavaScript string in three at most.
    return length > 3 * LONG_HISTORY_CHARS ? TOO_LARGE : null;
  }
  const text = await response.text();
  if (text.length > maxChars) return isLongHistory(text) ? TOO_LARGE : null;
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return {
    url,
    status: response.status,
    headers,
    text,
    receivedAt: Date.now(),
  } satisfies CarriedAnswer;
}

/**
 * Only a page opened as a page is answered: a browser's own navigation (or a client that sends
 * no fetch metadata). A deep link loaded as an image, a frame or a prefetch by another site
 * must not spend the team's RealtimeKit budget before the browser has even decided to show it;
 * those get the preload, which only a rendered page acts on.
 */
function openedAsPage(headers: Headers): boolean {
  // Browsers set Sec-Fetch-Dest themselves (a page cannot): "document" is a top-level page.
  const dest = headers.get('sec-fetch-dest');
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  return (dest === null || dest === 'document') && !purpose.includes('prefetch');
}

/**
 * Only a navigation this site or the agent started is answered: Sec-Fetch-Site same-origin,
 * none (typed, bookmarked, opened from another app) or absent. Another site can make an
 * agent's browser open deep links over and over; those get the plain shell, and the app asks
 * for the answer itself once it runs.
 */
function startedHere(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  return site === null || site === 'same-origin' || site === 'none';
}

/**
 * The requests the painted page makes as soon as it runs, announced in its HTML: the browser
 * starts them while it loads the app, and the app's own requests for them are served from
 * these.
 */
function withFollowUps(html: string, paint: ServerPaint): string {
  return paint.followUps.reduce((page, url) => withDataPreload(page, url), html);
}

/**
 * The request the page stopped waiting for runs on: the browser's preloaded request joins it
 * (identical requests in flight are shared), so on a Worker it is kept alive past the page's
 * answer. Node keeps it running by itself.
 */
function runOn(c: Context, asking: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(asking);
  } catch {
    // No execution context: Node.
  }
}

/** Adds the answer (or the preload) to the shell served for a valid deep link. */
export function deepLinkAnswers(options: DeepLinkAnswerOptions): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const page = new URL(c.req.url);
    const apiUrl = deepLinkApiUrl(page.pathname, page.search, options.basePath);
    if (!apiUrl || !startedHere(c.req.raw.headers)) return;
    const shell = c.res;
    const html = await shell.text();
    let read: CarriedAnswer | typeof TOO_LARGE | null = null;
    if (openedAsPage(c.req.raw.headers)) {
      const request = new Request(new URL(apiUrl, page.origin), {
        headers: askHeaders(c.req.raw.headers),
      });
      const asking = options
        .ask(request, c)
        .then((response) => readAnswer(response, apiUrl, options.maxChars))
        .catch(() => null);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), options.waitMs);
      });
      const first = await Promise.race([asking, late]);
      clearTimeout(timer);
      if (first === 'late') runOn(c, asking);
      else read = first;
    }
    const answer = read === TOO_LARGE ? null : read;
    // A long history's code downloads with its page, carried or too large to carry.
    const long = read === TOO_LARGE || (answer !== null && isLongHistory(answer.text));
    const headers = new Headers(shell.headers);
    // Either way the page differs per link; with an answer in it, it is never stored.
    headers.delete('etag');
    headers.delete('content-length');
    if (answer) headers.set('cache-control', 'no-store');
    const painted = answer ? paintFor(options, c, page, answer) : null;
    const body = answer
      ? withAnswer(painted ? withFollowUps(withPaint(html, painted), painted) : html, answer)
      : withDataPreload(html, apiUrl);
    // Unset first: Hono copies the old response's headers onto a replacement (the ETag too).
    c.res = undefined;
    c.res = new Response(long ? withModulePreloads(body, options.longHistoryCode ?? []) : body, {
      status: 200,
      headers,
    });
  };
}
