import { describe, expect, it } from 'vitest';
import { countHighlighted, highlightedRows, isHighlighted } from './highlight';

const window = { startMs: 1_000, endMs: 2_000 };
const rows = [
  { atMs: 999 },
  { atMs: 1_000 },
  { atMs: null },
  { atMs: 1_500 },
  { atMs: 2_000 },
  { atMs: 2_001 },
];

describe('the reported window', () => {
  it('holds rows with a time inside it, both ends included', () => {
    expect(rows.map((r) => isHighlighted(window, r))).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(countHighlighted(rows, window)).toBe(3);
    expect(highlightedRows(rows, window)).toEqual([
      { atMs: 1_000 },
      { atMs: 1_500 },
      { atMs: 2_000 },
    ]);
  });

  it('holds nothing when there is no window', () => {
    expect(rows.some((r) => isHighlighted(null, r))).toBe(false);
  });
});
