/**
 * The device and client, as rows, with the user agent kept apart: from `filters=device_info`
 * (older deployments) or from a peer report's metadata (docs/UPSTREAM.md, "Peer report").
 */
import { type Invalid, isInvalid, valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import type { PeerReportParticipant } from '../../../api/peer-report-schema';
import { reportOf } from './peer-report';
import { type Reading, statsSection, type Unread, unreadableFields } from './section';

export type DeviceReadings = {
  readonly kind: 'readings';
  readonly readings: readonly Reading[];
  readonly userAgent: string | null;
};

export type Device = DeviceReadings | Unread;

type Field<T> = T | Invalid | undefined;

/** The fields both sources send, under the names `device_info` gives them. */
type DeviceFields = {
  readonly browser?: Field<string>;
  readonly browser_version?: Field<string>;
  readonly engine?: Field<string>;
  readonly os?: Field<string>;
  readonly os_version?: Field<string>;
  readonly sdk_name?: Field<string>;
  readonly sdk_version?: Field<string>;
  readonly cpus?: Field<number>;
  readonly memory?: Field<number>;
  readonly is_mobile?: Field<boolean>;
  readonly webgl_support?: Field<string | boolean>;
  readonly user_agent?: Field<string>;
};

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

function deviceOf(d: DeviceFields): DeviceReadings {
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

/** The device as `filters=device_info` sent it in `peer_stats`. */
export function readDevice(participant: Participant): Device {
  const found = statsSection(participant, (s) => s.device_info);
  return found.kind === 'found' ? deviceOf(found.section) : found;
}

/**
 * The device as a peer report describes it: `device_info` (OS, CPUs, mobile), the browser's
 * metadata and the SDK. Null when the report says nothing about it.
 */
export function readReportDevice(report: PeerReportParticipant): DeviceReadings | null {
  const metadata = valid(reportOf(report)?.metadata);
  if (!metadata) return null;
  const { device_info: info, browser_metadata: browser } = metadata;
  const device = deviceOf({
    ...valid(browser),
    ...valid(info),
    sdk_name: metadata.sdk_name,
    sdk_version: metadata.sdk_version,
  });
  const whole: Array<[string, unknown]> = [
    ['Device info', info],
    ['Browser metadata', browser],
  ];
  const unreadable = whole.flatMap(([label, value]): Reading[] =>
    isInvalid(value) ? [{ label, value: 'invalid', invalid: value }] : [],
  );
  const readings = [...device.readings, ...unreadable];
  return readings.length > 0 || device.userAgent ? { ...device, readings } : null;
}
