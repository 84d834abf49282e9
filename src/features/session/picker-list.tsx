import { useContext } from 'react';
import { Badge } from '../../components/ui/badge';
import { InvalidValue } from '../../components/ui/invalid-value';
import { MaskContext } from '../../components/ui/mask';
import { TimeValue } from '../../components/ui/time-value';
import { formatDurationMinutes } from '../../lib/format';
import { type PickerRow, rowLabel } from './lib/picker-rows';

export type PickerListProps = {
  id: string;
  rows: readonly PickerRow[];
  /** The row the arrow keys are on (-1: none). */
  active: number;
  optionId: (index: number) => string;
  onChoose: (participantId: string) => void;
};

/** The page of participants as a listbox: the search box above drives it (combobox). */
export function PickerList({ id, rows, active, optionId, onChoose }: PickerListProps) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label="Participants of this session"
      className="mt-2 max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
    >
      {rows.map((row, index) => (
        // Keyboard use goes through the combobox (aria-activedescendant); this is for pointers.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles the keys
        <div
          key={row.key}
          id={optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === active}
          aria-disabled={row.id === null ? true : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (row.id !== null) onChoose(row.id);
          }}
          className="cursor-pointer px-3 py-2 text-sm aria-disabled:cursor-not-allowed aria-selected:bg-sky-100 hover:bg-slate-100 dark:aria-selected:bg-sky-900 dark:hover:bg-slate-800"
        >
          {row.problem ? (
            <InvalidValue raw={row.problem.raw} reason={row.problem.reason} />
          ) : (
            <PickerRowBody row={row} />
          )}
        </div>
      ))}
    </div>
  );
}

function PickerRowBody({ row }: { row: PickerRow }) {
  const mask = useContext(MaskContext);
  return (
    <div className="grid gap-1 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,3fr)]">
      <span className="min-w-0 truncate font-medium" title={rowLabel(row)}>
        {rowLabel(row)}
      </span>
      <span className="min-w-0 truncate font-mono text-xs text-slate-600 dark:text-slate-300">
        {row.customId === null || row.customId === undefined
          ? '—'
          : mask.active
            ? 'hidden (personal data)'
            : row.customId}
      </span>
      <span className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-300">
        <span>joined {row.joined ? <TimeValue value={row.joined} /> : 'unknown'}</span>
        {row.inSession ? (
          <Badge tone="success">in session</Badge>
        ) : (
          <span>left {row.left ? <TimeValue value={row.left} /> : 'unknown'}</span>
        )}
        {row.minutes !== null ? <span>{formatDurationMinutes(row.minutes)}</span> : null}
      </span>
    </div>
  );
}
