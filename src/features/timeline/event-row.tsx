import { type Column, FlexRender, type Row } from '@tanstack/react-table';
import type { features } from './columns';
import type { TableRow } from './lib/timeline-rows';
import { BODY_ROW_CLASS, cellClass, hasDetail } from './row-layout';

type Features = typeof features;

/** The column's header as words, for the cards' labels; the time column needs none. */
function labelOf(column: Column<Features, TableRow, unknown>): string | undefined {
  const header = column.columnDef.header;
  return typeof header === 'string' ? header : undefined;
}

type DetailsToggleProps = { expanded: boolean; onToggle: () => void };

/** Opens and closes a row's details: the columns its first line leaves out. */
function DetailsToggle({ expanded, onToggle }: DetailsToggleProps) {
  return (
    <button
      type="button"
      aria-label="Details"
      aria-expanded={expanded}
      onClick={onToggle}
      className="mr-1.5 inline-flex size-6 shrink-0 items-center justify-center self-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
    >
      <span aria-hidden="true" className={expanded ? 'rotate-90' : undefined}>
        ▸
      </span>
    </button>
  );
}

export type EventRowProps = {
  row: Row<Features, TableRow>;
  /** The row's place among the shown rows (the virtualizer's index). */
  index: number;
  /** The virtualizer's measure: an opened row, or a card, is taller than a line. */
  measure: (element: HTMLTableRowElement | null) => void;
  /** Background for a flagged row or one inside the reported window. */
  tone: string;
};

/** One event: a line (wide) or a card (narrow), with its details behind a toggle. */
export function EventRow({ row, index, measure, tone }: EventRowProps) {
  const expanded = row.getIsExpanded();
  const { source } = row.original;
  const cells = row.getAllCells();
  const firstDetail = cells.find((cell) => hasDetail(cell.column.id, source))?.column.id;
  return (
    <tr
      ref={measure}
      data-index={index}
      data-open={expanded ? '' : undefined}
      aria-rowindex={index + 2}
      className={`${BODY_ROW_CLASS} ${tone}`}
    >
      {cells.map((cell) => {
        const columnId = cell.column.id;
        return (
          <td
            key={cell.id}
            data-label={labelOf(cell.column)}
            className={cellClass({
              columnId,
              source,
              expanded,
              firstDetail: columnId === firstDetail,
            })}
          >
            {columnId === 'time' ? (
              <DetailsToggle expanded={expanded} onToggle={row.getToggleExpandedHandler()} />
            ) : null}
            <FlexRender cell={cell} />
          </td>
        );
      })}
    </tr>
  );
}
