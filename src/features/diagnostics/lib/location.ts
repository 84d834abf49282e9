/** Network and location (`filters=ip_information`), as rows: personal data, masked on request. */
import { type Invalid, valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import { type Reading, statsSection, type Unread, unreadableFields } from './section';

export type LocationReadings = {
  readonly kind: 'readings';
  readonly readings: readonly Reading[];
  readonly timezone: string | null;
};

export type Location = LocationReadings | Unread;

type Text = string | Invalid | undefined;

/** The fields `ip_information` sends, in `peer_stats` and in a peer report alike. */
export type PlaceFields = {
  readonly ipv4?: Text;
  readonly city?: Text;
  readonly region?: Text;
  readonly country?: Text;
  readonly org?: Text;
  readonly timezone?: Text;
  readonly ip_location?: Text;
};

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

/** The address, place, network owner and time zone, each unreadable field flagged. */
export function placeOf(ip: PlaceFields): LocationReadings {
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

export function readLocation(participant: Participant): Location {
  const found = statsSection(participant, (s) => s.ip_information);
  return found.kind === 'found' ? placeOf(found.section) : found;
}
