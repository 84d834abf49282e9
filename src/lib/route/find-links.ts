/** The finding pages' links (see find-schema.ts), each taking the view explicitly. */
import { appPath } from '../base-path';
import { rangeParam } from '../time-range';
import { type ViewParams, viewQuery } from '../view-params';
import { DEFAULT_BROWSE, type FindParams, type SessionsBrowse } from './find-schema';

/** The sessions page for a browse (defaults left out of the link). */
export function sessionsHref(params: SessionsBrowse, view: ViewParams): string {
  const pairs: string[] = [];
  if (params.range !== DEFAULT_BROWSE.range) pairs.push(`range=${rangeParam(params.range)}`);
  if (params.status) pairs.push(`status=${params.status}`);
  if (params.search) pairs.push(`search=${encodeURIComponent(params.search)}`);
  if (params.sortBy !== DEFAULT_BROWSE.sortBy) pairs.push(`sort=${params.sortBy}`);
  if (params.sortOrder !== DEFAULT_BROWSE.sortOrder) pairs.push(`order=${params.sortOrder}`);
  if (params.page > 0) pairs.push(`page=${params.page + 1}`);
  const search = [...pairs, ...viewQuery(view)].join('&');
  return `${appPath('sessions')}${search ? `?${search}` : ''}`;
}

/** The person search's page: who, over which range. */
export function findHref(params: FindParams, view: ViewParams): string {
  const pairs = [`q=${encodeURIComponent(params.q)}`, `range=${rangeParam(params.range)}`];
  return `${appPath('find')}?${[...pairs, ...viewQuery(view)].join('&')}`;
}

/** The page that opens a meeting's session in progress (its form alone without a meeting). */
export function liveHref(meetingId: string | null, view: ViewParams): string {
  const pairs = [
    ...(meetingId ? [`meeting=${encodeURIComponent(meetingId)}`] : []),
    ...viewQuery(view),
  ];
  return `${appPath('live')}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}
