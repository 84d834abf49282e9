/**
 * The one schema of the app's URL: the path (`/sessions/{session_id}/participants/{participant_id}`),
 * the lookup's query (the API's `filters` and `include_peer_events`, the reported `moment`, the
 * `peer` the panels open on), the home page's `session` (a session list link) and the view
 * params (embed, theme, redact, tz). Parsing never throws: a malformed link becomes a list of
 * problems to show next to the form, with whatever could be read.
 */
import type { Filter } from '../../api/participant-schema';
import { checkId, parseFilters, parseIncludePeerEvents } from '../../api/request-params';
import { routeOf } from '../base-path';
import { readWindowParam, type TimeWindow } from '../time-window';
import { readViewParams, type ViewParams } from '../view-params';

export type LookupParams = {
  readonly sessionId: string;
  readonly participantId: string;
  readonly filters: readonly Filter[];
  readonly includePeerEvents: boolean;
  /** The reported moment to mark on the page, when the agent gave one. */
  readonly moment?: TimeWindow | null;
  /** Why the link's moment could not be read (the page still opens). */
  readonly momentProblem?: string;
  /** The peer (connection) the panels open on: an incident's, when its link was followed. */
  readonly peer?: string;
};

export type Route =
  | {
      readonly kind: 'home';
      /** A session list link's session (`?session=…`): the form opens its picker on it. */
      readonly session?: string;
    }
  | { readonly kind: 'participant'; readonly params: LookupParams }
  | {
      readonly kind: 'invalid';
      readonly problems: readonly string[];
      /** What could be read, to seed the form: ids as typed, and the options that parsed. */
      readonly draft: Partial<LookupParams> & { sessionId: string; participantId: string };
    }
  | {
      readonly kind: 'finding';
      /** Its query is read by find-schema.ts, with the page. */
      readonly page: FindingPage;
      readonly search: string;
    }
  | { readonly kind: 'unknown'; readonly path: string };

/** The finding pages: browse sessions, find a person, a meeting's live session. */
export const FINDING_PAGES = ['sessions', 'find', 'live'] as const;
export type FindingPage = (typeof FINDING_PAGES)[number];

/** The home page's query naming a session to pick a participant from. */
export const SESSION_PARAM = 'session';

const PATH = /^\/sessions\/([^/]*)\/participants\/([^/]*)\/?$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(pathname: string, search: string): Route {
  const path = routeOf(pathname);
  if (path === '/' || path === '') {
    const session = new URLSearchParams(search).get(SESSION_PARAM);
    return session !== null && checkId('Session ID', session).ok
      ? { kind: 'home', session }
      : { kind: 'home' };
  }
  const page = FINDING_PAGES.find((p) => path.replace(/\/$/, '') === `/${p}`);
  if (page) return { kind: 'finding', page, search };
  const match = PATH.exec(path);
  if (!match) return { kind: 'unknown', path };
  const sessionId = decode(match[1] ?? '');
  const participantId = decode(match[2] ?? '');
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const session = checkId('Session ID', sessionId);
  if (!session.ok) problems.push(session.message);
  const participant = checkId('Participant ID', participantId);
  if (!participant.ok) problems.push(participant.message);
  const filters = parseFilters(query.get('filters'));
  if (!filters.ok) problems.push(filters.message);
  const include = parseIncludePeerEvents(query.get('include_peer_events'));
  if (!include.ok) problems.push(include.message);
  const moment = readWindowParam(query.get('moment'));
  // A peer the panels cannot find is no reason to refuse the page: an unreadable one is dropped.
  const peer = query.get('peer');
  if (problems.length > 0 || !filters.ok || !include.ok) {
    const draft = {
      sessionId,
      participantId,
      ...(filters.ok ? { filters: filters.value } : {}),
      ...(include.ok && include.value !== undefined ? { includePeerEvents: include.value } : {}),
    };
    return { kind: 'invalid', problems, draft };
  }
  return {
    kind: 'participant',
    params: {
      sessionId,
      participantId,
      filters: filters.value,
      // A shared link without the flag still shows the timeline: that is what agents open it for.
      includePeerEvents: include.value ?? true,
      // A moment that cannot be read is reported beside the page, never a reason to refuse it.
      ...(moment === null
        ? {}
        : 'problem' in moment
          ? { momentProblem: moment.problem }
          : { moment }),
      ...(peer !== null && checkId('Peer ID', peer).ok ? { peer } : {}),
    },
  };
}

/** Where the app is and how it is shown: everything the URL says, read once. */
export type RouteState = {
  readonly href: string;
  readonly route: Route;
  readonly view: ViewParams;
};

/** A path and query ("/sessions/…?filters=…") read through the one schema. */
export function readRoute(href: string): RouteState {
  // Only the path and query are read: the origin is a placeholder.
  const url = new URL(href, 'http://inspector.invalid');
  return { href, route: parseRoute(url.pathname, url.search), view: readViewParams(url.search) };
}
