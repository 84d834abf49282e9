/**
 * How the timeline table is drawn at each width, as class names. The table stays one table
 * (every cell under its header, in the same order) for screen readers; only its drawing
 * changes. In a scroller of 56rem or more (`@4xl`) a row is one line of the essential columns,
 * and the others (FOLDED) are drawn in the row's details when it is opened. Narrower, each row
 * is a card of `label: value` lines, its folded values again behind its details.
 */

/** Columns drawn in a row's details, not on its first line. */
export const FOLDED: ReadonlySet<string> = new Set(['socket', 'view', 'minutes', 'gap']);

/** Columns with no value for SDK events: nothing to show in their details. */
export const PEER_ONLY: ReadonlySet<string> = new Set(['socket', 'view', 'minutes']);

/** Below this scroller width (px) rows are cards: the `@4xl` container size (56rem). */
export const CARDS_BELOW_PX = 896;

/**
 * The lines of a closed row's card: the time, the event and the peer id; the source once SDK
 * events are among the rows; an SDK event's metadata. Cards with as many lines are as tall.
 */
export function cardLines(source: 'peer' | 'sdk', sdkEvents: boolean): number {
  return 3 + (sdkEvents ? 1 : 0) + (source === 'sdk' ? 1 : 0);
}

/** A first guess at a closed row's height (px) before one like it is measured: 0 lines, wide. */
export const guessHeight = (lines: number) => (lines === 0 ? 37 : 16 + 25 * lines);

// First-line widths on the wide layout, the same in the header and in every row; the
// metadata preview takes what is left.
const WIDTHS: Record<string, string> = {
  time: '@4xl:w-72',
  source: '@4xl:w-28',
  event: '@4xl:w-60',
  peer: '@4xl:w-36',
  metadata: '@4xl:min-w-0 @4xl:flex-1',
};

export const TABLE_CLASS = 'block w-full text-left text-sm';

export const HEAD_CLASS = 'block bg-slate-50 dark:bg-slate-800 @4xl:sticky @4xl:top-0 @4xl:z-10';

// Cards: the headers are one wrapping strip of sort buttons. Wide: the essential headers on
// the first line; a zero-height ::before breaks the line, ::after names the folded ones.
export const HEAD_ROW_CLASS = [
  'flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-xs',
  "before:text-slate-600 before:content-['Sort_by'_/_''] dark:before:text-slate-400",
  '@4xl:gap-x-0 @4xl:px-0 @4xl:py-0 @4xl:text-sm',
  "@4xl:before:order-1 @4xl:before:basis-full @4xl:before:content-['']",
  "@4xl:after:order-2 @4xl:after:pl-3 @4xl:after:text-xs @4xl:after:text-slate-600 @4xl:after:content-['In_each_row’s_details:'_/_''] dark:@4xl:after:text-slate-400",
].join(' ');

/** A header cell: the metadata header sorts nothing, so the cards' strip leaves it out. */
export function headerClass(columnId: string): string {
  const base = 'font-semibold';
  if (FOLDED.has(columnId))
    return `${base} @4xl:order-3 @4xl:px-3 @4xl:py-1 @4xl:text-xs @4xl:font-medium`;
  // The time header starts where the rows' times do, past their details toggle.
  const pad = columnId === 'time' ? '@4xl:pr-3 @4xl:pl-8.5' : '@4xl:px-3';
  const wide = `${pad} @4xl:py-2 ${WIDTHS[columnId] ?? ''}`;
  return columnId === 'metadata' ? `${base} sr-only @4xl:not-sr-only ${wide}` : `${base} ${wide}`;
}

export const BODY_ROW_CLASS = [
  // Positioned, so screen-reader-only text inside is placed by the row, not by the page.
  'relative flex flex-col gap-1 border-t border-slate-100 px-3 py-2 dark:border-slate-800',
  '@4xl:flex-row @4xl:flex-wrap @4xl:items-center @4xl:gap-0 @4xl:px-0 @4xl:py-0',
  "@4xl:before:order-1 @4xl:before:basis-full @4xl:before:content-['']",
].join(' ');

// A card line: its label (the column's header, from data-label) before the value. The label
// is drawn only: screen readers already hear the cell's column header.
const LABELLED =
  "flex min-w-0 items-baseline gap-2 before:w-24 before:shrink-0 before:text-xs before:text-slate-600 before:content-[attr(data-label)_/_''] dark:before:text-slate-400";

// The same on the wide layout's details line: "Socket session: 815290c…".
const DETAIL =
  "@4xl:order-2 @4xl:flex @4xl:px-3 @4xl:pb-1.5 @4xl:before:w-auto @4xl:before:content-[attr(data-label)_':'_/_'']";

export type CellLayout = {
  columnId: string;
  source: 'peer' | 'sdk';
  expanded: boolean;
  /** The first folded column with a value in this row: its details line starts indented. */
  firstDetail: boolean;
};

/** A body cell's classes, for the row's source and whether its details are open. */
export function cellClass({ columnId, source, expanded, firstDetail }: CellLayout): string {
  if (FOLDED.has(columnId)) {
    // Closed, or nothing to show: kept for screen readers (the table's cell), not drawn.
    if (!expanded || (source === 'sdk' && PEER_ONLY.has(columnId))) return 'sr-only';
    return `${LABELLED} ${DETAIL} ${firstDetail ? '@4xl:pl-10' : ''}`;
  }
  // Peer events have no metadata: an empty cell, not drawn.
  if (columnId === 'metadata' && source === 'peer') return 'sr-only';
  if (columnId === 'time')
    return `flex min-w-0 items-center font-medium @4xl:py-1.5 @4xl:pl-1 ${WIDTHS.time}`;
  if (columnId === 'metadata' && expanded) {
    // Opened, the metadata leaves the first line for a line of its own in the details.
    return `${LABELLED} ${DETAIL} @4xl:basis-full @4xl:pl-10`;
  }
  return `${LABELLED} @4xl:block @4xl:px-3 @4xl:py-1.5 @4xl:before:content-none ${WIDTHS[columnId] ?? ''}`;
}

/** Whether a column shows anything in an SDK event's or a peer event's details. */
export function hasDetail(columnId: string, source: 'peer' | 'sdk'): boolean {
  return FOLDED.has(columnId) && !(source === 'sdk' && PEER_ONLY.has(columnId));
}
