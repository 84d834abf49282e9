import { describe, expect, it } from 'vitest';
import {
  formatDurationMinutes,
  formatDurationMs,
  formatMinutes,
  formatOffset,
  formatRaw,
  formatRelative,
  formatUtc,
  shortId,
} from './format';

describe('formatDurationMs', () => {
  it.each([
    [0, '0 s'],
    [12_400, '12 s'],
    [47 * 60_000 + 19_000, '47 min 19 s'],
    [(3600 + 23 * 60 + 5) * 1000, '1 h 23 min 05 s'],
    [(2 * 86_400 + 3 * 3600 + 4 * 60) * 1000, '2 d 3 h 04 min'],
    [-65_000, '−1 min 05 s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });

  it('reads API minutes, rounded to the second', () => {
    expect(formatDurationMinutes(5.8097)).toBe('5 min 49 s');
    expect(formatDurationMinutes(83.0833)).toBe('1 h 23 min 05 s');
  });
});

describe('formatMinutes, formatOffset, formatUtc, formatRelative, formatRaw', () => {
  it('writes minutes with two decimals and thousands separators', () => {
    expect(formatMinutes(47.3142)).toBe('47.31 min');
    expect(formatMinutes(12345.6)).toBe('12,345.60 min');
  });

  it('writes offsets from a reference point', () => {
    expect(formatOffset(0)).toBe('+0:00');
    expect(formatOffset(42_000)).toBe('+0:42');
    expect(formatOffset(3_723_000)).toBe('+1:02:03');
    expect(formatOffset(-4_000)).toBe('−0:04');
    expect(formatOffset(-400)).toBe('+0:00');
  });

  it('writes UTC without milliseconds', () => {
    expect(formatUtc(Date.UTC(2026, 10, 21, 14, 0, 12, 400))).toBe('2026-11-21 14:00:12 UTC');
  });

  it('says how long ago, in the largest fitting unit', () => {
    const now = Date.UTC(2026, 10, 26, 12);
    expect(formatRelative(now - 10_000, now)).toBe('10 seconds ago');
    expect(formatRelative(now - 37 * 60_000, now)).toBe('37 minutes ago');
    expect(formatRelative(now - 5 * 86_400_000, now)).toBe('5 days ago');
    expect(formatRelative(now + 2 * 3600_000, now)).toBe('in 2 hours');
  });

  it('shows raw values as JSON and cuts long ones', () => {
    expect(formatRaw('yesterday')).toBe('"yesterday"');
    expect(formatRaw(-4)).toBe('-4');
    expect(formatRaw({ a: 1 })).toBe('{"a":1}');
    expect(formatRaw('x'.repeat(200), 10)).toBe(`"${'x'.repeat(8)}…`);
  });
});

describe('shortId', () => {
  it('keeps the first 8 characters of a long id', () => {
    expect(shortId('1a2b3c4d-5e6f')).toBe('1a2b3c4d…');
    expect(shortId('short')).toBe('short');
  });
});
