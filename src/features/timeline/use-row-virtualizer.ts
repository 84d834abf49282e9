import type { Row } from '@tanstack/react-table';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useRef } from 'react';
import type { features } from './columns';
import type { TableRow } from './lib/timeline-rows';
import { CARDS_BELOW_PX, cardLines, guessHeight } from './row-layout';

/**
 * The timeline's rows, virtualized: only those in view (and a few around) are drawn. Rows are
 * measured as drawn (an opened row, a card); a closed row is estimated from the last one
 * measured like it (a line, or a card of as many lines). Estimates that hold keep the rows
 * below from moving, so a jump through 100,002 rows is one render, not several.
 */
export function useRowVirtualizer(
  scroller: RefObject<HTMLElement | null>,
  rows: readonly Row<typeof features, TableRow>[],
  sdkEvents: boolean,
) {
  const heights = useRef(new Map<number, number>());
  // Whether rows are cards, read once per pass rather than once per row: estimating every row
  // of a long list would otherwise ask the browser for a fresh layout thousands of times.
  let cards: boolean | undefined;
  const linesAt = (index: number) => {
    cards ??= (scroller.current?.clientWidth ?? CARDS_BELOW_PX) < CARDS_BELOW_PX;
    return cards ? cardLines(rows[index]?.original.source ?? 'peer', sdkEvents) : 0;
  };
  return useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const lines = linesAt(index);
      return heights.current.get(lines) ?? guessHeight(lines);
    },
    measureElement: (element, entry, instance) => {
      // A row measured after the width changed: read it again.
      cards = undefined;
      const size = measureElement(element, entry, instance);
      // An opened row is as tall as its details: it says nothing of the others.
      if (!element.hasAttribute('data-open'))
        heights.current.set(linesAt(instance.indexFromElement(element)), size);
      return size;
    },
    overscan: 12,
  });
}
