/** The device and client (`filters=device_info`), as rows, with the user agent kept apart. */
import type { Participant } from '../../../api/participant-schema';
import type { Reading } from './precall';
import { statsSection, type Unread } from './section';

export type Device =
  | {
      readonly kind: 'readings';
      readonly readings: readonly Reading[];
      readonly userAgent: string | null;
    }
  | Unread;

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');

export function readDevice(participant: Participant): Device {
  const found = statsSection(participant, 'device_info');
  if (found.kind !== 'found') return found;
  const d = found.section;
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
