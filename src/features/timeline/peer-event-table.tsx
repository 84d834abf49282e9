import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { formatCount } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { columns, features, matchesSearch, peerColumns } from './columns';
import { FreshContext, HighlightContext } from './highlight-context';
import { countHighlighted, highlightedRows, isHighlighted } from './lib/highlight';
import type { TableRow } from './lib/timeline-rows';
import { SortHeader } from './sort-header';
import { TableToolbar } from './table-toolbar';
import { WindowBar } from './window-bar';

export type PeerEventTableProps = {
  rows: readonly TableRow[];
  /** Whether SDK events are among the rows: then the source column, filter and metadata show. */
  sdkEvents: boolean;
  /** The reported window: its rows are marked, and can be shown alone. */
  highlight: TimeWindow | null;
  /** Peer events new since the last live refresh (by record index): marked "new". */
  fresh?: ReadonlySet<number>;
};

const NONE: ReadonlySet<number> = new Set();

const ROW_HEIGHT = 37;

/** The timeline: sortable, filterable by source and type, searchable, rows virtualized. */
export function PeerEventTable({ rows, sdkEvents, highlight, fresh = NONE }: PeerEventTableProps) {
  const [onlyWindow, setOnlyWindow] = useState(false);
  const inside = useMemo(
    () => (highlight ? countHighlighted(rows, highlight) : 0),
    [rows, highlight],
  );
  // Narrowed before the table sees the rows: the table's sorting, filters and search stay put.
  const data = useMemo(
    () => (onlyWindow && highlight ? highlightedRows(rows, highlight) : rows),
    [rows, highlight, onlyWindow],
  );
  const table = useTable(
    {
      features,
      columns: sdkEvents ? columns : peerColumns,
      data,
      globalFilterFn: matchesSearch,
      // Every column sorts ascending on the first click, numbers included.
      sortDescFirst: false,
      // Only one column carries the search, which reads the row's whole search text itself.
      getColumnCanGlobalFilter: (column) => column.id === 'event',
      initialState: { sorting: [{ id: 'time', desc: false }], globalFilter: '', columnFilters: [] },
    },
    (state) => ({
      sorting: state.sorting,
      filters: state.columnFilters,
      search: state.globalFilter,
    }),
  );
  const visible = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const search = typeof table.state.search === 'string' ? table.state.search : '';

  return (
    <div className="grid grid-cols-1 gap-2">
      {highlight ? (
        <WindowBar
          window={highlight}
          inside={inside}
          total={rows.length}
          only={onlyWindow}
          onOnlyChange={setOnlyWindow}
        />
      ) : null}
      <TableToolbar
        sourceColumn={sdkEvents ? table.getColumn('source') : undefined}
        eventColumn={table.getColumn('event')}
        search={search}
        onSearch={(value) => table.setGlobalFilter(value)}
      />
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Showing {formatCount(visible.length)} of {formatCount(rows.length)} events
      </p>
      <section
        ref={scroller}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard.
        tabIndex={0}
        aria-label="Peer events, scrollable"
        className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-700"
      >
        <HighlightContext.Provider value={highlight}>
          <FreshContext.Provider value={fresh}>
            <table
              aria-rowcount={visible.length + 1}
              className="w-full border-collapse text-left text-sm"
            >
              <caption className="sr-only">Peer events</caption>
              <thead className="sticky top-0 z-10 bg-slate-50 dark:bg-slate-800">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id} aria-rowindex={1}>
                    {group.headers.map((header) => (
                      <SortHeader key={header.id} column={header.column}>
                        <table.FlexRender header={header} />
                      </SortHeader>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {top > 0 ? (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a cell-less spacer row is not focusable; hiding it keeps screen readers from counting phantom rows.
                  <tr aria-hidden="true" style={{ height: top }} />
                ) : null}
                {items.map((item) => {
                  const row = visible[item.index];
                  if (!row) return null;
                  const tone =
                    row.original.problems.length > 0
                      ? 'bg-red-50/60 dark:bg-red-950/30'
                      : isHighlighted(highlight, row.original)
                        ? 'bg-amber-50 dark:bg-amber-950/40'
                        : '';
                  return (
                    <tr
                      key={row.id}
                      aria-rowindex={item.index + 2}
                      style={{ height: ROW_HEIGHT }}
                      className={`border-t border-slate-100 dark:border-slate-800 ${tone}`}
                    >
                      {row.getAllCells().map((cell) => (
                        <td key={cell.id} className="whitespace-nowrap px-3 py-1.5 align-middle">
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                  );
                })}
                {bottom > 0 ? (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: as above, a spacer row.
                  <tr aria-hidden="true" style={{ height: bottom }} />
                ) : null}
              </tbody>
            </table>
          </FreshContext.Provider>
        </HighlightContext.Provider>
        {visible.length === 0 ? (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
            No event matches the filters.
          </p>
        ) : null}
      </section>
    </div>
  );
}
