import { useContext, useId } from 'react';
import type { Metadata } from '../../api/stats-events';
import { CopyButton } from '../../components/ui/copy-button';
import { MaskContext } from '../../components/ui/mask';
import { cut, metadataEntries, metadataSummary, valueText } from './lib/metadata';

// Enough to read a line in the cell; an opened row, hover and the popover show more.
const SUMMARY_CHARS = 48;
const DETAIL_CHARS = 400;
const HOVER_CHARS = 1_000;
const VALUE_CHARS = 300;
// A popover listing 10,000 keys helps nobody; the copy button carries all of them.
const MAX_ENTRIES = 100;

export type MetadataCellProps = {
  metadata: Metadata;
  /** Names the button: "Show metadata of ice_connected_relay". */
  label: string;
  /** In an opened row: more of it, over as many lines as it needs. */
  expanded?: boolean;
};

/** An SDK event's metadata: one cut line, and every `key: value` pair on demand. */
export function MetadataCell({ metadata, label, expanded = false }: MetadataCellProps) {
  const mask = useContext(MaskContext);
  const id = useId();
  const shown = mask.raw(metadata);
  const entries = metadataEntries(shown);
  if (entries.length === 0)
    return <span className="text-slate-500 dark:text-slate-400">{'{}'}</span>;
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <code
        className={`min-w-0 font-mono text-xs ${expanded ? 'break-all' : 'truncate'}`}
        title={metadataSummary(entries, HOVER_CHARS)}
      >
        {metadataSummary(entries, expanded ? DETAIL_CHARS : SUMMARY_CHARS)}
      </code>
      <button
        type="button"
        popoverTarget={id}
        aria-label={`Show metadata of ${label}`}
        className="shrink-0 rounded-md border border-slate-300 px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Show
      </button>
      <div
        id={id}
        popover="auto"
        role="dialog"
        aria-label={`Metadata of ${label}`}
        className="m-auto max-h-[70vh] backdrop:bg-slate-900/20 w-[min(40rem,90vw)] overflow-auto rounded-lg border border-slate-300 bg-white p-4 text-sm text-slate-900 shadow-xl dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="mb-2 flex items-center justify-between gap-2">
          <span className="font-semibold">
            Metadata ({entries.length} {entries.length === 1 ? 'key' : 'keys'})
          </span>
          <CopyButton value={() => valueText(shown)} label={`metadata of ${label} as JSON`}>
            Copy as JSON
          </CopyButton>
        </div>
        <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1">
          {entries.slice(0, MAX_ENTRIES).map((entry) => (
            <div key={entry.key} className="contents">
              <dt className="font-mono text-xs text-slate-600 dark:text-slate-400">
                {cut(entry.key, 80)}
              </dt>
              <dd className="whitespace-pre-wrap break-all font-mono text-xs">
                {entry.value.length > VALUE_CHARS ? (
                  <details>
                    <summary className="cursor-pointer">
                      {cut(entry.value, VALUE_CHARS)} (all {entry.value.length.toLocaleString('en')}{' '}
                      characters)
                    </summary>
                    {cut(entry.value, Number.POSITIVE_INFINITY)}
                  </details>
                ) : (
                  cut(entry.value, VALUE_CHARS)
                )}
              </dd>
            </div>
          ))}
        </dl>
        {entries.length > MAX_ENTRIES ? (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            and {(entries.length - MAX_ENTRIES).toLocaleString('en')} more keys (copy as JSON to see
            them all)
          </p>
        ) : null}
      </div>
    </div>
  );
}
