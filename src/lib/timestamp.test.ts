import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp';

const at = Date.UTC(2026, 10, 21, 14, 30, 0);

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-21T14:30:00Z', at, undefined],
    ['2026-11-21T14:30:00.000Z', at, undefined],
    ['2026-11-21T14:30:00.1234567Z', at + 123, undefined],
    ['2026-11-21T15:30:00+01:00', at, undefined],
    ['2026-11-21T09:30:00-0500', at, undefined],
    ['2026-11-21 14:30:00', at, 'no time zone, UTC assumed'],
    ['2026-11-21T14:30:00.000Z\\"', at, 'stray quote removed'],
    [at / 1000, at, 'epoch seconds'],
    [at, at, 'epoch milliseconds'],
    [String(at), at, 'epoch milliseconds'],
  ])('reads %j', (raw, ms, note) => {
    const result = parseTimestamp(raw);
    expect(result).toEqual({ ok: true, value: note ? { ms, raw, note } : { ms, raw } });
  });

  it.each([
    ['created_at', 'not a date and time'],
    ['', 'empty timestamp'],
    ['2026-02-30T10:00:00Z', 'impossible date or time'],
    ['2026-11-21T25:00:00Z', 'impossible date or time'],
    ['1899-01-01T00:00:00Z', 'year outside 2000–2099'],
    [-5, 'not a positive epoch'],
    [42, 'epoch outside 2000–2099'],
    [null, 'expected a timestamp, got object'],
    [true, 'expected a timestamp, got boolean'],
  ])('refuses %j', (raw, reason) => {
    expect(parseTimestamp(raw)).toEqual({ ok: false, reason });
  });
});

describe('the canonical fast path', () => {
  it('reads exactly what the general reader reads, for every form near it', () => {
    const samples = [
      '2026-11-21T14:00:12.400Z',
      '2000-01-01T00:00:00.000Z',
      '2099-12-31T23:59:59.999Z',
      '2024-02-29T12:00:00.000Z',
      '2026-02-29T12:00:00.000Z',
      '2026-04-31T12:00:00.000Z',
      '2026-11-21T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
      '2100-01-01T00:00:00.000Z',
      '2026-11-21T14:00:12.4a0Z',
      '2026-11-21 14:00:12.400Z',
    ];
    for (let i = 0; i < 500; i++) {
      samples.push(new Date(Date.UTC(2000, 0, 1) + i * 7_919_000_123).toISOString());
    }
    for (const text of samples) {
      // The general reader, reached by a form the fast path does not take (a lower-case z).
      const general = parseTimestamp(`${text.slice(0, -1)}z`);
      const fast = parseTimestamp(text);
      expect(fast.ok, text).toBe(general.ok);
      if (fast.ok && general.ok) expect(fast.value.ms, text).toBe(general.value.ms);
    }
  });
});
