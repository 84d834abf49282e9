import { useId } from 'react';
import { checkId } from '../../api/request-params';
import { useRoute } from '../../lib/route';
import { liveHref } from '../../lib/route/find-links';
import { useLinkForm } from './use-link-form';

/** "Live now": a meeting's session in progress, from the meeting's id. */
export function LiveNowForm({ initial = '' }: { initial?: string }) {
  const id = useId();
  const { view } = useRoute();
  const { error, onSubmit } = useLinkForm((data) => {
    const meeting = String(data.get('meeting') ?? '').trim();
    const check = checkId('Meeting ID', meeting);
    return check.ok ? { href: liveHref(meeting, view) } : { problem: check.message };
  });
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
      noValidate
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Live now
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-meeting`} className="block text-sm font-medium">
            Meeting ID
          </label>
          <input
            id={`${id}-meeting`}
            name="meeting"
            defaultValue={initial}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-950"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Open its live session
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
