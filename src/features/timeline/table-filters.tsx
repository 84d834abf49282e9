import type { Column } from '@tanstack/react-table';
import type { features } from './columns';
import { EVENT_CATEGORIES, type EventCategory } from './lib/event-category';
import { SOURCES, type Source, type TableRow } from './lib/timeline-rows';

export type TableColumn = Column<typeof features, TableRow, unknown> | undefined;

type CheckboxFilterProps<T extends string> = {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  column: TableColumn;
};

/** A column filter as checkboxes: the values to keep; all of them when nothing is filtered. */
function CheckboxFilter<T extends string>({
  legend,
  options,
  labels,
  column,
}: CheckboxFilterProps<T>) {
  if (!column) return null;
  const value = column.getFilterValue();
  const shown: readonly T[] = Array.isArray(value)
    ? options.filter((o) => value.includes(o))
    : options;
  const toggle = (option: T) => {
    const next = shown.includes(option) ? shown.filter((o) => o !== option) : [...shown, option];
    column.setFilterValue(next.length === options.length ? undefined : next);
  };
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={shown.includes(option)}
              onChange={() => toggle(option)}
              className="size-4 accent-brand-600"
            />
            {labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const CATEGORY_LABELS: Record<EventCategory, string> = {
  PEER_CREATED: 'Created',
  PEER_JOINING: 'Joining',
  PEER_LEAVING: 'Leaving',
  OTHER: 'Other / unknown',
};

/** Which peer event types the table shows (SDK events are kept or left by the source filter). */
export function EventTypeFilter({ column }: { column: TableColumn }) {
  return (
    <CheckboxFilter
      legend="Peer event types"
      options={EVENT_CATEGORIES}
      labels={CATEGORY_LABELS}
      column={column}
    />
  );
}

const SOURCE_FILTER_LABELS: Record<Source, string> = { peer: 'Peer events', sdk: 'SDK events' };

/** Which sources the table shows: peer events, SDK events, or both. */
export function SourceFilter({ column }: { column: TableColumn }) {
  return (
    <CheckboxFilter
      legend="Sources"
      options={SOURCES}
      labels={SOURCE_FILTER_LABELS}
      column={column}
    />
  );
}
