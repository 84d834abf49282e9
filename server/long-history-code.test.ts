import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longHistoryCode, type ManifestChunk, readLongHistoryCode } from './long-history-code';

/**
 * A manifest as Vite writes it: the entry, its shared core, and the lazy chunks, which import
 * the entry back.
 */
const MANIFEST: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_core.js'] },
  '_core.js': { file: 'assets/core-2.js' },
  '_quick-read.js': { file: 'assets/quick-read-3.js', imports: ['_core.js'] },
  '_rows.js': { file: 'assets/rows-4.js', imports: ['_quick-read.js'] },
  'src/api/peer-events-quick.ts': {
    file: 'assets/peer-events-quick-5.js',
    imports: ['index.html', '_core.js', '_quick-read.js'],
  },
  'src/features/timeline/timeline-card.tsx': {
    file: 'assets/timeline-card-6.js',
    imports: ['index.html', '_core.js', '_rows.js'],
  },
  'src/features/charts/minutes-by-peer-chart.tsx': { file: 'assets/chart-7.js' },
};

describe('the code a long history’s page announces', () => {
  it('is the reader and the table with what they import, less what the first load brings, each once', () => {
    expect(longHistoryCode(MANIFEST, '/')).toEqual([
      '/assets/peer-events-quick-5.js',
      '/assets/quick-read-3.js',
      '/assets/timeline-card-6.js',
      '/assets/rows-4.js',
    ]);
  });

  it('is under the base path', () => {
    expect(longHistoryCode(MANIFEST, '/inspector/')[0]).toBe(
      '/inspector/assets/peer-events-quick-5.js',
    );
  });

  it('is nothing for a build that does not name both modules', () => {
    const { 'src/api/peer-events-quick.ts': _, ...other } = MANIFEST;
    expect(longHistoryCode(other, '/')).toEqual([]);
  });

  it('is read from the build’s manifest, and is nothing without one', () => {
    const dist = mkdtempSync(join(tmpdir(), 'pi-manifest-'));
    try {
      expect(readLongHistoryCode(dist, '/')).toEqual([]);
      mkdirSync(join(dist, '.vite'));
      for (const unreadable of ['{ not json', 'null', '[]', '42']) {
        writeFileSync(join(dist, '.vite', 'manifest.json'), unreadable);
        expect(readLongHistoryCode(dist, '/'), unreadable).toEqual([]);
      }
      writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
      expect(readLongHistoryCode(dist, '/')).toEqual(longHistoryCode(MANIFEST, '/'));
      expect(readLongHistoryCode(dist, '/')).toHaveLength(4);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
