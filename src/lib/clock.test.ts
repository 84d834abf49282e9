import { describe, expect, it } from 'vitest';
import { makeClock } from './clock';

// 14:00:12 UTC on 21 Nov 2026: 08:00:12 in Mexico City (UTC−6), 23:00:12 in Tokyo (UTC+9).
const AT = Date.UTC(2026, 10, 21, 14, 0, 12);

describe('makeClock', () => {
  it('shows UTC with the participant’s time beside it', () => {
    const clock = makeClock('utc', 'America/Mexico_City');
    expect(clock.time(AT)).toBe('14:00:12');
    expect(clock.label).toBe('UTC');
    expect(clock.companion?.label).toBe('their time');
    expect(clock.companion?.time(AT)).toBe('08:00:12');
  });

  it('shows the participant’s zone, crossing midnight where it does', () => {
    const clock = makeClock('participant', 'Asia/Tokyo');
    expect(clock.time(AT)).toBe('23:00:12');
    expect(clock.format(AT)).toContain('21');
    expect(clock.format(Date.UTC(2026, 10, 21, 16, 0, 0))).toContain('22');
    expect(clock.label).toBe('their time (Asia/Tokyo)');
    expect(clock.companion?.label).toBe('your time');
    expect(clock.fallback).toBeNull();
  });

  it('falls back to the agent’s clock, saying why, when their zone is unknown or absent', () => {
    const unknown = makeClock('participant', 'Mars/Olympus_Mons');
    expect(unknown.timeZone).toBeUndefined();
    expect(unknown.fallback).toBe('their time zone "Mars/Olympus_Mons" is unknown to this browser');
    expect(unknown.companion).toBeNull();
    expect(makeClock('participant', null).fallback).toMatch(/not known/);
    expect(makeClock('mine', null).companion).toBeNull();
  });
});
