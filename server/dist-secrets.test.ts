/**
 * The build (the browser bundle, and the server's render of the app beside it) is made with a
 * token in the environment, and must not contain it.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const MARKER = 'cf-token-marker-7Gh3Jk9Lm2Np4Qr6';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('npm run build (the browser bundle and the server render)', () => {
  it('holds neither the token nor the names of the server secrets', {
    timeout: 60_000,
  }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'pi-dist-secrets-'));
    const saved = process.env.CLOUDFLARE_API_TOKEN;
    process.env.CLOUDFLARE_API_TOKEN = MARKER;
    try {
      await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      await build({
        mode: 'production',
        logLevel: 'silent',
        build: { ssr: 'src/app/server-paint.tsx', outDir: join(outDir, '.server') },
      });
    } finally {
      if (saved === undefined) delete process.env.CLOUDFLARE_API_TOKEN;
      else process.env.CLOUDFLARE_API_TOKEN = saved;
    }
    const built = files(outDir);
    expect(built.some((f) => f.endsWith('.js'))).toBe(true);
    expect(built.some((f) => f.endsWith('server-paint.mjs'))).toBe(true);
    for (const file of built) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes(MARKER), `${file} holds the token`).toBe(false);
      expect(text.includes('CLOUDFLARE_API_TOKEN'), `${file} names the token variable`).toBe(false);
    }
  });
});
