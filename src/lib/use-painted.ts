import { useEffect, useState } from 'react';

/**
 * False for the component's first render, true once that render has been painted: the
 * frame after it has begun (requestAnimationFrame) and its paint has happened (the task after
 * it). A hidden tab paints nothing, so 250 ms is the most it waits.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let after: ReturnType<typeof setTimeout> | undefined;
    const done = () => setPainted(true);
    const fallback = setTimeout(done, 250);
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => {
            after = setTimeout(done, 0);
          })
        : undefined;
    return () => {
      clearTimeout(fallback);
      clearTimeout(after);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, []);
  return painted;
}
