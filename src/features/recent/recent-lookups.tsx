import { AppLink } from '../../components/ui/app-link';
import { formatRelative, shortId } from '../../lib/format';
import { revealHidden } from '../../lib/hidden-characters';
import type { RecentLookup } from './lib/recent';
import { RecentSection } from './recent-section';
import { clearRecentLookups, useRecentLookups } from './use-recent';

export type RecentLookupsProps = {
  /** The deep link of a recent lookup. */
  hrefFor: (lookup: RecentLookup) => string;
};

/** The last participants opened in this browser, offered on the idle page. */
export function RecentLookups({ hrefFor }: RecentLookupsProps) {
  const recent = useRecentLookups();
  if (recent.length === 0) return null;
  const now = Date.now();
  return (
    <RecentSection
      title="Recent lookups"
      clearLabel="Clear recent lookups"
      onClear={clearRecentLookups}
      note={`Kept in this browser only, the last ${recent.length === 1 ? 'one' : recent.length} opened.`}
    >
      {recent.map((r) => (
        <li key={`${r.sessionId}/${r.participantId}`}>
          <AppLink
            href={hrefFor(r)}
            className="block rounded-md px-2 py-1.5 text-sm hover:bg-brand-50 dark:hover:bg-slate-800"
          >
            <span className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500">
              {r.name === null ? 'No name' : revealHidden(r.name)}
            </span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              session {shortId(r.sessionId)} · {formatRelative(r.at, now)}
            </span>
          </AppLink>
        </li>
      ))}
    </RecentSection>
  );
}
