/**
 * The deep-link contract (this server's routes, see README): /sessions/{session_id}/participants/{participant_id}
 * with the API's `filters` and `include_peer_events`. Parsing never throws: a malformed link
 * becomes a list of problems to show next to the form, with whatever could be read.
 */
import type { Filter } from '../../api/participant-schema';
import { checkId, parseFilters, parseIncludePeerEvents } from '../../api/request-params';
import { appPath, routeOf } from '../../lib/base-path';
import { readWindowParam, type TimeWindow, windowParam } from '../../lib/time-window';
import { currentViewParams, PLAIN_VIEW, type ViewParams, viewQuery } from '../../lib/view-params';

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
  | { readonly kind: 'home' }
  | { readonly kind: 'participant'; readonly params: LookupParams }
  | {
      readonly kind: 'invalid';
      readonly problems: readonly string[];
      /** What could be read, to seed the form: ids as typed, and the options that parsed. */
      readonly draft: Partial<LookupParams> & { sessionId: string; participantId: string };
    }
  | { readonly kind: 'unknown'; readonly path: string };

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
  if (path === '/' || path === '') return { kind: 'home' };
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

/** The deep link of a lookup, under the app's base path, carrying the current view params on. */
export function toDeepLink(params: LookupParams, view: ViewParams = currentViewParams()): string {
  const query = new URLSearchParams();
  if (params.filters.length > 0) query.set('filters', params.filters.join(','));
  query.set('include_peer_events', String(params.includePeerEvents));
  // Commas are safe in a query and easier to read in a shared link than %2C.
  const pairs = [query.toString().replace(/%2C/g, ',')];
  // ":" and "/" are legal in a query: the interval stays readable in a shared link.
  if (params.moment) pairs.push(`moment=${windowParam(params.moment)}`);
  if (params.peer) pairs.push(`peer=${encodeURIComponent(params.peer)}`);
  const search = [...pairs, ...viewQuery(view)].join('&');
  return `${appPath(`sessions/${encodeURIComponent(params.sessionId)}/participants/${encodeURIComponent(params.participantId)}`)}?${search}`;
}

/** The same page with other view params (redaction switched, say). */
export function withView(href: string, view: ViewParams): string {
  const url = new URL(href, 'http://inspector.invalid');
  for (const name of ['embed', 'theme', 'redact', 'tz']) url.searchParams.delete(name);
  const rest = url.searchParams.toString().replace(/%2C/g, ',');
  const search = [rest, ...viewQuery(view)].filter(Boolean).join('&');
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

/**
 * The link to share (Copy link, tickets, the portal's `navigated`): absolute, without the
 * sender's embed layout or theme, with redaction kept so a redacted view stays redacted.
 */
export function shareUrl(
  href: string,
  view: ViewParams,
  origin: string = window.location.origin,
): string {
  // The clock stays too: "15:45" in a shared link means what it meant on the sender's screen.
  const path = withView(href, { ...PLAIN_VIEW, redact: view.redact, clock: view.clock });
  return new URL(path, origin).href;
}

/** What a pasted link says: the ids, and the request's diagnostics when it names them. */
export type PastedLookup = {
  readonly sessionId: string;
  readonly participantId: string;
  readonly filters?: readonly Filter[];
  readonly includePeerEvents?: boolean;
};

/**
 * Finds a session and participant id pair in pasted text: one of our deep links or a
 * RealtimeKit API URL (…/sessions/{id}/participants/{id}…), with its `filters` and
 * `include_peer_events` when it has them. Null when the text holds no pair.
 */
export function idsFromPastedText(text: string): PastedLookup | null {
  const trimmed = text.trim();
  const match =
    /\/sessions\/([A-Za-z0-9_-]{1,64})\/participants\/([A-Za-z0-9_-]{1,64})(?=$|[/?#\s])/.exec(
      trimmed,
    );
  if (!match?.[1] || !match[2]) return null;
  const after = trimmed.slice(match.index + match[0].length);
  const query = new URLSearchParams(/^[^?#\s]*\?([^#\s]*)/.exec(after)?.[1] ?? '');
  const filters = parseFilters(query.get('filters'));
  const include = parseIncludePeerEvents(query.get('include_peer_events'));
  return {
    sessionId: match[1],
    participantId: match[2],
    ...(query.has('filters') && filters.ok ? { filters: filters.value } : {}),
    ...(include.ok && include.value !== undefined ? { includePeerEvents: include.value } : {}),
  };
}
