import { useId } from 'react';
import { PERSON_SEARCH_BOUND } from '../../api/person-search-schema';
import { checkSearch } from '../../api/request-params';
import { useRoute } from '../../lib/route';
import { findHref } from '../../lib/route/find-links';
import type { RangeChoice } from '../../lib/time-range';
import { readRangeFields } from './lib/range-fields';
import { RangeSelect } from './range-select';
import { useLinkForm } from './use-link-form';

export type PersonSearchFormProps = {
  /** What the fields start with: the open search, or nothing. */
  initial?: { q: string; range: RangeChoice };
  /** The idle page puts the cursor here: a person is what a ticket names. */
  autoFocus?: boolean;
};

/**
 * "Find a person": a name, custom participant id (often an email) or participant id — what
 * RealtimeKit's participants search matches — plus a time range. It
 * writes the search's link (`/find?q=…&range=…`), which the results page reads.
 */
export function PersonSearchForm({ initial, autoFocus = false }: PersonSearchFormProps) {
  const id = useId();
  const { view } = useRoute();
  const { clock, error, onSubmit } = useLinkForm((data, utc) => {
    const q = String(data.get('q') ?? '').trim();
    if (q === '')
      return { problem: 'Type a name, custom participant ID (or email) or participant ID.' };
    const check = checkSearch(q);
    if (!check.ok) return { problem: check.message };
    const range = readRangeFields(data, utc, Date.now());
    if (!range.ok) return { problem: range.message };
    return { href: findHref({ q, range: range.range }, view) };
  });
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      noValidate
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Find a person’s calls
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-q`} className="block text-sm font-medium">
            Name, custom ID, email or participant ID
          </label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            // biome-ignore lint/a11y/noAutofocus: the idle page's one purpose is this search
            autoFocus={autoFocus}
            defaultValue={initial?.q ?? ''}
            maxLength={100}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <RangeSelect initial={initial?.range ?? 'last-7-days'} />
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
        >
          Find calls
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Searches the participants of every session in the range (the newest {PERSON_SEARCH_BOUND}
          ), as RealtimeKit names them; times on {clock.label}.
        </p>
      )}
    </form>
  );
}
