import { formatRaw } from '../../lib/format';

export type InvalidValueProps = { raw: unknown; reason: string };

/** A value the API sent that could not be read: flagged, with the raw value, never hidden. */
export function InvalidValue({ raw, reason }: InvalidValueProps) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-1.5" title={reason}>
      <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-100">
        invalid
      </span>
      <code className="break-all font-mono text-xs text-slate-700 dark:text-slate-300">
        {formatRaw(raw)}
      </code>
      <span className="sr-only">({reason})</span>
    </span>
  );
}
