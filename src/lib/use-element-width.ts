import { type RefCallback, useCallback, useState } from 'react';

/**
 * The element's content width in CSS pixels, kept up to date as it resizes; null until it is
 * measured (the server's paint). It is read as the element is attached, then on every resize
 * (browsers without ResizeObserver: once).
 * Charts drawn at their real width keep their text at its real size on any screen.
 */
export function useElementWidth<T extends Element>(): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const read = (w: number) => setWidth(w > 0 ? Math.round(w) : null);
    // Read once now, as the element is attached: the update this makes is rendered before the
    // browser paints, so the first frame is drawn at the real width, not scaled from a guess and
    // redrawn a frame later (which moved what follows it).
    read(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) read(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
