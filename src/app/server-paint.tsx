/**
 * A deep link's first frame, painted by the server: the app's own first render (header, form,
 * Health strip, summary, the sections below held as skeletons) as HTML, for the answer the
 * page carries and the agent's time zone, locale and theme. The browser shows it as soon as
 * the HTML and CSS are in; the app then hydrates it (src/main.tsx). `npm run build` builds this
 * module for the server on its own (`vite build --ssr`, into dist/.server): react-dom/server
 * stays out of the browser's bundle, and the server loads the built module rather than the
 * app's source.
 */
import { renderToString } from 'react-dom/server';
import type { Received } from '../api/boot-answer';
import { participantQueryOptions } from '../api/participant-query';
import { peerReportUrl } from '../api/peer-report-query';
import { checkId } from '../api/request-params';
import { byJoinPageRequest, sessionParticipantsUrl } from '../api/session-participants-query';
import { autoReportPeers } from '../features/diagnostics/lib/auto-reports';
import { participantModel } from '../features/participant-page';
import { paintedTheme, readAgentPrefs, SYSTEM_THEME_CLASS } from '../lib/agent-prefs';
import { parseRoute } from '../lib/route';
import { readViewParams } from '../lib/view-params';
import { AppRoot } from './app-root';
import { seedParticipant } from './boot-request';
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
  /**
   * The class for <html>: "dark" as the app would set it, the system's-theme mark on a first
   * visit (the stylesheet follows the system until the app has set it), or null (light).
   */
  readonly htmlClass: string | null;
  /** Whether it was painted on the agent's prefs; without them, its times are pending. */
  readonly agentKnown: boolean;
  /**
   * The API requests the page makes as soon as it runs, for the server to announce in the HTML
   * (the browser starts them at once and the app's own requests join them): the session's first
   * page by join time. Not the peer reports: a peer that sent no media has none (404), and a
   * browser does not hand a preloaded error over to the app's request, which would then ask
   * the upstream a second time.
   */
  readonly followUps: readonly string[];
  /**
   * The API reads the page makes as soon as it runs whose answer may be an error, for the app
   * to start as it boots (a preload would be asked twice when it fails): the participant's own
   * peer reports, which the Verdict and the findings read first.
   */
  readonly earlyReads: readonly string[];
};

/**
 * The first frame of a participant's page, or null when the server cannot paint it as the app
 * would: not a participant's link, or an answer the app shows as an error. When the agent's
 * browser has not said its time zone, locale and theme (a first visit, a browser without the
 * Cookie Store API), the times that need them are painted pending and the app fills them in.
 */
export function paintParticipantPage({
  url,
  answer,
  cookie,
}: ServerPaintInput): ServerPaint | null {
  const agent = readAgentPrefs(cookie);
  const route = parseRoute(url.pathname, url.search);
  if (route.kind !== 'participant') return null;
  const client = createQueryClient();
  if (!seedParticipant(client, route.params, answer)) return null;
  const result = client.getQueryData(participantQueryOptions(route.params).queryKey);
  const ownReports = result
    ? autoReportPeers(participantModel(result).totals, route.params.moment ?? null)
    : [];
  const html = renderToString(
    <AppRoot
      client={client}
      server={{ origin: url.origin, href: url.pathname + url.search, agent }}
    />,
  );
  client.clear();
  const theme = paintedTheme(agent, readViewParams(url.search).theme);
  return {
    html,
    htmlClass: theme === 'dark' ? 'dark' : theme === 'system' ? SYSTEM_THEME_CLASS : null,
    agentKnown: agent !== null,
    followUps: [sessionParticipantsUrl(byJoinPageRequest(route.params.sessionId, 0))],
    // Only ids this server's routes take (an upstream's odd peer id is left to the app).
    earlyReads: ownReports.filter((id) => checkId('peer id', id).ok).map(peerReportUrl),
  };
}
