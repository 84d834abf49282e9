import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `ms`: typing does not fetch per keystroke.
 * `initial` is what it says until then (the value itself by default).
 */
export function useDebouncedValue<T>(value: T, ms: number, initial: T = value): T {
  const [settled, setSettled] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
