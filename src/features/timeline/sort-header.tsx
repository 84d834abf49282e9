import type { Column } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { features } from './columns';
import type { TableRow } from './lib/timeline-rows';

export type SortHeaderProps = {
  column: Column<typeof features, TableRow, unknown>;
  children: ReactNode;
};

/** A column header that sorts on click or Enter, and tells screen readers its order. */
export function SortHeader({ column, children }: SortHeaderProps) {
  if (!column.getCanSort()) {
    return (
      <th scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
        {children}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className="whitespace-nowrap px-3 py-2 font-semibold"
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {children}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
