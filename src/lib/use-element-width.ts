import { type RefCallback, useCallback, useState } from 'react';

/**
 * The element's content width in CSS pixels, kept up to date as it resizes; null until it is
 * measured (the server's paint, and browsers without ResizeObserver, where it is read once).
 * Charts drawn at their real width keep their text at its real size on any screen.
 */
export function useElementWidth<T extends Element>(): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const read = (w: number) => setWidth(w > 0 ? Math.round(w) : null);
    if (typeof ResizeObserver === 'undefined') {
      read(element.clientWidth);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) read(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
