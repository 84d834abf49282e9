import { describe, expect, it } from 'vitest';
import { customDefaults, fromFieldValue, readRangeFields, toFieldValue } from './range-fields';

const NOW = Date.UTC(2026, 11, 7, 11, 30);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe('the range fields', () => {
  it('write and read a datetime-local value on UTC', () => {
    expect(toFieldValue(Date.UTC(2026, 11, 6, 13, 5), true)).toBe('2026-12-06T13:05');
    expect(fromFieldValue('2026-12-06T13:05', true)).toBe(Date.UTC(2026, 11, 6, 13, 5));
    expect(fromFieldValue('yesterday', true)).toBeNaN();
  });

  it('read a preset, a custom interval, or say what is wrong', () => {
    expect(readRangeFields(form({ range: 'yesterday' }), true, NOW)).toEqual({
      ok: true,
      range: 'yesterday',
    });
    expect(
      readRangeFields(
        form({ range: 'custom', from: '2026-12-06T13:00', to: '2026-12-06T17:00' }),
        true,
        NOW,
      ),
    ).toEqual({
      ok: true,
      range: { startMs: Date.UTC(2026, 11, 6, 13), endMs: Date.UTC(2026, 11, 6, 17) },
    });
    expect(readRangeFields(form({ range: 'custom', from: '', to: '' }), true, NOW)).toEqual({
      ok: false,
      message: 'Give the custom range a start and an end date and time.',
    });
    const old = readRangeFields(
      form({ range: 'custom', from: '2026-10-01T00:00', to: '2026-10-02T00:00' }),
      true,
      NOW,
    );
    expect(old).toMatchObject({ ok: false, message: expect.stringMatching(/30 days/) });
  });

  it('start the custom fields on the link’s interval, else the last 24 hours', () => {
    expect(customDefaults('today', NOW)).toEqual({ startMs: NOW - 86_400_000, endMs: NOW });
    const window = { startMs: 1, endMs: 2 };
    expect(customDefaults(window, NOW)).toBe(window);
  });
});
