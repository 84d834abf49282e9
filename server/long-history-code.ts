/**
 * The app's code a long history's page needs before its table can show: the hand reader of
 * its peer events and the timeline's card, each with the chunks it imports that the first load
 * does not already bring. The app asks for them as it starts (src/app/boot-request.ts), after
 * the whole page has arrived; announced in the page's HTML (`<link rel="modulepreload">`), they
 * download while a page of several megabytes still does. Read from the build's manifest
 * (Vite's `.vite/manifest.json`, `build.manifest`), whose keys are the modules' source paths.
 * Node only (a Worker's pages do without): this module reads the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A chunk as Vite's manifest describes it. */
export type ManifestChunk = {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
};

/** The modules whose chunks a long history needs first: the reader, then the table. */
export const LONG_HISTORY_MODULES = [
  'src/api/peer-events-quick.ts',
  'src/features/timeline/timeline-card.tsx',
] as const;

/** Every chunk `key` loads with it (itself first), each once. */
function withImports(manifest: Record<string, ManifestChunk>, key: string, into: Set<string>) {
  if (into.has(key) || !manifest[key]) return;
  into.add(key);
  for (const child of manifest[key].imports ?? []) withImports(manifest, child, into);
}

/**
 * The URLs (under `basePath`) of the chunks a long history needs that the first load does not
 * bring, in the order they are needed. Empty when the manifest does not name those modules (a
 * build of other code): nothing is announced, and the app loads them as it starts.
 */
export function longHistoryCode(
  manifest: Record<string, ManifestChunk>,
  basePath: string,
): string[] {
  if (!LONG_HISTORY_MODULES.every((key) => manifest[key])) return [];
  const first = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry) withImports(manifest, key, first);
  }
  const needed = new Set<string>();
  for (const key of LONG_HISTORY_MODULES) withImports(manifest, key, needed);
  return [...needed]
    .filter((key) => !first.has(key))
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => typeof file === 'string' && file.endsWith('.js'))
    .map((file) => `${basePath}${file}`);
}

/** Where `npm run build` describes its chunks (a dot folder: never served). */
const MANIFEST = '.vite/manifest.json';

/**
 * The chunks a long history's page announces, from the build's manifest in `distDir`; none
 * without a readable one (an older build, the tests' stand-in SPA): the app then loads them as
 * it starts.
 */
export function readLongHistoryCode(distDir: string, basePath: string): string[] {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(distDir, MANIFEST), 'utf8'));
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return [];
    return longHistoryCode(manifest as Record<string, ManifestChunk>, basePath);
  } catch {
    return [];
  }
}
