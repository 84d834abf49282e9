/** The build the e2e server serves (DIST_DIR, as server/config.ts reads it) and its manifest. */
import { readFileSync } from 'node:fs';

export const DIST = process.env.DIST_DIR || 'dist';

export type Chunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};

export const manifest: Record<string, Chunk> = JSON.parse(
  readFileSync(`${DIST}/.vite/manifest.json`, 'utf8'),
);

/** A built file's text. */
export const builtText = (file: string | undefined) => readFileSync(`${DIST}/${file}`, 'utf8');
