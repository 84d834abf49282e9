import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../lib/timestamp';
import { quickTimestamp, SLOW } from './quick-read';

describe('a timestamp read by hand', () => {
  it('is what the schemas read, whatever came before it, in order and out of it', () => {
    const texts: unknown[] = [];
    // In time order, as a history's and a report's come (most in the minute of the one before),
    // across minutes, hours, days, months and years.
    for (const start of [Date.UTC(2026, 10, 21, 14, 0, 55), Date.UTC(2025, 11, 31, 23, 59, 58)]) {
      for (let i = 0; i < 300; i++) texts.push(new Date(start + i * 137).toISOString());
    }
    // Each after one in the same minute: bad seconds, fractions and separators, other forms.
    for (const odd of [
      '2026-11-21T14:00:60.000Z',
      '2026-11-21T14:00:1x.000Z',
      '2026-11-21T14:00x12.400Z',
      '2026-11-21T14:00:12.40xZ',
      '2026-11-21T14:00:12,400Z',
      '2026-11-21T14:00:12.4000',
      '2026-11-21T14:00:12.40 Z',
      '"2026-11-21T14:00:12.400Z"',
      '2026-11-21 14:00:12.400Z',
      '2026-11-21 14:00:13.500Z',
      '2026-11-21T14:00:12.400+01:00',
      1_795_269_612,
      null,
      '',
    ]) {
      texts.push('2026-11-21T14:00:11.000Z', odd);
    }
    // The same minute written with a space for the T, one after another (that minute is then
    // the one remembered), a bad second amid them.
    texts.push(
      '2026-11-21 14:00:13.500Z',
      '2026-11-21 14:00:14.000Z',
      '2026-11-21 14:00:60.000Z',
      '2026-11-21 14:00:15.250Z',
      '2026-11-21T14:00:15.250Z',
    );
    // Out of order: a minute read before, then others, then back.
    texts.push('2026-04-30T23:59:59.999Z', '2026-04-31T00:00:00.000Z', '2099-12-31T23:59:59.999Z');
    texts.push('2026-11-21T14:00:12.400Z', '2000-01-01T00:00:00.000Z', '2026-11-21T14:00:12.401Z');
    for (const raw of texts) {
      const schema = parseTimestamp(raw);
      const quick = quickTimestamp(raw);
      if (!schema.ok) expect(quick, String(raw)).toBe(SLOW);
      else expect(quick, String(raw)).toEqual(schema.value);
    }
  });
});
