/** The "reported moment": which timeline rows fall inside the window the agent is looking at. */
import { inWindow, type TimeWindow } from '../../../lib/time-window';

type Timed = { readonly atMs: number | null };

/** Whether the row has a time inside the window; never, without a window or a time. */
export const isHighlighted = (window: TimeWindow | null, row: Timed): boolean =>
  window !== null && row.atMs !== null && inWindow(window, row.atMs);

export function countHighlighted(rows: readonly Timed[], window: TimeWindow): number {
  let count = 0;
  for (const row of rows) if (isHighlighted(window, row)) count += 1;
  return count;
}

/** The rows inside the window, in the order given. */
export const highlightedRows = <R extends Timed>(rows: readonly R[], window: TimeWindow): R[] =>
  rows.filter((row) => isHighlighted(window, row));
