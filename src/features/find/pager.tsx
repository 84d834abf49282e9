import { AppLink } from '../../components/ui/app-link';
import { formatCount } from '../../lib/format';

export type PagerProps = {
  /** 0-based. */
  page: number;
  perPage: number;
  /** Rows on this page. */
  shown: number;
  /** Rows in all, when the API said. */
  total: number | undefined;
  hrefFor: (page: number) => string;
};

const LINK = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600';

/** Previous and next pages, as links (each page is a link of its own). */
export function Pager({ page, perPage, shown, total, hrefFor }: PagerProps) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / perPage));
  const hasNext = pages === undefined ? shown === perPage : page + 1 < pages;
  if (page === 0 && !hasNext) return null;
  return (
    <nav aria-label="Pages of sessions" className="mt-3 flex items-center gap-3">
      {page > 0 ? (
        <AppLink href={hrefFor(page - 1)} className={LINK}>
          ← Previous
        </AppLink>
      ) : null}
      <span className="text-sm text-slate-600 dark:text-slate-300">
        Page {formatCount(page + 1)}
        {pages === undefined ? '' : ` of ${formatCount(pages)}`}
      </span>
      {hasNext ? (
        <AppLink href={hrefFor(page + 1)} className={LINK}>
          Next →
        </AppLink>
      ) : null}
    </nav>
  );
}
