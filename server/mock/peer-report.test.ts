import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from '../../src/api/lenient';
import {
  peerReportResponseSchema,
  peerReportResponseWire,
  type WireQualitySample,
} from '../../src/api/peer-report-schema';
import { withSchemaOnly } from '../../src/api/quick-read';
import { CROWD } from './crowd';
import { mockAt } from './in-process';
import { cumulativeOf } from './media';
import { type ParticipantScenario, SCENARIOS } from './scenarios';

const NOW = Date.UTC(2026, 10, 25, 12);
const { get } = mockAt(NOW);

const everyone = [...SCENARIOS, ...CROWD].filter(
  (s): s is ParticipantScenario => s.kind === 'participant',
);
const scenario = (key: string) => {
  const found = everyone.find((s) => s.key === key);
  if (!found) throw new Error(`no scenario ${key}`);
  return found;
};

/** A participant's peer ids, in the order its events name them. */
async function peersOf(s: ParticipantScenario): Promise<string[]> {
  const { body } = await get(
    `/${s.sessionId}/participants/${s.participantId}?include_peer_events=true`,
  );
  const events: Array<{ peer_id: string }> = body.data.participant.peer_events ?? [];
  return [...new Set(events.map((e) => e.peer_id))];
}

type Quality = Record<string, WireQualitySample[] | undefined>;
type Report = {
  id: string;
  peer_report: {
    metadata: Record<string, unknown> & { events: Array<{ name: string }> };
    quality: Quality;
  };
};

async function reportOf(peerId: string): Promise<Report> {
  const { status, body } = await get(`/peer-report/${peerId}`);
  expect(status, peerId).toBe(200);
  return body.data.participant;
}

const lossOf = (s: WireQualitySample) => {
  const lost = s.packets_lost ?? 0;
  return (100 * lost) / Math.max(1, s.packets_sent ?? (s.packets_received ?? 0) + lost);
};
const at = (s: WireQualitySample) => Date.parse(s.timestamp ?? '');
const within = (from: string, to: string) => (s: WireQualitySample) =>
  at(s) >= Date.parse(from) && at(s) < Date.parse(to);
/** A sample that would be graded poor: 5 % loss or more, or MOS below 3.5. */
const poor = (s: WireQualitySample) => lossOf(s) >= 5 || (s.mos_quality ?? 5) < 3.5;
const clean = (s: WireQualitySample) =>
  lossOf(s) < 1 && (s.jitter ?? 0) < 30 && (s.mos_quality ?? 0) >= 4 && (s.rtt ?? 0) <= 200;

/** The consumer samples of one list, by the remote peer they name. */
function byRemote(samples: readonly WireQualitySample[] = []) {
  const groups = new Map<string, WireQualitySample[]>();
  for (const s of samples) groups.set(s.peer_id ?? '', [...(groups.get(s.peer_id ?? '') ?? []), s]);
  return groups;
}

/** A time of the design review (Sat 21 Nov 2026, UTC). */
const review = (hhmm: string) => `2026-11-21T${hhmm}:00.000Z`;

describe('mock peer reports against the shared schema', () => {
  // Every sample that sent media, and the others of the group calls (viewers send nothing).
  const withMedia = everyone.filter(
    (s) =>
      (s.key.includes('-other-') && !s.key.startsWith(scenario('webinar').sessionId)) ||
      (SCENARIOS.includes(s) && !s.heavy && !s.growing && !['sparse', 'bad-data'].includes(s.key)),
  );

  it.each(withMedia.map((s) => [s.key, s] as const))(
    '%s: every peer that sent media has a report that parses with nothing invalid',
    async (key, s) => {
      const peers = await peersOf(s);
      expect(peers.length).toBeGreaterThan(0);
      for (const peerId of peers) {
        const { status, body } = await get(`/peer-report/${peerId}`);
        // Only a peer that never sent media (the mobile reconnects' silent one) has none.
        if (status === 404) {
          expect(key).toBe('reconnects');
          continue;
        }
        expect(z.safeParse(peerReportResponseWire, body).success).toBe(true);
        const read = z.safeParse(peerReportResponseSchema, body);
        expect(read.success).toBe(true);
        expect(findInvalid(read.data)).toEqual([]);
        // The quick reads make exactly what the schemas alone make, keys in the same order.
        const bySchema = withSchemaOnly(() => z.safeParse(peerReportResponseSchema, body));
        expect(read.data).toStrictEqual(bySchema.data);
        expect(JSON.stringify(read.data)).toBe(JSON.stringify(bySchema.data));
      }
    },
  );

  it('names, in every consumer sample, a peer and producer of another participant of the session', async () => {
    for (const key of ['healthy', 'poor-network', 'uplink-problem', 'cpu-limited']) {
      const s = scenario(key);
      const own = new Set(await peersOf(s));
      const others = new Map<string, string>();
      for (const other of everyone.filter((o) => o.sessionId === s.sessionId && o.key !== key)) {
        for (const peer of await peersOf(other)) others.set(peer, other.key);
      }
      const [peerId = ''] = own;
      const { quality } = (await reportOf(peerId)).peer_report;
      const consumed = [...(quality.audio_consumer ?? []), ...(quality.video_consumer ?? [])];
      expect(consumed.length, key).toBeGreaterThan(0);
      for (const sample of consumed) {
        expect(others.has(sample.peer_id ?? ''), `${key} ${sample.peer_id}`).toBe(true);
        // The producer is the one the remote's own report lists.
        expect(sample.producer_id).toMatch(/^[0-9a-f-]{36}$/);
      }
      const remote = consumed[0]?.peer_id ?? '';
      const theirs = (await reportOf(remote)).peer_report.quality;
      const producers = new Set(
        [...(theirs.audio_producer ?? []), ...(theirs.video_producer ?? [])].map(
          (p) => p.producer_id,
        ),
      );
      expect(
        consumed.filter((c) => c.peer_id === remote).every((c) => producers.has(c.producer_id)),
      ).toBe(true);
    }
  });

  it('is deterministic: the same peer gets the same report twice', async () => {
    const [peerId = ''] = await peersOf(scenario('uplink-problem'));
    const second = await mockAt(NOW).get(`/peer-report/${peerId}`);
    expect(second.body).toEqual((await get(`/peer-report/${peerId}`)).body);
  });

  it('keeps the long histories out of lookups', () => {
    expect(everyone.filter((s) => s.heavy).map((s) => s.key)).toEqual([
      'history-1k',
      'history-10k',
      'history-100k',
    ]);
  });
});

describe('the stories the reports tell', () => {
  it('healthy: nothing sent or received is less than good, over a direct UDP pair', async () => {
    const [peerId = ''] = await peersOf(scenario('healthy'));
    const { metadata, quality } = (await reportOf(peerId)).peer_report;
    for (const [list, samples] of Object.entries(quality)) {
      if (!Array.isArray(samples)) continue;
      expect(samples.length, list).toBeGreaterThan(0);
      expect(
        samples.filter((s) => !clean(s)),
        list,
      ).toEqual([]);
    }
    expect(metadata.candidate_pairs).toMatchObject({
      producing_transport: [{ local_candidate_type: 'srflx', local_candidate_protocol: 'udp' }],
    });
    expect(metadata.events.map((e) => e.name)).not.toContain('network_disconnected');
  });

  it('poor network: relay only over TCP, and lossy both ways through each connection', async () => {
    for (const peerId of await peersOf(scenario('poor-network'))) {
      const { metadata, quality } = (await reportOf(peerId)).peer_report;
      expect(metadata).toMatchObject({
        pc_metadata: [{ reflexive_connectivity: false, relay_connectivity: true }],
        candidate_pairs: {
          producing_transport: [{ local_candidate_type: 'relay', local_candidate_protocol: 'tcp' }],
          consuming_transport: [{ local_candidate_type: 'relay', local_candidate_protocol: 'tcp' }],
        },
      });
      for (const list of ['audio_producer', 'audio_consumer'] as const) {
        const samples = quality[list] ?? [];
        expect(samples.filter(poor).length / samples.length, list).toBeGreaterThan(0.9);
        expect(Math.max(...samples.map((s) => s.jitter ?? 0)), list).toBeGreaterThan(40);
      }
    }
  });

  it('reconnects: the cell fades before each drop, jitter comes in seconds, one peer never sent', async () => {
    const peers = await peersOf(scenario('reconnects'));
    const statuses = await Promise.all(
      peers.map(async (p) => (await get(`/peer-report/${p}`)).status),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(1);
    const [first = ''] = peers;
    const { metadata, quality } = (await reportOf(first)).peer_report;
    const audio = quality.audio_producer ?? [];
    expect(Math.max(...audio.map((s) => s.jitter ?? 0))).toBeLessThan(1);
    const last = audio.at(-1);
    const fade = audio.filter((s) => at(s) > at(last ?? {}) - 40_000);
    expect(fade.every(poor)).toBe(true);
    expect(metadata.events).toContainEqual(
      expect.objectContaining({
        name: 'network_disconnected',
        metadata: {
          reason: expect.stringMatching(/ice_failed|transport_closed|signalling_timeout/),
        },
      }),
    );
  });

  it('uplink problem: what they sent degrades 15:10–15:20, in everyone’s consumer series of it too', async () => {
    const s = scenario('uplink-problem');
    const [peerId = ''] = await peersOf(s);
    const { quality } = (await reportOf(peerId)).peer_report;
    const window = within(review('15:10'), review('15:20'));
    const audio = quality.audio_producer ?? [];
    const bad = audio.filter(window);
    expect(bad.length).toBeGreaterThanOrEqual(55);
    for (const sample of bad) {
      expect(lossOf(sample)).toBeGreaterThanOrEqual(8);
      expect(sample.mos_quality).toBeLessThan(3);
      expect(sample.jitter).toBeGreaterThan(40);
    }
    expect(audio.filter((x) => !window(x)).every(clean)).toBe(true);
    expect(
      [...(quality.audio_consumer ?? []), ...(quality.video_consumer ?? [])].every(
        (x) => lossOf(x) < 1.5,
      ),
    ).toBe(true);
    const others = everyone.filter((o) => o.sessionId === s.sessionId && o.key !== s.key);
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const other of others) {
      const [theirs = ''] = await peersOf(other);
      const report = (await reportOf(theirs)).peer_report.quality;
      expect((report.audio_producer ?? []).every(clean), other.key).toBe(true);
      const ofThem = byRemote(report.audio_consumer).get(peerId) ?? [];
      const inWindow = ofThem.filter(window);
      if (inWindow.length === 0) continue;
      expect(
        inWindow.every((x) => lossOf(x) >= 8 && (x.mos_quality ?? 5) < 3),
        other.key,
      ).toBe(true);
      // Outside it, only the downlink sample's own bad minutes show.
      const rest = ofThem.filter((x) => !window(x));
      if (other.key !== 'downlink-problem')
        expect(
          rest.every((x) => !poor(x)),
          other.key,
        ).toBe(true);
    }
  });

  it('downlink problem: everything they received degrades 15:26–15:36, what they sent stays clean', async () => {
    const s = scenario('downlink-problem');
    const [peerId = ''] = await peersOf(s);
    const { quality } = (await reportOf(peerId)).peer_report;
    const window = within(review('15:26'), review('15:36'));
    expect((quality.audio_producer ?? []).every(clean)).toBe(true);
    const remotes = byRemote(quality.audio_consumer);
    expect(remotes.size).toBeGreaterThanOrEqual(4);
    for (const [remote, samples] of remotes) {
      const inWindow = samples.filter(window);
      expect(inWindow.length, remote).toBeGreaterThanOrEqual(55);
      expect(
        inWindow.every((x) => lossOf(x) >= 8 && (x.mos_quality ?? 5) < 3),
        remote,
      ).toBe(true);
    }
    for (const other of everyone.filter((o) => o.sessionId === s.sessionId && o.key !== s.key)) {
      const [theirs = ''] = await peersOf(other);
      const sent = (await reportOf(theirs)).peer_report.quality.audio_producer ?? [];
      expect(sent.filter(window).every(clean), other.key).toBe(true);
    }
  });

  it('CPU-limited: the encoder starves 15:38–15:48 on a two-core laptop, the network stays clean', async () => {
    const [peerId = ''] = await peersOf(scenario('cpu-limited'));
    const { metadata, quality } = (await reportOf(peerId)).peer_report;
    expect(metadata.device_info).toMatchObject({ cpus: 2 });
    const video = quality.video_producer ?? [];
    const window = within(review('15:38'), review('15:48'));
    const starved = video.filter(window);
    const cpu = starved.filter((x) => x.quality_limitation_reason === 'cpu');
    expect(cpu.length / starved.length).toBeGreaterThan(0.75);
    expect(
      video.filter((x) => !window(x)).every((x) => x.quality_limitation_reason === 'none'),
    ).toBe(true);
    expect(starved.at(-1)?.quality_limitation_durations?.cpu).toBeGreaterThan(400);
    expect(video.find((x) => !window(x))?.frames_per_second).toBeGreaterThanOrEqual(24);
    expect(
      starved
        .filter((x) => at(x) >= Date.parse(review('15:39')))
        .every((x) => (x.frames_per_second ?? 99) <= 13),
    ).toBe(true);
    for (const list of ['audio_producer', 'video_producer', 'audio_consumer', 'video_consumer']) {
      expect(
        (quality[list] ?? []).every(
          (x) => lossOf(x) < 1 && (x.jitter ?? 0) < 30 && (x.rtt ?? 0) <= 200,
        ),
        list,
      ).toBe(true);
    }
    expect(metadata.events).toContainEqual(
      expect.objectContaining({
        name: 'device_change',
        metadata: { kind: 'videoinput', label: 'Logitech BRIO (046d:085e)' },
      }),
    );
    expect(metadata.selected_device_updates).toContainEqual(
      expect.objectContaining({
        device: expect.objectContaining({ label: 'Logitech BRIO (046d:085e)' }),
      }),
    );
  });
});

describe('participant details as today’s API sends them', () => {
  const ALL = 'device_info,ip_information,precall_network_information,events,quality_stats';
  const details = async (key: string, query: string) => {
    const s = scenario(key);
    return get(`/${s.sessionId}/participants/${s.participantId}${query}`);
  };

  it('sends peer_stats and quality_stats only for the "(older API)" samples, filters or not', async () => {
    for (const s of everyone.filter(
      (x) => SCENARIOS.includes(x) && !x.heavy && !x.refusesFilters,
    )) {
      const { body } = await details(s.key, `?filters=${ALL}`);
      const older = s.label.endsWith(' (older API)');
      expect('quality_stats' in body.data.participant, s.key).toBe(older);
      if (!older) expect(body.data.participant, s.key).not.toHaveProperty('peer_stats');
    }
    expect(scenario('poor-network').label).toBe('Poor network: relay only, lossy and jittery');
    expect(scenario('reconnects').label).toBe('Reconnected 7 times on mobile (8 peers)');
  });

  it('refuses filters for the older deployment with RealtimeKit’s 400, and answers without them', async () => {
    const refused = await details(
      'refuses-filters',
      '?filters=device_info&include_peer_events=true',
    );
    expect(refused).toEqual({
      status: 400,
      body: { success: false, error: { code: 400, message: '"filters" is not allowed' } },
    });
    const answered = await details('refuses-filters', '?include_peer_events=true');
    expect(answered.status).toBe(200);
    expect(answered.body.data.participant.peer_events.length).toBe(3);
  });
});

describe('cumulativeOf', () => {
  it('counts shares at and above each limit, and percentiles from the sorted MOS', () => {
    const sample = (lost: number, rtt: number, mos: number) => ({
      packets_sent: 100,
      packets_lost: lost,
      rtt,
      mos_quality: mos,
    });
    const result = cumulativeOf([
      sample(0, 90, 4.4),
      sample(5, 100, 4),
      sample(10, 250, 3),
      sample(50, 500, 1.5),
    ]);
    expect(result.packet_loss).toEqual({
      avg: 16.25,
      '5_or_greater_event_fraction': 0.75,
      '10_or_greater_event_fraction': 0.5,
      '25_or_greater_event_fraction': 0.25,
      '50_or_greater_event_fraction': 0.25,
    });
    expect(result.rtt).toEqual({
      avg: 235,
      '100ms_or_greater_event_fraction': 0.75,
      '250ms_or_greater_event_fraction': 0.5,
      '500ms_or_greater_event_fraction': 0.25,
    });
    expect(result.quality_mos).toEqual({ avg: 3.23, p50: 3, p75: 4, p90: 4.4 });
  });

  it('counts a consumer’s loss against what should have arrived, and sums up its video', () => {
    const result = cumulativeOf(
      [
        {
          packets_received: 90,
          packets_lost: 10,
          jitter_buffer_delay: 120,
          frames_per_second: 8,
          frame_width: 640,
        },
        {
          packets_received: 100,
          packets_lost: 0,
          jitter_buffer_delay: 40,
          frames_per_second: 30,
          frame_width: 1280,
        },
      ],
      'consumer',
      'video',
    );
    expect(result.packet_loss?.avg).toBe(5);
    expect(result).not.toHaveProperty('rtt');
    expect(result.jitter_buffer_delay).toMatchObject({
      avg: 80,
      '100ms_or_greater_event_fraction': 0.5,
    });
    expect(result.issues).toEqual({
      lag_fraction: 0.5,
      no_video_fraction: 0,
      poor_resolution_fraction: 0,
    });
    expect(result.frame_per_second).toMatchObject({ avg: 19, p50: 8 });
  });
});
