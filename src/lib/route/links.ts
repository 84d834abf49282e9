/**
 * Every link the app builds. Each takes the view (redaction, clock, embed, theme) explicitly,
 * from the route the page was rendered with, so a link painted by the server keeps it as well
 * as one built in the browser.
 */
import { appPath } from '../base-path';
import { windowParam } from '../time-window';
import { PLAIN_VIEW, type ViewParams, viewQuery } from '../view-params';
import { type LookupParams, SESSION_PARAM } from './schema';

/** The deep link of a lookup, under the app's base path, carrying the current view params on. */
export function toDeepLink(params: LookupParams, view: ViewParams): string {
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
export function shareUrl(href: string, view: ViewParams, origin: string): string {
  // The clock stays too: "15:45" in a shared link means what it meant on the sender's screen.
  const path = withView(href, { ...PLAIN_VIEW, redact: view.redact, clock: view.clock });
  return new URL(path, origin).href;
}

/**
 * The link to a session's participant list: the home page with the session pre-filled,
 * `?session={session_id}` under the app's base path (view params carried on).
 */
export function sessionListHref(sessionId: string, view: ViewParams): string {
  const pairs = [`${SESSION_PARAM}=${encodeURIComponent(sessionId)}`, ...viewQuery(view)];
  return `${appPath('')}?${pairs.join('&')}`;
}
