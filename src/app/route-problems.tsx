import type { Route } from '../lib/route';

/** Why a URL could not be opened as a lookup: shown above the form, which keeps what was read. */
export function RouteProblems({ route }: { route: Route }) {
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
