import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * True while React renders on the server, and while the app hydrates the server's paint of a
 * page (which must render exactly what the server rendered); false in every other render.
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    never,
    () => false,
    () => true,
  );
}
