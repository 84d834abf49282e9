/** Network and location (`filters=ip_information`), as rows: personal data, masked on request. */
import { valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import { type Reading, statsSection, type Unread, unreadableFields } from './section';

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
  const found = statsSection(participant, (s) => s.ip_information);
  if (found.kind !== 'found') return found;
  const ip = found.section;
  const readings: Reading[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) readings.push({ label, value });
  };
  add('IP address', valid(ip.ipv4));
  add('Place', [valid(ip.city), valid(ip.region), valid(ip.country)].filter(Boolean).join(', '));
  add('Organisation / ASN', valid(ip.org));
  add('Time zone', valid(ip.timezone));
  add('Coordinates', valid(ip.ip_location));
  readings.push(
    ...unreadableFields(ip, {
      ipv4: 'IP address',
      city: 'City',
      region: 'Region',
      country: 'Country',
      org: 'Organisation / ASN',
      timezone: 'Time zone',
      ip_location: 'Coordinates',
    }),
  );
  return { kind: 'readings', readings, timezone: valid(ip.timezone) ?? null };
}
