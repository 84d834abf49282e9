/** Budgets over the real build output (the Vite manifest), not timings: fast and stable. */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { builtText, DIST, manifest } from './build-output';

/** The entry and everything it imports statically: what a deep link loads before any lazy chunk. */
function firstLoad(): string[] {
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  const seen = new Set<string>();
  const visit = (key: string | undefined) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) visit(child);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]?.file ?? '').filter(Boolean);
}

const gzipBytes = (file: string) => gzipSync(readFileSync(`${DIST}/${file}`)).length;

test('first-load JS for a deep link stays within 110 KB gzip', () => {
  const files = firstLoad().filter((f) => f.endsWith('.js'));
  const total = files.reduce((sum, f) => sum + gzipBytes(f), 0);
  expect(files.length).toBeGreaterThan(0);
  expect(total, `first-load JS: ${files.join(', ')}`).toBeLessThanOrEqual(110 * 1024);
});

test('recharts and the table code come only in lazy chunks', () => {
  const first = firstLoad().map(builtText);
  // recharts names its SVG "recharts-surface"; TanStack Table's API keeps its method names.
  for (const marker of ['recharts-surface', 'getToggleSortingHandler']) {
    expect(
      first.some((text) => text.includes(marker)),
      marker,
    ).toBe(false);
  }
  const lazy = Object.values(manifest)
    .filter((c) => !firstLoad().includes(c.file))
    .map((c) => builtText(c.file));
  for (const marker of ['recharts-surface', 'getToggleSortingHandler']) {
    expect(
      lazy.some((text) => text.includes(marker)),
      marker,
    ).toBe(true);
  }
});

test('the peer reports and their chart load only on demand', () => {
  const first = new Set(firstLoad());
  for (const source of [
    'src/features/diagnostics/peer-reports.tsx',
    'src/features/charts/peer-report-chart.tsx',
  ]) {
    const chunk = manifest[source];
    expect(chunk?.file, source).toBeTruthy();
    expect(first.has(chunk?.file ?? ''), source).toBe(false);
  }
});

test('the quality tables and charts load only with quality data', () => {
  const first = new Set(firstLoad());
  for (const source of [
    'src/features/diagnostics/quality-peer.tsx',
    'src/features/charts/quality-charts.tsx',
  ]) {
    const chunk = manifest[source];
    expect(chunk?.file, source).toBeTruthy();
    expect(first.has(chunk?.file ?? ''), source).toBe(false);
  }
});

test('no chunk is over 500 KB raw', () => {
  for (const chunk of Object.values(manifest)) {
    expect(statSync(`${DIST}/${chunk.file}`).size, chunk.file).toBeLessThanOrEqual(500 * 1024);
  }
});
