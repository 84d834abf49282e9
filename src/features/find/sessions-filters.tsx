import { useId } from 'react';
import { checkSearch, SESSION_STATUSES } from '../../api/request-params';
import { useRoute } from '../../lib/route';
import { sessionsHref } from '../../lib/route/find-links';
import type { SessionsBrowse } from '../../lib/route/find-schema';
import { readRangeFields } from './lib/range-fields';
import { RangeSelect } from './range-select';
import { useLinkForm } from './use-link-form';

const FIELD =
  'mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950';

const STATUS_LABELS = { LIVE: 'Live', ENDED: 'Ended' } as const;

/** The sessions page's filters: they write the page's link (page 1 of the new list). */
export function SessionsFilters({ params }: { params: SessionsBrowse }) {
  const id = useId();
  const { view } = useRoute();
  const { error, onSubmit } = useLinkForm((data, utc) => {
    const search = String(data.get('search') ?? '').trim();
    const check = checkSearch(search);
    if (!check.ok) return { problem: check.message };
    const range = readRangeFields(data, utc, Date.now());
    if (!range.ok) return { problem: range.message };
    const chosen = String(data.get('status') ?? '');
    const status = SESSION_STATUSES.find((s) => s === chosen) ?? null;
    const next = { range: range.range, search, status };
    return { href: sessionsHref({ ...params, ...next, page: 0 }, view) };
  });
  return (
    <form
      aria-label="Filter sessions"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-3"
    >
      <RangeSelect initial={params.range} />
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-medium">
          Status
        </label>
        <select
          id={`${id}-status`}
          name="status"
          defaultValue={params.status ?? ''}
          className={FIELD}
        >
          <option value="">Any</option>
          {SESSION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-56 flex-1">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium">
          Meeting title, meeting ID or session ID
        </label>
        <input
          id={`${id}-search`}
          name="search"
          type="search"
          defaultValue={params.search}
          maxLength={100}
          className={`${FIELD} w-full`}
        />
      </div>
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
      >
        Show sessions
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
