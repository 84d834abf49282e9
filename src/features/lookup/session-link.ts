/**
 * The link to a session's participant list: the home page with the session pre-filled,
 * `?session={session_id}` under the app's base path (view params carried on). The lookup form
 * reads it back and opens the picker on that session.
 */
import { checkId } from '../../api/request-params';
import { appPath } from '../../lib/base-path';
import { currentViewParams, type ViewParams, viewQuery } from '../../lib/view-params';

export const SESSION_PARAM = 'session';

export function sessionListHref(sessionId: string, view: ViewParams = currentViewParams()): string {
  const pairs = [`${SESSION_PARAM}=${encodeURIComponent(sessionId)}`, ...viewQuery(view)];
  return `${appPath('')}?${pairs.join('&')}`;
}

/** The session a list link names, when it is a valid id. */
export function linkedSessionId(search: string): string | undefined {
  const value = new URLSearchParams(search).get(SESSION_PARAM);
  return value !== null && checkId('Session ID', value).ok ? value : undefined;
}
