/**
 * The app's URL: one schema (path and search), its hooks and the links built from it. The
 * finding pages' query schema and links (find-schema.ts, find-links.ts) are imported from their
 * own modules, so the first load of a deep link never carries them.
 */

export { sessionListHref, shareUrl, toDeepLink, withView } from './links';
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
  FINDING_PAGES,
  type FindingPage,
  type LookupParams,
  parseRoute,
  type Route,
  type RouteState,
  readRoute,
  SESSION_PARAM,
} from './schema';
export { type UseRoute, useRoute } from './use-route';
