import type { Column } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { features } from './columns';
import type { TableRow } from './lib/timeline-rows';

export type SortHeaderProps = {
  column: Column<typeof features, TableRow, unknown>;
  /** Where the header is drawn at each width (see row-layout). */
  className: string;
  children: ReactNode;
};

/** A column header that sorts on click or Enter, and tells screen readers its order. */
export function SortHeader({ column, className, children }: SortHeaderProps) {
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {children}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={className}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className="inline-flex min-h-6 items-center gap-1 text-left hover:underline"
      >
        {children}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
