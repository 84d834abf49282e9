import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { participantSchema } from '../../../api/participant-schema';
import { readDevice } from './device';
import { readLocation, timeIn } from './location';
import { readPrecall } from './precall';

const participant = (peer_stats: unknown) => z.parse(participantSchema, { id: 'p', peer_stats });

describe('readPrecall', () => {
  it('reads the documented spellings, decides units out loud and grades each reading', () => {
    const result = readPrecall(
      participant({
        precall_network_information: {
          rtt: 320,
          backend_rtt: '45',
          jitter: 0.042,
          fractional_loss: 0.061,
          throughtput: 640,
          effective_networktype: '3g',
          reflexive_connectivity: false,
          relay_connectivity: true,
          turn_connectivity: true,
        },
      }),
    );
    expect(result.kind).toBe('readings');
    if (result.kind !== 'readings') return;
    const by = Object.fromEntries(result.readings.map((r) => [r.label, r]));
    expect(by['Round trip (RTT)']).toMatchObject({ value: '320 ms', level: 'degraded' });
    expect(by['Backend RTT']).toMatchObject({ value: '45 ms', level: 'good' });
    // 0.042 is excellent in milliseconds and poor in seconds: shown both ways, not graded.
    expect(by.Jitter).toMatchObject({
      value: '42 ms if seconds, 0 ms if milliseconds',
      level: undefined,
      note: 'sent as 0.042: the unit is ambiguous, so it is not graded',
    });
    expect(by['Packet loss']).toMatchObject({ value: '6.1 %', level: 'poor' });
    expect(by.Throughput).toMatchObject({
      value: '640 kbps',
      note: 'read as kbps; sent as "throughtput" (sic)',
    });
    expect(by['Network type']?.value).toBe('3g');
    expect(result.relayOnly).toBe(true);
  });

  it('takes the corrected spellings and percent loss, and says when nothing was sent', () => {
    const result = readPrecall(
      participant({
        precall_network_information: {
          throughput: 9000,
          effective_network_type: '4g',
          fractional_loss: 3,
          jitter: 12,
        },
      }),
    );
    if (result.kind !== 'readings') throw new Error(result.kind);
    const by = Object.fromEntries(result.readings.map((r) => [r.label, r]));
    expect(by.Throughput).toMatchObject({ value: '9,000 kbps', note: 'read as kbps' });
    expect(by['Packet loss']).toMatchObject({ value: '3 %', level: 'degraded' });
    expect(by.Jitter).toMatchObject({ value: '12 ms', note: 'read as milliseconds' });
    expect(result.relayOnly).toBe(false);
    expect(readPrecall(participant(undefined))).toEqual({ kind: 'missing' });
    expect(readPrecall(participant({ device_info: {} }))).toEqual({ kind: 'missing' });
    expect(readPrecall(participant('not stats')).kind).toBe('invalid');
  });
});

describe('readDevice', () => {
  it('grades the value as shown, and jitter under 1 only when both units agree', () => {
    const result = readPrecall(
      participant({
        precall_network_information: { rtt: 200.04, jitter: 0.02, fractional_loss: 0.04996 },
      }),
    );
    if (result.kind !== 'readings') throw new Error(result.kind);
    const by = Object.fromEntries(result.readings.map((r) => [r.label, r]));
    expect(by['Round trip (RTT)']).toMatchObject({ value: '200 ms', level: 'good' });
    expect(by['Packet loss']).toMatchObject({ value: '5 %', level: 'poor' });
    // 0.02 s is 20 ms: good either way, so it is graded.
    expect(by.Jitter).toMatchObject({ level: 'good', note: 'sent as 0.02: the unit is ambiguous' });
  });

  it('reads the device, WebGL as a string or a boolean, and keeps the user agent apart', () => {
    const result = readDevice(
      participant({
        device_info: {
          browser: 'Chrome',
          browser_version: '142',
          os: 'macOS',
          os_version: '15.6',
          sdk_name: 'web-core',
          sdk_version: '1.35.2',
          cpus: 10,
          memory: 8,
          is_mobile: false,
          webgl_support: true,
          user_agent: 'Mozilla/5.0',
        },
      }),
    );
    if (result.kind !== 'readings') throw new Error(result.kind);
    expect(result.readings.map((r) => [r.label, r.value])).toEqual([
      ['Browser', 'Chrome 142'],
      ['Operating system', 'macOS 15.6'],
      ['SDK', 'web-core 1.35.2'],
      ['CPU cores', '10'],
      ['Memory', '8 GB'],
      ['Mobile', 'no'],
      ['WebGL', 'yes'],
    ]);
    expect(result.userAgent).toBe('Mozilla/5.0');
  });
});

describe('readLocation', () => {
  it('reads the place and the time zone, and tells the participant’s time', () => {
    const result = readLocation(
      participant({
        ip_information: {
          ipv4: '198.51.100.23',
          city: 'Lisbon',
          region: 'Lisbon',
          country: 'PT',
          timezone: 'Europe/Lisbon',
          org: 'AS3243 MEO',
        },
      }),
    );
    if (result.kind !== 'readings') throw new Error(result.kind);
    expect(result.readings.map((r) => [r.label, r.value])).toEqual([
      ['IP address', '198.51.100.23'],
      ['Place', 'Lisbon, Lisbon, PT'],
      ['Organisation / ASN', 'AS3243 MEO'],
      ['Time zone', 'Europe/Lisbon'],
    ]);
    expect(timeIn('Europe/Lisbon', Date.UTC(2026, 10, 21, 14, 5))).toMatch(/^02:05 PM GMT/);
    expect(timeIn('Asia/Tokyo', Date.UTC(2026, 10, 21, 14, 5))).toMatch(/^11:05 PM/);
    expect(timeIn('Not/AZone', 0)).toBeNull();
  });
});

describe('one odd field in a section', () => {
  it('is flagged where it stands, with its raw value, and the rest of the section still reads', () => {
    const stats = participant({
      device_info: { browser: 'Chrome', browser_version: '142', is_mobile: 'yes', cpus: '8' },
      precall_network_information: { rtt: 'fast', jitter: 12, relay_connectivity: 'maybe' },
      ip_information: { city: 'Lagos', country: 42 },
    });
    const device = readDevice(stats);
    if (device.kind !== 'readings') throw new Error(device.kind);
    const byDevice = Object.fromEntries(device.readings.map((r) => [r.label, r]));
    expect(byDevice.Browser?.value).toBe('Chrome 142');
    expect(byDevice['CPU cores']?.value).toBe('8');
    expect(byDevice.Mobile?.invalid).toMatchObject({
      raw: 'yes',
      reason: 'expected true or false, got a string',
    });

    const precall = readPrecall(stats);
    if (precall.kind !== 'readings') throw new Error(precall.kind);
    const byPrecall = Object.fromEntries(precall.readings.map((r) => [r.label, r]));
    expect(byPrecall.Jitter?.value).toBe('12 ms');
    expect(byPrecall['Round trip (RTT)']?.invalid).toMatchObject({
      raw: 'fast',
      reason: 'expected a number, got a value that is not a number',
    });
    expect(byPrecall['Relay connectivity']?.invalid?.raw).toBe('maybe');
    // An unreadable relay flag is not evidence of relay-only connectivity.
    expect(precall.relayOnly).toBe(false);

    const location = readLocation(stats);
    if (location.kind !== 'readings') throw new Error(location.kind);
    expect(location.readings.find((r) => r.label === 'Place')?.value).toBe('Lagos');
    expect(location.readings.find((r) => r.label === 'Country')?.invalid?.raw).toBe(42);
  });

  it('makes only that section unreadable when the section itself is not an object', () => {
    const stats = participant({ device_info: 'n/a', precall_network_information: { rtt: 40 } });
    expect(readDevice(stats)).toMatchObject({ kind: 'invalid', raw: 'n/a' });
    expect(readPrecall(stats).kind).toBe('readings');
  });
});
