import { describe, expect, it } from 'vitest';
import { offsetAt } from '../../../lib/clock';
import { readWindowParam, windowParam } from '../../../lib/time-window';
import { parseMoment, wallToInstant } from './moment';

// A call from 23:30 to 00:40 Mexico City time (UTC−6): 05:30–06:40 UTC on 21 Nov 2026.
const call = { startMs: Date.UTC(2026, 10, 21, 5, 30), endMs: Date.UTC(2026, 10, 21, 6, 40) };
const mexico = { timeZone: 'America/Mexico_City', call, widthMin: 5 };

describe('parseMoment', () => {
  it('reads a bare time on the call’s own day in the given zone, after midnight too', () => {
    const late = parseMoment('23:45', mexico);
    expect(late).toMatchObject({ ok: true, at: Date.UTC(2026, 10, 21, 5, 45) });
    // 00:20 their time is the next calendar day there, still inside the call.
    expect(parseMoment('00:20', mexico)).toMatchObject({
      ok: true,
      at: Date.UTC(2026, 10, 21, 6, 20),
    });
    if (late.ok) {
      expect(late.window).toEqual({
        startMs: Date.UTC(2026, 10, 21, 5, 40),
        endMs: Date.UTC(2026, 10, 21, 5, 50),
      });
    }
  });

  it('reads 12-hour times, seconds and full dates, in UTC', () => {
    const utc = { ...mexico, timeZone: 'UTC' };
    expect(parseMoment('6:05 am', utc)).toMatchObject({ at: Date.UTC(2026, 10, 21, 6, 5) });
    expect(parseMoment('12:10 a.m.', utc)).toMatchObject({ at: Date.UTC(2026, 10, 21, 0, 10) });
    expect(parseMoment('5:31:30', utc)).toMatchObject({ at: Date.UTC(2026, 10, 21, 5, 31, 30) });
    expect(parseMoment('2026-11-20 18:00', utc)).toMatchObject({
      at: Date.UTC(2026, 10, 20, 18, 0),
    });
  });

  it('says what is wrong with text that is not a time', () => {
    expect(parseMoment('', mexico)).toEqual({ ok: false, message: 'Enter a time.' });
    expect(parseMoment('quarter to four', mexico)).toMatchObject({
      ok: false,
      message: expect.stringContaining('15:45'),
    });
    expect(parseMoment('25:00', mexico)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a time of day'),
    });
    expect(parseMoment('13 pm', mexico)).toMatchObject({ ok: false });
    expect(parseMoment('2026-02-30 10:00', mexico)).toEqual({
      ok: false,
      message: '2026-02-30 is not a date.',
    });
  });
});

describe('zones', () => {
  it('finds the offset, and the instant of a wall time across a DST change', () => {
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Europe/Lisbon')).toBe(3_600_000);
    expect(offsetAt(Date.UTC(2026, 0, 1), 'Europe/Lisbon')).toBe(0);
    expect(wallToInstant({ y: 2026, mo: 3, d: 29, h: 12, mi: 0, s: 0 }, 'Europe/Lisbon')).toBe(
      Date.UTC(2026, 2, 29, 11, 0),
    );
  });
});

describe('the moment parameter', () => {
  it('round-trips and refuses what it cannot read', () => {
    const w = { startMs: Date.UTC(2026, 10, 21, 15, 40), endMs: Date.UTC(2026, 10, 21, 15, 50) };
    expect(windowParam(w)).toBe('2026-11-21T15:40:00Z/2026-11-21T15:50:00Z');
    expect(readWindowParam(windowParam(w))).toEqual(w);
    expect(readWindowParam(null)).toBeNull();
    // Without its Z a time means a different moment in each agent's zone: refused.
    expect(readWindowParam('2026-11-21T15:40:00/2026-11-21T15:50:00')).toHaveProperty('problem');
    expect(readWindowParam('yesterday')).toMatchObject({
      problem: expect.stringContaining('yesterday'),
    });
    expect(readWindowParam('2026-11-21T16:00:00Z/2026-11-21T15:00:00Z')).toHaveProperty('problem');
  });
});
