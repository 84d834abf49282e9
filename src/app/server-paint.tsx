/**
 * A deep link's first frame, painted by the server: the app's own first render (header, form,
 * Health strip, summary, the sections below held as skeletons) as HTML, for the answer the
 * page carries and the agent's time zone, locale and theme. The browser shows it as soon as
 * the HTML and CSS are in; the app then renders the same page over it. `npm run build` builds
 * this module for the server on its own (`vite build --ssr`, into dist/.server), so
 * react-dom/server stays out of the browser's bundle and the server imports no app source.
 */
import { renderToString } from 'react-dom/server';
import type { Received } from '../api/boot-answer';
import { readJson } from '../api/http';
import { participantQueryOptions, readParticipant } from '../api/participant-query';
import { parseRoute } from '../features/lookup/deep-link';
import { isDark, readAgentPrefs } from '../lib/agent-prefs';
import { readViewParams } from '../lib/view-params';
import { AppRoot } from './app-root';
import { createQueryClient } from './query-client';

export type ServerPaintInput = {
  /** The page's URL as the browser asked for it. */
  readonly url: URL;
  /** The participant's answer the page carries. */
  readonly answer: Received;
  /** The page request's Cookie header: the agent's prefs, written by the app (lib/agent-prefs). */
  readonly cookie: string | null;
};

export type ServerPaint = {
  /** The markup of the app's first render, for the page's #root. */
  readonly html: string;
  /** Whether the page is dark (the class the app would put on <html>). */
  readonly dark: boolean;
};

/**
 * The first frame of a participant's page, or null when the server cannot paint it as the app
 * would: the agent's browser has not said its time zone, locale and theme (a first visit, a
 * frame whose cookies are blocked), not a participant's link, or an answer the app shows as an
 * error.
 */
export function paintParticipantPage({
  url,
  answer,
  cookie,
}: ServerPaintInput): ServerPaint | null {
  const agent = readAgentPrefs(cookie);
  const route = parseRoute(url.pathname, url.search);
  if (!agent || route.kind !== 'participant') return null;
  let result: ReturnType<typeof readParticipant>;
  try {
    result = readParticipant(readJson(answer));
  } catch {
    return null;
  }
  const client = createQueryClient();
  client.setQueryData(participantQueryOptions(route.params).queryKey, result);
  const html = renderToString(
    <AppRoot
      client={client}
      server={{ origin: url.origin, href: url.pathname + url.search, agent }}
    />,
  );
  client.clear();
  return { html, dark: isDark(agent, readViewParams(url.search).theme) };
}
