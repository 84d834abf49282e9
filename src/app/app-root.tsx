import type { QueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import {
  PaintedWithoutAgentContext,
  type ServerRender,
  ServerRenderContext,
} from '../lib/server-render';
import { App } from './app';
import { Providers } from './providers';

export type AppRootProps = {
  client: QueryClient;
  /** Set when the server renders the page (src/app/server-paint.tsx). */
  server?: ServerRender;
  /** Called once the app's first render is on the page (it has taken the server's paint over). */
  onLive?: () => void;
  /** The server's paint being taken over was made without the agent's prefs (a first visit). */
  paintedWithoutAgent?: boolean;
};

/**
 * The whole tree, the same for the browser and the server: the app takes the server's paint
 * of a page over by hydrating it, which needs the very same tree.
 */
export function AppRoot({ client, server, onLive, paintedWithoutAgent = false }: AppRootProps) {
  useEffect(() => onLive?.(), [onLive]);
  return (
    <StrictMode>
      <ServerRenderContext.Provider value={server ?? null}>
        <PaintedWithoutAgentContext.Provider value={paintedWithoutAgent}>
          <Providers client={client}>
            <App />
          </Providers>
        </PaintedWithoutAgentContext.Provider>
      </ServerRenderContext.Provider>
    </StrictMode>
  );
}
