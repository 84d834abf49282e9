import { type FormEvent, useId, useState } from 'react';
import { checkSearch } from '../../api/session-params';
import { navigate, useRoute } from '../../lib/route';
import { sessionsHref } from '../../lib/route/find-links';
import {
  SESSION_STATUSES,
  type SessionStatus,
  type SessionsBrowse,
} from '../../lib/route/find-schema';
import { readRangeFields } from './lib/range-fields';
import { RangeSelect } from './range-select';
import { useFindClock } from './use-find-clock';

const FIELD =
  'mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950';

const isStatus = (value: string): value is SessionStatus =>
  (SESSION_STATUSES as readonly string[]).includes(value);

/** The sessions page's filters: they write the page's link (page 1 of the new list). */
export function SessionsFilters({ params }: { params: SessionsBrowse }) {
  const id = useId();
  const { view } = useRoute();
  const clock = useFindClock();
  const [now] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const search = String(data.get('search') ?? '').trim();
    const check = checkSearch(search);
    const range = readRangeFields(data, clock.zone === 'utc', Date.now());
    if (!check.ok || !range.ok) {
      setError(!check.ok ? check.message : range.ok ? null : range.message);
      return;
    }
    setError(null);
    const status = String(data.get('status') ?? '');
    navigate(
      sessionsHref(
        {
          ...params,
          range: range.range,
          search,
          status: isStatus(status) ? status : null,
          page: 0,
        },
        view,
      ),
    );
  };
  return (
    <form
      aria-label="Filter sessions"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-wrap items-end gap-3"
    >
      <RangeSelect initial={params.range} clock={clock} now={now} />
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
          <option value="LIVE">Live</option>
          <option value="ENDED">Ended</option>
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
