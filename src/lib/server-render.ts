/**
 * A deep link's first frame can be painted by the server (src/app/server-paint.tsx). What the
 * browser would otherwise read from itself — the location, the agent's time zone, locale and
 * theme — then comes from here. In the browser there is no value, and each reader uses the
 * browser's own.
 */
import { createContext, useContext } from 'react';
import type { AgentPrefs } from './agent-prefs';

export type ServerRender = {
  /** The page's origin ("https://inspector.example"). */
  readonly origin: string;
  /** Its path and query, as the router reads them. */
  readonly href: string;
  /** What the agent's browser said of itself on its last visit (a cookie). */
  readonly agent: AgentPrefs;
};

export const ServerRenderContext = createContext<ServerRender | null>(null);

/** The server's render, or null in the browser. */
export const useServerRender = () => useContext(ServerRenderContext);
