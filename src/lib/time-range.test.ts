import { describe, expect, it } from 'vitest';
import { offsetAt } from './clock';
import {
  STATS_RETENTION_MS as RETENTION_MS,
  rangeParam,
  rangeProblem,
  readRangeParam,
  resolveRange,
} from './time-range';

const NOW = Date.UTC(2026, 11, 7, 11, 30); // Mon 7 Dec 2026, 11:30 UTC
const utc = () => 0;

describe('resolveRange', () => {
  it('reads today and yesterday as the clock’s calendar days', () => {
    expect(resolveRange('today', NOW, utc)).toEqual({
      startMs: Date.UTC(2026, 11, 7),
      endMs: NOW,
    });
    expect(resolveRange('yesterday', NOW, utc)).toEqual({
      startMs: Date.UTC(2026, 11, 6),
      endMs: Date.UTC(2026, 11, 7) - 1,
    });
    // In Tokyo (UTC+9) it is already 20:30 on the 7th: yesterday began at 15:00 UTC on the 5th.
    const tokyo = (ms: number) => offsetAt(ms, 'Asia/Tokyo');
    expect(resolveRange('yesterday', NOW, tokyo).startMs).toBe(Date.UTC(2026, 11, 5, 15));
    // In Los Angeles (UTC−8) it is 03:30 on the 7th.
    const la = (ms: number) => offsetAt(ms, 'America/Los_Angeles');
    expect(resolveRange('today', NOW, la).startMs).toBe(Date.UTC(2026, 11, 7, 8));
  });

  it('counts the last hour and the last 7 days back from now', () => {
    expect(resolveRange('last-hour', NOW, utc)).toEqual({ startMs: NOW - 3_600_000, endMs: NOW });
    expect(resolveRange('last-7-days', NOW, utc).startMs).toBe(NOW - 7 * 86_400_000);
  });
});

describe('the range in a link', () => {
  it('reads a preset or an interval back as written, and explains anything else', () => {
    expect(readRangeParam('yesterday')).toBe('yesterday');
    const window = { startMs: Date.UTC(2026, 11, 1), endMs: Date.UTC(2026, 11, 3) };
    expect(rangeParam(window)).toBe('2026-12-01T00:00:00Z/2026-12-03T00:00:00Z');
    expect(readRangeParam(rangeParam(window))).toEqual(window);
    expect(readRangeParam(null)).toBeNull();
    expect(readRangeParam('last week')).toEqual({
      problem: 'The time range in the link ("last week") could not be read.',
    });
  });
});

describe('rangeProblem', () => {
  it('refuses what RealtimeKit no longer keeps, reversed ranges and ranges over 30 days', () => {
    expect(rangeProblem({ startMs: NOW - 1000, endMs: NOW }, NOW)).toBeNull();
    expect(rangeProblem({ startMs: NOW, endMs: NOW - 1 }, NOW)).toMatch(/ends before it starts/);
    expect(
      rangeProblem({ startMs: NOW - RETENTION_MS - 2000, endMs: NOW - RETENTION_MS - 1000 }, NOW),
    ).toMatch(/keeps call statistics for 30 days/);
    expect(rangeProblem({ startMs: NOW - RETENTION_MS - 1, endMs: NOW }, NOW)).toMatch(
      /longer than 30 days/,
    );
  });
});
