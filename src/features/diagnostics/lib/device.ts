/** The device and client (`filters=device_info`), as rows, with the user agent kept apart. */
import { isInvalid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import type { Reading } from './precall';

export type Device =
  | {
      readonly kind: 'readings';
      readonly readings: readonly Reading[];
      readonly userAgent: string | null;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly raw: unknown; readonly reason: string };

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');

export function readDevice(participant: Participant): Device {
  const stats = participant.peer_stats;
  if (stats === undefined) return { kind: 'missing' };
  if (isInvalid(stats)) return { kind: 'invalid', raw: stats.raw, reason: stats.reason };
  const d = stats.device_info;
  if (d === undefined) return { kind: 'missing' };
  const readings: Reading[] = [];
  const add = (label: string, value: string | number | undefined | null, note?: string) => {
    if (value !== undefined && value !== null && value !== '') {
      readings.push({ label, value: String(value), note });
    }
  };
  add('Browser', joined(d.browser, d.browser_version));
  add('Engine', d.engine);
  add('Operating system', joined(d.os, d.os_version));
  add('SDK', joined(d.sdk_name, d.sdk_version));
  add('CPU cores', d.cpus);
  // navigator.deviceMemory reports gigabytes, capped at 8 by browsers that report it at all.
  add('Memory', d.memory === undefined ? undefined : `${d.memory} GB`);
  add('Mobile', d.is_mobile === undefined ? undefined : d.is_mobile ? 'yes' : 'no');
  if (d.webgl_support !== undefined) {
    const webgl =
      typeof d.webgl_support === 'boolean' ? (d.webgl_support ? 'yes' : 'no') : d.webgl_support;
    add('WebGL', webgl, typeof d.webgl_support === 'boolean' ? 'sent as true/false' : undefined);
  }
  return { kind: 'readings', readings, userAgent: d.user_agent ?? null };
}
