import { lazy, Suspense, useEffect, useRef } from 'react';
import { type Mask, MaskContext } from '../components/ui/mask';
import { Skeleton } from '../components/ui/skeleton';
import { redactJson } from '../lib/redact';
import { useRoute } from '../lib/route';
import { useHydrating } from '../lib/use-hydrating';
import { AppHeader } from './app-header';
import { ErrorBoundary } from './error-boundary';
import { LookupSlot } from './lookup-slot';
import { ParticipantPage } from './participant-page';
import { applyTheme } from './theme';

// The finding pages and the idle page (search, lists, samples) are not needed for a deep link.
const FindRoutePage = lazy(() => import('./find-route-page'));
const IdlePage = lazy(() => import('./idle-page').then((m) => ({ default: m.IdlePage })));

// Why a link cannot be opened: only a link that cannot be (a deep link never waits for it).
const RouteProblems = lazy(() =>
  import('./route-problems').then((m) => ({ default: m.RouteProblems })),
);

// The portal protocol, only in a frame (an admin portal embedding the app).
const PortalBridge = lazy(() => import('./embed/portal-bridge'));

/** Whether the app runs in a frame: false on the server and while taking its paint over. */
const useFramed = () => !useHydrating() && window.parent !== window;

const SHOW_AS_SENT: Mask = { active: false, raw: (value) => value };
const HIDE_PERSONAL: Mask = { active: true, raw: redactJson };

export function App() {
  const { href, route, view } = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const framed = useFramed();
  // After an in-app navigation the clicked link or button is gone: focus moves to the new
  // content so keyboard and screen-reader users land on it (not on the first load). Focus
  // still inside the page (a control that stayed, or what the page focused) is left alone.
  useEffect(() => {
    applyTheme();
    if (first.current) {
      first.current = false;
      return;
    }
    // Focus the page put somewhere on purpose (a marked moment's timeline) stays there.
    const focused = document.activeElement;
    if (focused && focused !== document.body && main.current?.contains(focused)) return;
    if (href) main.current?.focus({ preventScroll: true });
  }, [href]);
  const initial =
    route.kind === 'participant'
      ? route.params
      : route.kind === 'invalid'
        ? route.draft
        : undefined;
  return (
    <div
      className={`bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 ${view.embed ? '' : 'min-h-screen'}`}
    >
      {framed ? (
        <Suspense fallback={null}>
          <PortalBridge route={route} view={view} href={href} />
        </Suspense>
      ) : null}
      <AppHeader view={view} />
      <main
        ref={main}
        tabIndex={-1}
        className={`mx-auto grid grid-cols-1 outline-none ${view.embed ? 'gap-4 px-3 py-3' : 'max-w-6xl gap-6 px-4 py-6'}`}
      >
        {/* Hide personal data applies to everything shown, the picker included. */}
        <MaskContext.Provider value={view.redact ? HIDE_PERSONAL : SHOW_AS_SENT}>
          <ErrorBoundary resetKey={href}>
            {route.kind === 'invalid' || route.kind === 'unknown' ? (
              <Suspense fallback={null}>
                <RouteProblems route={route} />
              </Suspense>
            ) : null}
            {route.kind === 'participant' ? (
              <ParticipantPage
                params={route.params}
                view={view}
                lookup={<LookupSlot key={href} initial={initial} collapsed />}
              />
            ) : route.kind === 'finding' ? (
              <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>
                <FindRoutePage key={href} page={route.page} search={route.search} />
              </Suspense>
            ) : (
              <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>
                <IdlePage href={href} initial={initial} view={view} />
              </Suspense>
            )}
          </ErrorBoundary>
        </MaskContext.Provider>
      </main>
    </div>
  );
}
