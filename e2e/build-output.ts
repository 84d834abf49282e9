/** The build the e2e server serves (DIST_DIR, as server/config.ts reads it) and its manifest. */
import { readFileSync } from 'node:fs';
import type { ManifestChunk } from '../server/long-history-code';

export const DIST = process.env.DIST_DIR || 'dist';

/** A chunk as Vite's manifest describes it (the server reads the same manifest). */
export type Chunk = ManifestChunk & { readonly dynamicImports?: readonly string[] };

export const manifest: Record<string, Chunk> = JSON.parse(
  readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'),
);

/** A built file's text. */
export const builtText = (file: string | undefined) => readFileSync(`${DIST}/${file}`, 'utf8');
