import { useContext } from 'react';
import { formatRaw } from '../../lib/format';
import { MaskContext } from './mask';

export type InvalidValueProps = {
  raw: unknown;
  reason: string;
  /** Keep to one line (table cells, whose rows have a fixed height). */
  nowrap?: boolean;
};

/** A value the API sent that could not be read: flagged, with the raw value, never hidden. */
export function InvalidValue({ raw, reason, nowrap = false }: InvalidValueProps) {
  const mask = useContext(MaskContext);
  return (
    <span
      className={`inline-flex items-baseline gap-1.5 ${nowrap ? '' : 'flex-wrap'}`}
      title={reason}
    >
      <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900 dark:bg-red-950 dark:text-red-100">
        invalid
      </span>
      <code
        className={`${nowrap ? '' : 'break-all'} font-mono text-xs text-slate-700 dark:text-slate-300`}
      >
        {formatRaw(mask.raw(raw))}
      </code>
      <span className="sr-only">({reason})</span>
    </span>
  );
}
