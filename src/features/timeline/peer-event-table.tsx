import { useTable } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { formatCount } from '../../lib/format';
import type { TimeWindow } from '../../lib/time-window';
import { columns, features, matchesSearch, peerColumns } from './columns';
import { EventRow } from './event-row';
import { FreshContext, HighlightContext } from './highlight-context';
import { countHighlighted, highlightedRows, isHighlighted } from './lib/highlight';
import type { TableRow } from './lib/timeline-rows';
import { HEAD_CLASS, HEAD_ROW_CLASS, headerClass, TABLE_CLASS } from './row-layout';
import { SortHeader } from './sort-header';
import { TableToolbar } from './table-toolbar';
import { useRowVirtualizer } from './use-row-virtualizer';
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
      initialState: {
        sorting: [{ id: 'time', desc: false }],
        globalFilter: '',
        columnFilters: [],
        expanded: {},
      },
      // By source and record index: an opened row stays open through live refreshes and the
      // reported-window filter, which change the rows' positions.
      getRowId: (row) => `${row.source}-${row.index}`,
      getRowCanExpand: () => true,
      autoResetExpanded: false,
    },
    (state) => ({
      sorting: state.sorting,
      filters: state.columnFilters,
      search: state.globalFilter,
      expanded: state.expanded,
    }),
  );
  const visible = table.getRowModel().rows;
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useRowVirtualizer(scroller, visible, sdkEvents);
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
        // A size container: the rows are lines or cards by the room the table has (row-layout).
        className="@container max-h-[32rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-700"
      >
        <HighlightContext.Provider value={highlight}>
          <FreshContext.Provider value={fresh}>
            <table aria-rowcount={visible.length + 1} className={TABLE_CLASS}>
              <caption className="sr-only">Peer events</caption>
              <thead className={HEAD_CLASS}>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id} aria-rowindex={1} className={HEAD_ROW_CLASS}>
                    {group.headers.map((header) => (
                      <SortHeader
                        key={header.id}
                        column={header.column}
                        className={headerClass(header.column.id)}
                      >
                        <table.FlexRender header={header} />
                      </SortHeader>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody className="block">
                {top > 0 ? (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a cell-less spacer row is not focusable; hiding it keeps screen readers from counting phantom rows.
                  <tr aria-hidden="true" className="block" style={{ height: top }} />
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
                    <EventRow
                      key={row.id}
                      row={row}
                      index={item.index}
                      measure={virtualizer.measureElement}
                      tone={tone}
                    />
                  );
                })}
                {bottom > 0 ? (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: as above, a spacer row.
                  <tr aria-hidden="true" className="block" style={{ height: bottom }} />
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
