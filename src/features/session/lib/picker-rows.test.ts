import { describe, expect, it } from 'vitest';
import { invalid } from '../../../api/lenient';
import { hasNextPage, pickerRows, rangeText, rowLabel } from './picker-rows';

describe('pickerRows', () => {
  it('reads each entry, flags an unreadable one, and keeps keys unique', () => {
    const rows = pickerRows([
      {
        id: 'p-1',
        display_name: '<b>x</b>',
        joined_at: { ms: 1, raw: 'a' },
        left_at: { ms: 2, raw: 'b' },
        duration: 3,
      },
      { id: 'p-1', display_name: ' ', joined_at: { ms: 1, raw: 'a' } },
      invalid('junk', 'expected a participant object, got a string'),
    ]);
    expect(rows.map((r) => [r.id, r.inSession, r.minutes])).toEqual([
      ['p-1', false, 3],
      ['p-1', true, null],
      [null, false, null],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(rows.map(rowLabel)).toEqual(['<b>x</b>', 'p-1', 'unreadable entry']);
    expect(rows[2]?.problem?.raw).toBe('junk');
  });

  it('writes out direction overrides in a name, so a label cannot be made to read otherwise', () => {
    const [row] = pickerRows([{ id: 'p-2', display_name: '\u202Eevil' }]);
    expect(row && rowLabel(row)).toBe('⟦U+202E⟧evil');
  });
});

describe('paging text', () => {
  it('says which rows are shown, 1-based, and whether more follow', () => {
    expect(rangeText(0, 20, 20, 312)).toBe('1–20 of 312');
    expect(rangeText(15, 20, 12, 312)).toBe('301–312 of 312');
    expect(rangeText(0, 20, 0, 0)).toBe('0 of 0');
    expect(rangeText(1, 20, 20, undefined)).toBe('21–40');
    expect(hasNextPage(14, 20, 20, 312)).toBe(true);
    expect(hasNextPage(15, 20, 12, 312)).toBe(false);
    expect(hasNextPage(0, 20, 20, undefined)).toBe(true);
    expect(hasNextPage(0, 20, 7, undefined)).toBe(false);
  });
});
