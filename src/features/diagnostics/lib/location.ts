/** Network and location (`filters=ip_information`), as rows: personal data, masked on request. */
import type { Participant } from '../../../api/participant-schema';
import type { Reading } from './precall';
import { statsSection, type Unread } from './section';

export type Location =
  | {
      readonly kind: 'readings';
      readonly readings: readonly Reading[];
      readonly timezone: string | null;
    }
  | Unread;

/** The time now in an IANA zone, or null when the zone is unknown to this browser. */
export function timeIn(timezone: string, at: number): string | null {
  try {
    return new Intl.DateTimeFormat('en', {
      timeZone: timezone,
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  } catch {
    return null;
  }
}

export function readLocation(participant: Participant): Location {
  const found = statsSection(participant, 'ip_information');
  if (found.kind !== 'found') return found;
  const ip = found.section;
  const readings: Reading[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) readings.push({ label, value });
  };
  add('IP address', ip.ipv4);
  add('Place', [ip.city, ip.region, ip.country].filter(Boolean).join(', '));
  add('Organisation / ASN', ip.org);
  add('Time zone', ip.timezone);
  add('Coordinates', ip.ip_location);
  return { kind: 'readings', readings, timezone: ip.timezone ?? null };
}
