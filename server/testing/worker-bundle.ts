/**
 * Test support: the Worker entry bundled as wrangler bundles it, a small built SPA for its
 * Static Assets binding, and the deployment's own compatibility settings, for miniflare.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

export const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <script type="module" src="./assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

/** A Worker entry (server/worker.ts by default) as one ES module in `dir`; returns its path. */
export async function bundleWorker(
  dir: string,
  entry = join(import.meta.dirname, '..', 'worker.ts'),
): Promise<string> {
  const scriptPath = join(dir, `${basename(entry, '.ts')}.js`);
  // The conditions and externals wrangler uses for a Worker with nodejs_compat.
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    external: ['node:*'],
    outfile: scriptPath,
    logLevel: 'silent',
  });
  return scriptPath;
}

/** A built SPA (the shell and one hashed asset) under `dir`; returns the folder. */
export async function builtAssets(dir: string): Promise<string> {
  const assets = join(dir, 'assets-dir');
  await mkdir(join(assets, 'assets'), { recursive: true });
  await writeFile(join(assets, 'index.html'), SHELL);
  await writeFile(join(assets, 'assets', 'index-abc.js'), 'export const ok = true;\n');
  return assets;
}

/** wrangler.jsonc's date and flags, so a run under workerd proves the real configuration. */
export async function deploymentCompatibility() {
  const wrangler = await readFile(join(import.meta.dirname, '..', '..', 'wrangler.jsonc'), 'utf8');
  const compatibilityDate = /"compatibility_date":\s*"([\d-]+)"/.exec(wrangler)?.[1];
  const flags = /"compatibility_flags":\s*\[([^\]]*)\]/.exec(wrangler)?.[1] ?? '';
  const compatibilityFlags = [...flags.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1] ?? '');
  return { compatibilityDate, compatibilityFlags };
}

/** wrangler.jsonc's run_worker_first: true, as miniflare's assets router takes it. */
export const RUN_WORKER_FIRST = { has_user_worker: true, invoke_user_worker_ahead_of_assets: true };
