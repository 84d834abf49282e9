import { describe, expect, it } from 'vitest';
import type { Direction } from './finding';
import { directionOf, incidentsOf, MERGE_GAP_MS } from './merge';
import { figureOf, type Symptom } from './symptom';

const T0 = Date.UTC(2026, 10, 21, 15, 4);
const MIN = 60_000;

function symptom(
  fromMin: number,
  toMin: number,
  overrides: Partial<Symptom> & { figure?: Symptom['figure'] } = {},
): Symptom {
  return {
    severity: 'degraded',
    cause: 'network',
    direction: 'uplink',
    window: { startMs: T0 + fromMin * MIN, endMs: T0 + toMin * MIN },
    figure: figureOf('audio jitter', 35, ' ms', { higherIsWorse: true, side: 'sent' }),
    threshold: 'jitter threshold',
    peerId: 'peer-a',
    focus: { peerId: 'peer-a', series: 'audio_producer' },
    ...overrides,
  };
}

describe('incidentsOf', () => {
  it('makes one incident of symptoms that overlap and share a cause, with the worst of each figure', () => {
    const [incident, ...rest] = incidentsOf([
      symptom(0, 10),
      symptom(2, 6, {
        severity: 'poor',
        figure: figureOf('audio jitter', 94, ' ms', { higherIsWorse: true, side: 'sent' }),
        focus: { peerId: 'peer-a', series: 'video_producer' },
      }),
      symptom(4, 8, {
        figure: figureOf('audio MOS', 1.2, '', { higherIsWorse: false, digits: 1, side: 'sent' }),
      }),
    ]);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({
      severity: 'poor',
      cause: 'network',
      direction: 'uplink',
      window: { startMs: T0, endMs: T0 + 10 * MIN },
      focus: { peerId: 'peer-a', series: 'video_producer' },
      peerIds: ['peer-a'],
      merged: 3,
    });
    expect(incident?.figures).toEqual([
      'audio jitter up to 94 ms (sent)',
      'audio MOS down to 1.2 (sent)',
    ]);
    expect(incident?.headline).toBe('Poor network on their side: what they sent');
    expect(incident?.explanation).toContain('Others would have struggled to hear or see them');
  });

  it('joins symptoms up to MERGE_GAP_MS apart, not one millisecond more', () => {
    const gap = MERGE_GAP_MS / MIN;
    expect(incidentsOf([symptom(0, 5), symptom(5 + gap, 9)])).toHaveLength(1);
    const apart = incidentsOf([
      symptom(0, 5),
      {
        ...symptom(5 + gap, 9),
        window: { startMs: T0 + 5 * MIN + MERGE_GAP_MS + 1, endMs: T0 + 9 * MIN },
      },
    ]);
    expect(apart.map((i) => i.window.startMs)).toEqual([T0, T0 + 5 * MIN + MERGE_GAP_MS + 1]);
  });

  it('keeps causes apart: a device and a network at the same time are two incidents', () => {
    const found = incidentsOf([
      symptom(0, 10),
      symptom(0, 10, { cause: 'device', direction: 'device', severity: 'poor' }),
    ]);
    expect(found.map((i) => [i.cause, i.direction, i.headline])).toEqual([
      ['network', 'uplink', 'Degraded network on their side: what they sent'],
      ['device', 'device', 'Poor video from their device'],
    ]);
  });

  it('prefers a figure whose direction is known to the same one from quality_stats', () => {
    const [incident] = incidentsOf([
      symptom(0, 5, {
        direction: 'unknown',
        figure: figureOf('audio jitter', 50, ' ms', { higherIsWorse: true }),
      }),
      symptom(0, 5),
    ]);
    expect(incident?.figures).toEqual(['audio jitter up to 35 ms (sent)']);
  });
});

describe('directionOf', () => {
  const of = (...directions: Direction[]) =>
    directionOf(directions.map((d) => symptom(0, 1, { direction: d })));

  it('tells what they sent, what they received, both, or neither', () => {
    expect(of('uplink')).toBe('uplink');
    expect(of('uplink', 'unknown')).toBe('uplink');
    expect(of('downlink')).toBe('downlink');
    expect(of('uplink', 'downlink')).toBe('both');
    expect(of('unknown')).toBe('unknown');
  });

  it('keeps another participant’s side apart, one incident per sender', () => {
    const remote = (peerId: string) =>
      symptom(0, 5, { direction: 'remote', remote: { peerId, senders: 3 } });
    const found = incidentsOf([symptom(0, 5), remote('remote-a'), remote('remote-b')]);
    expect(found.map((i) => i.direction).sort()).toEqual(['remote', 'remote', 'uplink']);
    expect(found.find((i) => i.direction === 'remote')?.headline).toMatch(
      /^Degraded media from one other participant \(peer remote-\w\)$/,
    );
  });

  it('says whose side is unknown when the one bad sender was the only one', () => {
    const [incident] = incidentsOf([
      symptom(0, 1, { direction: 'downlink', remote: { peerId: 'remote-a', senders: 1 } }),
    ]);
    expect(incident?.direction).toBe('downlink');
    expect(incident?.headline).toBe(
      'Degraded media received from the one other sender (peer remote-a)',
    );
    expect(incident?.explanation).toContain('it is not known whether');
  });
});
