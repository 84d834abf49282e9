import { describe, expect, it } from 'vitest';
import { makeClock, PENDING_TIME } from './clock';

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

describe('makeClock without the agent’s zone and locale (a first visit’s server paint)', () => {
  it('leaves the agent’s own times pending, never a guessed zone', () => {
    const mine = makeClock('mine', 'Asia/Tokyo', null);
    expect(mine.time(AT)).toBe(PENDING_TIME);
    expect(mine.format(AT)).toContain(PENDING_TIME);
    expect(mine.format(AT)).not.toMatch(/\d/);
    expect(mine.label).toBe('your time');
    // Their time needs no agent: it is shown beside as always.
    expect(mine.companion?.time(AT)).toBe('23:00:12');
  });

  it('shows times on a zone the link names, dates (the agent’s locale) still pending', () => {
    const utc = makeClock('utc', null, null);
    expect(utc.time(AT)).toBe('14:00:12');
    expect(utc.format(AT)).not.toMatch(/\d/);
    const theirs = makeClock('participant', 'Asia/Tokyo', null);
    expect(theirs.time(AT)).toBe('23:00:12');
    expect(theirs.companion?.time(AT)).toBe(PENDING_TIME);
    // Their zone unknown: the agent's clock, so pending.
    expect(makeClock('participant', null, null).time(AT)).toBe(PENDING_TIME);
  });

  it('pending takes the room of a time: one figure dash per digit', () => {
    expect(PENDING_TIME).toHaveLength('14:00:12'.length);
    expect(PENDING_TIME.replace(/\u2012/g, '0')).toBe('00:00:00');
  });
});
