import { useEffect, useRef } from 'react';
import { AppLink } from '../components/ui/app-link';
import { parseRoute, type Route } from '../features/lookup/deep-link';
import { LookupForm } from '../features/lookup/lookup-form';
import { SampleList } from '../features/lookup/sample-list';
import { ModeBadge } from '../features/mode/mode-badge';
import { appPath } from '../lib/base-path';
import { useLocationHref } from '../lib/router';
import { ErrorBoundary } from './error-boundary';
import { ParticipantPage } from './participant-page';

function RouteProblems({ route }: { route: Route }) {
  if (route.kind === 'invalid') {
    return (
      <div
        role="alert"
        className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      >
        <h2 className="font-semibold">This link cannot be opened as it is</h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {route.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm">Correct the ids below and choose Look up.</p>
      </div>
    );
  }
  if (route.kind === 'unknown') {
    return (
      <div
        role="alert"
        className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      >
        <h2 className="font-semibold">No page here</h2>
        <p className="mt-1 text-sm">
          Links to a participant look like <code>/sessions/…/participants/…</code>. Look one up
          below.
        </p>
      </div>
    );
  }
  return null;
}

export function App() {
  const href = useLocationHref();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After an in-app navigation the clicked link or button is gone: focus moves to the new
  // content so keyboard and screen-reader users land on it (not on the first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (href) main.current?.focus({ preventScroll: true });
  }, [href]);
  const url = new URL(href, window.location.origin);
  const route = parseRoute(url.pathname, url.search);
  const initial =
    route.kind === 'participant'
      ? route.params
      : route.kind === 'invalid'
        ? route.draft
        : undefined;
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <h1 className="text-lg font-semibold tracking-tight">
            <AppLink href={appPath('')}>Participant Inspector</AppLink>
          </h1>
          <ModeBadge />
        </div>
      </header>
      <main
        ref={main}
        tabIndex={-1}
        className="mx-auto grid max-w-6xl grid-cols-1 gap-6 px-4 py-6 outline-none"
      >
        <ErrorBoundary resetKey={href}>
          <RouteProblems route={route} />
          {/* Keyed by the URL: the fields are re-seeded from each link, the URL owns the ids. */}
          <LookupForm key={href} initial={initial} />
          {route.kind === 'participant' ? (
            <ParticipantPage params={route.params} />
          ) : (
            <SampleList />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
