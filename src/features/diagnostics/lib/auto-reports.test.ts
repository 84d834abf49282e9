import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { valid } from '../../../api/lenient';
import { participantSchema } from '../../../api/participant-schema';
import { peerReportResponseSchema } from '../../../api/peer-report-schema';
import type { PeerTotal } from '../../../lib/peer-spans';
import {
  AUTO_REPORTS,
  autoReportPeers,
  byRecency,
  filtersGap,
  fromSources,
  type LoadedReport,
  MOMENT_REPORTS,
  reportGap,
} from './auto-reports';
import { readDevice, readReportDevice } from './device';
import { readLocation } from './location';
import { readReportNetwork } from './network';

const MIN = 60_000;

/** A peer with its connected spans, [start, end] in minutes. */
function total(peerId: string, ...spans: Array<[number, number]>): PeerTotal {
  const list = spans.map(([start, end]) => ({
    peerId,
    start: start * MIN,
    end: end * MIN,
    open: false,
    unterminated: false,
  }));
  return {
    peerId,
    firstSeen: list[0]?.start ?? 0,
    minutes: 0,
    spans: list,
    connectedMs: list.reduce((sum, s) => sum + s.end - s.start, 0),
  };
}

/** Ten peers one after the other; peer i is connected for i + 1 minutes. */
const TEN = Array.from({ length: 10 }, (_, i) => total(`p${i}`, [i * 20, i * 20 + i + 1]));

describe('autoReportPeers', () => {
  it('loads every peer when there are at most eight', () => {
    const eight = TEN.slice(0, AUTO_REPORTS);
    expect(autoReportPeers(eight, null)).toEqual(eight.map((t) => t.peerId));
    expect(autoReportPeers([], null)).toEqual([]);
  });

  it('past eight, loads the eight longest connected, in the list’s order', () => {
    // p0 (1 min) and p1 (2 min) are the two shortest.
    expect(autoReportPeers(TEN, null)).toEqual(['p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
  });

  it('adds a short peer whose connection covers the reported moment', () => {
    const moment = { startMs: 20.5 * MIN, endMs: 21 * MIN };
    expect(autoReportPeers(TEN, moment)).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
      'p7',
      'p8',
      'p9',
    ]);
    // A moment only touched at the span's end still counts; one between spans adds nobody.
    expect(autoReportPeers(TEN, { startMs: 1 * MIN, endMs: 1 * MIN })).toContain('p0');
    expect(autoReportPeers(TEN, { startMs: 5 * MIN, endMs: 6 * MIN })).toHaveLength(AUTO_REPORTS);
  });

  it('keeps a long history to a handful: the longest plus the peers most at the moment', () => {
    // 30,000 short reconnects of 6 s each, 10 s apart, and one long connection at the end.
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      ...total(`r${i}`),
      firstSeen: i * 10_000,
      spans: [
        {
          peerId: `r${i}`,
          start: i * 10_000,
          end: i * 10_000 + 6_000,
          open: false,
          unterminated: false,
        },
      ],
      connectedMs: 6_000,
    }));
    const history = [...many, total('long', [6000, 6060])];
    const moment = { startMs: 1_000_000, endMs: 1_000_000 + 5 * MIN };
    const chosen = autoReportPeers(history, moment);
    expect(chosen).toHaveLength(AUTO_REPORTS + MOMENT_REPORTS);
    expect(chosen).toContain('long');
    // The peers at the moment are those connected within it, whole spans first.
    const atMoment = chosen.filter((id) => {
      const at = Number(id.slice(1)) * 10_000;
      return at >= moment.startMs && at + 6_000 <= moment.endMs;
    });
    expect(atMoment).toHaveLength(MOMENT_REPORTS);
  });
});

describe('byRecency', () => {
  it('puts the latest connection first, the longer one first on a tie', () => {
    const peers = [total('a', [0, 10], [50, 52]), total('b', [20, 40]), total('c', [50, 60])];
    // a and c both last connected at minute 50: a, with 12 minutes in all, beats c's 10.
    expect(byRecency(peers)).toEqual(['a', 'c', 'b']);
  });
});

const participant = (peer_stats?: unknown) => z.parse(participantSchema, { id: 'p', peer_stats });

function report(peerId: string, metadata: unknown): LoadedReport {
  const body = z.parse(peerReportResponseSchema, {
    success: true,
    data: { participant: { id: 'p', peer_report: { metadata } } },
  });
  const read = valid(valid(body.data)?.participant);
  if (!read) throw new Error('not a report');
  return { peerId, participant: read };
}

const IPHONE = {
  device_info: { os: 'iOS', os_version: '18.1', is_mobile: true, cpus: 6 },
  browser_metadata: { browser: 'Safari', browser_version: '18.1', engine: 'WebKit' },
  sdk_name: 'web-core',
  sdk_version: '1.35.2',
};
const LAPTOP = { ...IPHONE, device_info: { os: 'macOS', os_version: '15.6', is_mobile: false } };

describe('the Device panel’s source', () => {
  const device = (stats: unknown, reports: LoadedReport[]) =>
    fromSources(readDevice(participant(stats)), 'device_info', reports, readReportDevice);

  it('reads filters=device_info when peer_stats has it, whatever the reports say', () => {
    const result = device({ device_info: { browser: 'Chrome', browser_version: '142' } }, [
      report('e202ed7e-1', IPHONE),
    ]);
    expect(result).toMatchObject({ source: { kind: 'filters', filter: 'device_info' } });
  });

  it('reads the latest loaded report without peer_stats, and counts the reports that differ', () => {
    const result = device(undefined, [
      report('latest', IPHONE),
      report('earlier', LAPTOP),
      report('first', IPHONE),
      report('silent', { sdk_name: undefined }),
    ]);
    if (result.kind !== 'readings') throw new Error(result.kind);
    expect(result.source).toEqual({ kind: 'report', peerId: 'latest', loaded: 3, differ: 1 });
    expect(result.readings.map((r) => [r.label, r.value])).toEqual([
      ['Browser', 'Safari 18.1'],
      ['Engine', 'WebKit'],
      ['Operating system', 'iOS 18.1'],
      ['SDK', 'web-core 1.35.2'],
      ['CPU cores', '6'],
      ['Mobile', 'yes'],
    ]);
  });

  it('says missing when neither has it, and keeps an unreadable section flagged', () => {
    expect(device(undefined, [])).toEqual({ kind: 'missing' });
    expect(device(undefined, [report('x', {})])).toEqual({ kind: 'missing' });
    expect(device({ device_info: 'n/a' }, [report('x', IPHONE)])).toMatchObject({
      kind: 'invalid',
      raw: 'n/a',
    });
  });
});

describe('the Network panel’s source', () => {
  const LAGOS = {
    ip_information: {
      ipv4: '102.89.0.7',
      city: 'Lagos',
      region: 'Lagos',
      country: 'NG',
      timezone: 'Africa/Lagos',
      org: 'AS29465',
      asn: { asn: 'AS29465', name: 'MTN Nigeria' },
    },
    pc_metadata: [
      {
        timestamp: '2026-11-21T14:20:00Z',
        effective_network_type: 'wifi',
        relay_connectivity: true,
      },
      {
        timestamp: '2026-11-21T14:30:00Z',
        effective_network_type: '4g',
        reflexive_connectivity: false,
        relay_connectivity: true,
        turn_connectivity: true,
      },
    ],
  };
  const network = (stats: unknown, reports: LoadedReport[]) =>
    fromSources(readLocation(participant(stats)), 'ip_information', reports, readReportNetwork);

  it('reads filters=ip_information when peer_stats has it', () => {
    const result = network({ ip_information: { city: 'Lisbon' } }, [report('a', LAGOS)]);
    expect(result).toMatchObject({ source: { kind: 'filters', filter: 'ip_information' } });
  });

  it('reads the place, the network owner and the latest peer connection from a report', () => {
    const result = network(undefined, [report('a', LAGOS)]);
    if (result.kind !== 'readings') throw new Error(result.kind);
    expect(result.source).toEqual({ kind: 'report', peerId: 'a', loaded: 1, differ: 0 });
    expect(result.timezone).toBe('Africa/Lagos');
    const latest = 'the latest of 2 peer connections';
    expect(result.readings.map((r) => [r.label, r.value, r.note])).toEqual([
      ['IP address', '102.89.0.7', undefined],
      ['Place', 'Lagos, Lagos, NG', undefined],
      ['Organisation / ASN', 'AS29465 (MTN Nigeria)', undefined],
      ['Time zone', 'Africa/Lagos', undefined],
      ['Network type', '4g', latest],
      ['Direct (reflexive) connectivity', 'not reachable', latest],
      ['Relay connectivity', 'reachable', latest],
      ['TURN connectivity', 'reachable', latest],
    ]);
  });

  it('flags an unreadable ip_information and reads nothing into a report without either', () => {
    const flagged = network(undefined, [report('a', { ip_information: 'n/a' })]);
    if (flagged.kind !== 'readings') throw new Error(flagged.kind);
    expect(flagged.readings).toMatchObject([{ label: 'IP information', invalid: { raw: 'n/a' } }]);
    expect(network(undefined, [report('a', { sdk_name: 'web-core' })])).toEqual({
      kind: 'missing',
    });
  });
});

describe('why a panel is empty', () => {
  const state = { peers: 8, loaded: [], loading: 0, failed: 0 };
  it('names what the reports lack', () => {
    expect(reportGap({ ...state, peers: 0 })).toBe('no_peers');
    expect(reportGap({ ...state, loading: 2, failed: 1 })).toBe('loading');
    expect(reportGap({ ...state, loaded: [report('a', {})] })).toBe('not_in_reports');
    expect(reportGap({ ...state, failed: 8 })).toBe('failed');
    expect(reportGap(state)).toBe('not_loaded');
  });

  it('names what the filters lack', () => {
    expect(filtersGap('device_info', ['device_info'], true)).toBe('refused');
    expect(filtersGap('device_info', ['device_info'], false)).toBe('absent');
    expect(filtersGap('device_info', ['ip_information'], false)).toBe('not_requested');
  });
});
