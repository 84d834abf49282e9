import { useMemo } from 'react';
import { useLocationHref, useOrigin } from './location';
import { type RouteState, readRoute } from './schema';

export type UseRoute = RouteState & { readonly origin: string };

/**
 * Where the app is and how it is shown, from the one schema: in the browser from its location,
 * on the server's paint from the request. Every link on a page is built from this view.
 */
export function useRoute(): UseRoute {
  const href = useLocationHref();
  const origin = useOrigin();
  return useMemo(() => ({ ...readRoute(href), origin }), [href, origin]);
}
