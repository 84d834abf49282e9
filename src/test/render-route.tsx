import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { AppRoot } from '../app/app-root';

/** A client as each test starts with: nothing cached, nothing retried. */
export const testQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false } } });

/**
 * The whole app at `href`, as a link opens it: its route, its providers and a fresh
 * QueryClient (the app's own retry policy only when a test passes the app's client). Fetch is
 * stubbed by the test (src/test/fetch-stub.ts).
 */
export function renderRoute(href: string, client: QueryClient = testQueryClient()) {
  // jsdom has no media queries; the theme asks for the system's dark mode: a light one.
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  window.history.replaceState(null, '', href);
  return { client, ...render(<AppRoot client={client} />) };
}
