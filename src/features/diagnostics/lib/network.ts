/**
 * Network and location as a peer report describes them (docs/UPSTREAM.md, "Peer report"):
 * `ip_information` (place, time zone, network owner) and the latest `pc_metadata` entry
 * (network type, which paths worked). Personal data, masked on request like the filters'.
 */
import { isInvalid, valid } from '../../../api/lenient';
import type { PeerReportParticipant, ReportMetadata } from '../../../api/peer-report-schema';
import { type LocationReadings, placeOf } from './location';
import { reportOf } from './peer-report';
import type { Reading } from './section';

const reachable = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? 'reachable' : 'not reachable';

/** The connection's network, from the last pc_metadata entry (each peer connection adds one). */
function pathReadings(pcMetadata: ReportMetadata['pc_metadata']): Reading[] {
  const list = valid(pcMetadata);
  if (!list) return [];
  const entries = list.flatMap((item) => (isInvalid(item) ? [] : [item]));
  const at = (item: (typeof entries)[number]) => valid(item.timestamp)?.ms ?? 0;
  const last = entries.reduce<(typeof entries)[number] | undefined>(
    (latest, item) => (latest === undefined || at(item) >= at(latest) ? item : latest),
    undefined,
  );
  if (!last) return [];
  const note = entries.length > 1 ? `the latest of ${entries.length} peer connections` : undefined;
  const rows: Array<[string, string | undefined]> = [
    ['Network type', valid(last.effective_network_type)],
    ['Direct (reflexive) connectivity', reachable(valid(last.reflexive_connectivity))],
    ['Relay connectivity', reachable(valid(last.relay_connectivity))],
    ['TURN connectivity', reachable(valid(last.turn_connectivity))],
  ];
  return rows.flatMap(([label, value]) => (value ? [{ label, value, note }] : []));
}

/** Null when the report says nothing about the participant's network. */
export function readReportNetwork(report: PeerReportParticipant): LocationReadings | null {
  const metadata = valid(reportOf(report)?.metadata);
  const ip = metadata?.ip_information;
  const read = valid(ip);
  const owner = valid(read?.org);
  const name = valid(valid(read?.asn)?.name);
  // The network's owner: `org`, with the ASN's own name when `org` does not already say it.
  const org = owner && name && !owner.includes(name) ? `${owner} (${name})` : (read?.org ?? name);
  const place = placeOf({ ...read, org });
  const readings = [...place.readings, ...pathReadings(metadata?.pc_metadata)];
  if (isInvalid(ip)) readings.push({ label: 'IP information', value: 'invalid', invalid: ip });
  return readings.length > 0 ? { ...place, readings } : null;
}
