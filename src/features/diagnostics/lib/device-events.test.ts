import { describe, expect, it } from 'vitest';
import { DEVICE_EVENT_LEAD_MS, deviceEvents, withDeviceEvents } from './device-events';
import { incidentsOf } from './merge';
import { figureOf, type Symptom } from './symptom';

const T0 = Date.UTC(2026, 10, 21, 15, 38);
const MIN = 60_000;

const event = (atMs: number, name: string, metadata: Record<string, unknown>) => ({
  atMs,
  name,
  peerId: 'peer-a',
  metadata,
});

const symptom = (direction: Symptom['direction']): Symptom => ({
  severity: 'poor',
  cause: direction === 'device' ? 'device' : 'network',
  direction,
  window: { startMs: T0, endMs: T0 + 10 * MIN },
  figure: figureOf('audio MOS', 2, '', { higherIsWorse: false }),
  threshold: 't',
  peerId: 'peer-a',
  focus: null,
});

describe('device events', () => {
  const events = deviceEvents([
    event(T0 - 10_000, 'device_change', { kind: 'videoinput', label: 'Logitech BRIO' }),
    event(T0, 'media_permission', { audio: 'granted', video: 'granted' }),
    event(T0 + MIN, 'media_permission', { audio: 'granted', video: 'denied' }),
    event(T0 + 2 * MIN, 'room_left', { reason: 'user_left' }),
  ]);

  it('are device changes and refused permissions, in words', () => {
    expect(events.map((e) => e.text)).toEqual([
      'camera changed to Logitech BRIO',
      'permission: video denied',
    ]);
  });

  it('are named with an incident from a minute before it, and make an unknown direction the device', () => {
    const [unknown] = withDeviceEvents(incidentsOf([symptom('unknown')]), events);
    expect(unknown).toMatchObject({ cause: 'device', direction: 'device' });
    expect(unknown?.figures).toContain('camera changed to Logitech BRIO at the time');
    const [uplink] = withDeviceEvents(incidentsOf([symptom('uplink')]), events);
    expect(uplink?.direction).toBe('uplink');
    const early = deviceEvents([
      event(T0 - DEVICE_EVENT_LEAD_MS - 1, 'device_change', { kind: 'audioinput' }),
    ]);
    expect(withDeviceEvents(incidentsOf([symptom('unknown')]), early)[0]?.direction).toBe(
      'unknown',
    );
  });
});
