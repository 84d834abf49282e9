import { type KeyboardEvent, type PointerEvent, useState } from 'react';
import type { TimeWindow } from '../../lib/time-window';
import { type WholeCallModel, windowAround, windowBetween } from './lib/whole-call';

/** A pointer that moves less than this between press and release clicked rather than dragged. */
const DRAG_PX = 4;

export type Drag = { readonly from: number; readonly fromX: number; readonly to: number };

/**
 * The timeline's cursor (under the pointer, or moved with the keys) and a drag in progress; a
 * click marks 2 minutes around it, a drag what it covered, Enter 2 minutes around the cursor.
 */
export function useTimelineCursor(model: WholeCallModel, onMark: (window: TimeWindow) => void) {
  const [cursor, setCursor] = useState<number | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [start, end] = model.range;
  const { moment } = model;
  // The keyboard starts from the reported moment: what the agent most likely wants to move.
  const home = moment ? model.msAt(moment.x + moment.width / 2) : start;

  const at = (e: PointerEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = (e.clientX - box.left) * (box.width > 0 ? model.width / box.width : 1);
    return { px, ms: model.msAt(px) };
  };
  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      const p = at(e);
      if (e.button !== 0 || p.px < model.plot.left - DRAG_PX) return;
      // Keeps the release on the chart when the drag ends outside it (jsdom has no capture).
      e.currentTarget.setPointerCapture?.(e.pointerId);
      setDrag({ from: p.ms, fromX: p.px, to: p.ms });
      setCursor(p.ms);
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const p = at(e);
      setCursor(p.ms);
      if (drag) setDrag({ ...drag, to: p.ms });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      if (!drag) return;
      const p = at(e);
      setDrag(null);
      const clicked = Math.abs(p.px - drag.fromX) < DRAG_PX;
      onMark(clicked ? windowAround(drag.from) : windowBetween(drag.from, p.ms));
    },
    onPointerCancel: () => setDrag(null),
    onPointerLeave: () => {
      if (!drag) setCursor(null);
    },
    onFocus: () => setCursor((c) => c ?? home),
    onBlur: () => setCursor(null),
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      const now = cursor ?? home;
      const step = ((end - start) / 100) * (e.shiftKey ? 10 : 1);
      const moves: Record<string, number> = {
        ArrowLeft: now - step,
        ArrowRight: now + step,
        Home: start,
        End: end,
      };
      const next = moves[e.key];
      if (next !== undefined) setCursor(Math.min(end, Math.max(start, next)));
      else if (e.key === 'Enter' || e.key === ' ') onMark(windowAround(now));
      else if (e.key === 'Escape') setCursor(null);
      else return;
      e.preventDefault();
    },
  };
  return { cursor, value: cursor ?? home, drag, handlers };
}
