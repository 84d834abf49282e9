/** The device and client (`filters=device_info`), as rows, with the user agent kept apart. */
import { valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import { type Reading, statsSection, type Unread, unreadableFields } from './section';

export type Device =
  | {
      readonly kind: 'readings';
      readonly readings: readonly Reading[];
      readonly userAgent: string | null;
    }
  | Unread;

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');

const FIELD_LABELS = {
  browser: 'Browser',
  browser_version: 'Browser version',
  engine: 'Engine',
  os: 'Operating system',
  os_version: 'OS version',
  sdk_name: 'SDK',
  sdk_version: 'SDK version',
  cpus: 'CPU cores',
  memory: 'Memory',
  is_mobile: 'Mobile',
  webgl_support: 'WebGL',
  user_agent: 'User agent',
};

export function readDevice(participant: Participant): Device {
  const found = statsSection(participant, (s) => s.device_info);
  if (found.kind !== 'found') return found;
  const d = found.section;
  const readings: Reading[] = [];
  const add = (label: string, value: string | number | undefined | null, note?: string) => {
    if (value !== undefined && value !== null && value !== '') {
      readings.push({ label, value: String(value), note });
    }
  };
  add('Browser', joined(valid(d.browser), valid(d.browser_version)));
  add('Engine', valid(d.engine));
  add('Operating system', joined(valid(d.os), valid(d.os_version)));
  add('SDK', joined(valid(d.sdk_name), valid(d.sdk_version)));
  add('CPU cores', valid(d.cpus));
  const memory = valid(d.memory);
  // navigator.deviceMemory reports gigabytes, capped at 8 by browsers that report it at all.
  add('Memory', memory === undefined ? undefined : `${memory} GB`);
  const mobile = valid(d.is_mobile);
  add('Mobile', mobile === undefined ? undefined : mobile ? 'yes' : 'no');
  const webgl = valid(d.webgl_support);
  if (webgl !== undefined) {
    // Seen both ways in the wild: a capability string ("webgl2") or a plain true/false.
    if (typeof webgl === 'boolean') add('WebGL', webgl ? 'yes' : 'no', 'sent as true/false');
    else add('WebGL', webgl);
  }
  readings.push(...unreadableFields(d, FIELD_LABELS));
  return { kind: 'readings', readings, userAgent: valid(d.user_agent) ?? null };
}
