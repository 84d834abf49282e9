import { lazy, Suspense } from 'react';
import { AppLink } from '../components/ui/app-link';
import { PersonSearchForm } from '../features/find';
import { everythingHref } from '../features/lookup';
import type { LookupFormProps } from '../features/lookup/lookup-form';
import { liveHref, sessionsHref } from '../lib/route/find-links';
import { DEFAULT_BROWSE } from '../lib/route/find-schema';
import type { ViewParams } from '../lib/view-params';
import { LookupSlot } from './lookup-slot';

// The idle page is a chunk of its own (app.tsx); its lists come in smaller ones still.
const RecentSearches = lazy(() =>
  import('../features/recent/recent-searches').then((m) => ({ default: m.RecentSearches })),
);
const RecentLookups = lazy(() =>
  import('../features/recent/recent-lookups').then((m) => ({ default: m.RecentLookups })),
);
const SampleList = lazy(() =>
  import('../features/lookup/sample-list').then((m) => ({ default: m.SampleList })),
);

export type IdlePageProps = {
  href: string;
  initial: LookupFormProps['initial'];
  view: ViewParams;
};

const LINK = 'text-brand-700 underline underline-offset-2 dark:text-brand-500';

/**
 * The idle page, as a ticket is read: the person and a rough time first, then the ids when the
 * ticket has them, then browsing the sessions, then what this browser looked up before.
 */
export function IdlePage({ href, initial, view }: IdlePageProps) {
  return (
    <>
      <PersonSearchForm />
      {/* Keyed by the URL: the fields are re-seeded from each link, the URL owns the ids. */}
      <LookupSlot key={href} initial={initial} />
      <p className="text-sm text-slate-700 dark:text-slate-200">
        No name or id to go on?{' '}
        <AppLink href={sessionsHref(DEFAULT_BROWSE, view)} className={LINK}>
          Browse the sessions
        </AppLink>{' '}
        by time and meeting, or{' '}
        <AppLink href={liveHref(null, view)} className={LINK}>
          open a meeting’s live session
        </AppLink>
        .
      </p>
      <Suspense fallback={null}>
        <div className="grid gap-6 md:grid-cols-2">
          <RecentSearches />
          <RecentLookups hrefFor={(r) => everythingHref(r.sessionId, r.participantId, view)} />
        </div>
        <SampleList />
      </Suspense>
    </>
  );
}
