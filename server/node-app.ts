/** The app on Node: the core app with the built SPA read from DIST_DIR into memory. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { paintParticipantPage } from '../src/app/server-paint';
import { type AppOptions, createCoreApp } from './app';
import type { Config } from './config';
import { readLongHistoryCode } from './long-history-code';
import { nodeTransport } from './proxy/node-transport';
import { loadStatic, staticRoutes } from './static';

/** The socket's address; null when there is no socket (app.request() in tests). */
function socketAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function createApp(config: Config, options: AppOptions = {}) {
  const files = loadStatic(config.distDir, config.basePath);
  return createCoreApp(
    config,
    { routes: staticRoutes(files, config.basePath), ready: files.size > 0 },
    // The socket's address, not a header a client could forge.
    {
      clientAddress: socketAddress,
      compressJson: true,
      fetch: nodeTransport(config.upstream),
      longHistoryCode: readLongHistoryCode(config.distDir, config.basePath),
      ...options,
    },
  );
}

/** Where `npm run build` puts the app's server render (a dot folder: never served). */
export const SERVER_PAINT_MODULE = '.server/server-paint.mjs';

/**
 * The app's server render, built with the SPA: it paints a deep link's first frame. Without
 * it (an older build) the app paints every page, as it always can.
 */
export async function loadServerPaint(
  distDir: string,
): Promise<typeof paintParticipantPage | undefined> {
  const file = join(distDir, SERVER_PAINT_MODULE);
  if (!existsSync(file)) return undefined;
  const module: { paintParticipantPage?: typeof paintParticipantPage } = await import(
    pathToFileURL(file).href
  );
  return module.paintParticipantPage;
}
