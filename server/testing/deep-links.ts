/** For the deep-link page tests: a built-looking SPA and the demo participants' page paths. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS } from '../mock/scenarios';

/** The SPA's shell as the build writes it (one module script, an empty #root). */
export const SHELL =
  '<!doctype html><html lang="en"><head><title>Participant Inspector</title><script type="module" src="./assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

/** A DIST_DIR with the SPA's shell and its one script. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pi-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
  return dir;
}

export const scenario = (key: string) => {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`no scenario ${key}`);
  return found;
};

/** The deep link of a demo participant. */
export const pagePath = (key: string, query = '') =>
  `/sessions/${scenario(key).sessionId}/participants/${scenario(key).participantId}${query}`;
