import { AppLink } from '../../components/ui/app-link';
import { formatRelative } from '../../lib/format';
import { revealHidden } from '../../lib/hidden-characters';
import { useRoute } from '../../lib/route';
import { findHref } from '../../lib/route/find-links';
import { RANGE_LABELS, readRangeParam } from '../../lib/time-range';
import { RecentSection } from './recent-section';
import { clearRecentSearches, useRecentSearches } from './use-recent';

/** The last person searches run in this browser, offered on the idle page. */
export function RecentSearches() {
  const recent = useRecentSearches();
  const { view } = useRoute();
  if (recent.length === 0) return null;
  const now = Date.now();
  return (
    <RecentSection
      title="Recent searches"
      clearLabel="Clear recent searches"
      onClear={clearRecentSearches}
    >
      {recent.map((r) => {
        const range = readRangeParam(r.range);
        if (range === null || (typeof range === 'object' && 'problem' in range)) return null;
        const label = typeof range === 'string' ? RANGE_LABELS[range] : 'custom range';
        return (
          <li key={`${r.q}/${r.range}`}>
            <AppLink
              href={findHref({ q: r.q, range }, view)}
              className="block rounded-md px-2 py-1.5 text-sm hover:bg-brand-50 dark:hover:bg-slate-800"
            >
              <span className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500">
                {revealHidden(r.q)}
              </span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {label.toLowerCase()} · {formatRelative(r.at, now)}
              </span>
            </AppLink>
          </li>
        );
      })}
    </RecentSection>
  );
}
