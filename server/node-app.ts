/** The app on Node: the core app with the built SPA read from DIST_DIR into memory. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { type AppOptions, createCoreApp } from './app';
import type { Config } from './config';
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
    { clientAddress: socketAddress, compressJson: true, ...options },
  );
}
