/** The app's URL: one schema (path and search), its hooks and the links built from it. */
export {
  DEFAULT_BROWSE,
  type FindParams,
  type FindRoute,
  SESSION_SORTS,
  SESSION_STATUSES,
  type SessionSort,
  type SessionStatus,
  type SessionsBrowse,
} from './find-schema';
export {
  findHref,
  liveHref,
  sessionListHref,
  sessionsHref,
  shareUrl,
  toDeepLink,
  withView,
} from './links';
export {
  currentHref,
  currentRoute,
  navigate,
  parentOrigin,
  reloadPage,
  useLocationHref,
  useOrigin,
} from './location';
export {
  type LookupParams,
  parseRoute,
  type Route,
  type RouteState,
  readRoute,
  SESSION_PARAM,
} from './schema';
export { type UseRoute, useRoute } from './use-route';
