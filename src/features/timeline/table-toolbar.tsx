import { EventTypeFilter, SourceFilter, type TableColumn } from './table-filters';

export type TableToolbarProps = {
  /** The source column, when the source filter is offered. */
  sourceColumn: TableColumn;
  eventColumn: TableColumn;
  search: string;
  onSearch: (value: string) => void;
};

/** The filters and the search box above the timeline table. */
export function TableToolbar({ sourceColumn, eventColumn, search, onSearch }: TableToolbarProps) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-wrap gap-x-8 gap-y-2">
        <SourceFilter column={sourceColumn} />
        <EventTypeFilter column={eventColumn} />
      </div>
      <label className="text-sm">
        <span className="block font-medium">Search events</span>
        <input
          type="search"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          placeholder="peer id, socket, type, metadata…"
          className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
        />
      </label>
    </div>
  );
}
