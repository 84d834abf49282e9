import { CopyButton } from '../components/ui/copy-button';
import { isClockZone } from '../lib/clock';
import { navigate, shareUrl, useLocationHref, useOrigin, withView } from '../lib/route';
import type { ViewParams } from '../lib/view-params';

export type ParticipantToolbarProps = {
  view: ViewParams;
  /** null while the first answer is awaited; `wait` > 0 while a rate limit holds retries. */
  refresh: { busy: boolean; wait: number; run: () => void } | null;
};

/** Refresh, redaction and the link: what applies to the page whatever its state. */
export function ParticipantToolbar({ view, refresh }: ParticipantToolbarProps) {
  const here = useLocationHref();
  const origin = useOrigin();
  return (
    <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
      <label className="inline-flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={view.redact}
          // The URL owns redaction too: a shared link stays redacted.
          onChange={() =>
            navigate(withView(here, { ...view, redact: !view.redact }), { replace: true })
          }
          className="size-4 accent-brand-600"
        />
        Hide personal data
      </label>
      <label className="inline-flex items-center gap-1.5 text-sm">
        Times in
        <select
          value={view.clock}
          // In the URL like the rest of the view: a reload or a shared link keeps the clock.
          onChange={(event) => {
            const clock = event.target.value;
            if (isClockZone(clock)) navigate(withView(here, { ...view, clock }), { replace: true });
          }}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="mine">my time</option>
          <option value="utc">UTC</option>
          <option value="participant">their time</option>
        </select>
      </label>
      {refresh ? (
        <button
          type="button"
          onClick={refresh.run}
          disabled={refresh.busy || refresh.wait > 0}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {refresh.busy ? 'Refreshing…' : 'Refresh'}
        </button>
      ) : null}
      <CopyButton value={shareUrl(here, view, origin)} label="link to this participant">
        Copy link
      </CopyButton>
    </div>
  );
}
