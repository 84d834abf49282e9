/** The app on Node: the core app with the built SPA read from DIST_DIR into memory. */
import { type AppOptions, createCoreApp } from './app';
import type { Config } from './config';
import { loadStatic, staticRoutes } from './static';

export function createApp(config: Config, options: AppOptions = {}) {
  const files = loadStatic(config.distDir, config.basePath);
  return createCoreApp(config, { routes: staticRoutes(files), ready: files.size > 0 }, options);
}
