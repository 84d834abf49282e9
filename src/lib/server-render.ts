/**
 * A deep link's first frame can be painted by the server (src/app/server-paint.tsx). What the
 * browser would otherwise read from itself — the location, the agent's time zone, locale and
 * theme — then comes from here. In the browser there is no value, and each reader uses the
 * browser's own.
 */
import { createContext, useContext } from 'react';
import type { AgentPrefs } from './agent-prefs';
import { useHydrating } from './use-hydrating';

export type ServerRender = {
  /** The page's origin ("https://inspector.example"). */
  readonly origin: string;
  /** Its path and query, as the router reads them. */
  readonly href: string;
  /**
   * What the agent's browser said of itself on its last visit (a cookie), or null on a first
   * visit: the page is then painted without what only the browser knows (lib/clock's pending
   * clock), and the app fills it in as it takes the page over.
   */
  readonly agent: AgentPrefs | null;
};

export const ServerRenderContext = createContext<ServerRender | null>(null);

/** The server's render, or null in the browser. */
export const useServerRender = () => useContext(ServerRenderContext);

/**
 * True in the browser while it takes over a page the server painted without the agent's prefs
 * (main.tsx reads the painted frame's mark): its first render must match that paint.
 */
export const PaintedWithoutAgentContext = createContext(false);

/**
 * The agent's prefs to render for: the cookie's on the server (null when it had none), null
 * while the browser hydrates a page painted without them, and undefined otherwise (the
 * browser's own). Hydration renders what the server rendered; the render right after it shows
 * the browser's own, so the page never shows a value the server guessed.
 */
export function useAgentPrefs(): AgentPrefs | null | undefined {
  const server = useServerRender();
  const paintedWithout = useContext(PaintedWithoutAgentContext);
  const hydrating = useHydrating();
  if (server) return server.agent;
  return hydrating && paintedWithout ? null : undefined;
}
