/**
 * The demo data: deterministic, seeded participants covering the cases support staff meet,
 * plus fault scenarios that answer the way Cloudflare does when things go wrong. Participant
 * details answer as today's API does, without peer_stats or quality_stats whatever `filters`
 * asks; the samples that show those sections are older deployments, labelled "(older API)".
 * Call statistics come from each peer's report.
 */
import type { WireParticipant } from '../../src/api/participant-schema';
import type { WirePeerReportParticipant } from '../../src/api/peer-report-schema';
import { buildDiagnostics, type Diagnostics, type QualityOptions } from './diagnostics';
import type { Sender } from './media';
import {
  buildPeerReport,
  type MediaOptions,
  type PeerReportInput,
  type Remotes,
  sendersOf,
} from './peer-report';
import { DEVICES, LOCATIONS, NETWORKS } from './profiles';
import { seeded } from './random';
import {
  buildParticipant,
  type Identity,
  iso,
  minutesBetween,
  reconnectingSpans,
  type Span,
} from './timeline';
import { correctedSpellings, ODD_FIELDS, withImpossibleCounters } from './variants';
import { VERDICT_SAMPLES } from './verdict-calls';

/** Sat 21 Nov 2026, 14:00 UTC: the afternoon of the finished demo calls. */
const BASE = Date.UTC(2026, 10, 21, 14, 0, 0);
const MIN = 60_000;

export type Built = {
  /** The participant as the API would send it (the bad-data scenario sends bad data). */
  readonly participant: WireParticipant | Record<string, unknown>;
  /**
   * The filtered sections (peer_stats, quality_stats) an older deployment sends when asked;
   * today's API never sends them, so only the "(older API)" samples have them.
   */
  readonly diagnostics?: Diagnostics;
  /** Fields sent in place of the documented ones, per peer_stats section (bad data). */
  readonly oddStats?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * The peer report (RealtimeKit's API, docs/UPSTREAM.md) of one of this participant's peers,
   * built when asked; `remotes` are the others in the session whose media it may have received.
   */
  readonly peerReport?: (peerId: string, remotes: Remotes) => WirePeerReportParticipant | undefined;
  /** This participant's peers as the others in its session receive them. */
  readonly senders?: readonly Sender[];
};

export type Fault =
  | 'rate_limited'
  | 'server_error_html'
  | 'forbidden'
  | 'timeout'
  | 'success_false'
  | 'truncated';

type Common = {
  readonly key: string;
  readonly label: string;
  readonly sessionId: string;
  readonly participantId: string;
};

export type ParticipantScenario = Common & {
  readonly kind: 'participant';
  /** An older deployment that refuses `filters` with a 400 (and answers without it). */
  readonly refusesFilters?: boolean;
  /** True when the record depends on the current time (a participant still in the call). */
  readonly live?: boolean;
  /** The long histories: a peer-report lookup never builds them (they have no reports). */
  readonly heavy?: boolean;
  /** A heavy record's entry in its session's list, without building its history. */
  readonly summary?: () => WireParticipant;
  /** A live call that gains events as time passes (built on every request, from `since`). */
  readonly growing?: boolean;
  /** `since`: when the mock was first asked for this participant. */
  readonly build: (now: number, since?: number) => Built;
};

export type FaultScenario = Common & { readonly kind: 'fault'; readonly fault: Fault };

export type Scenario = ParticipantScenario | FaultScenario;

const ids = seeded(20261121);
const TEAM_CALL = ids.uuid();
const LIVE_CALL = ids.uuid();
const WEBINAR = ids.uuid();
const FLAPPING_CALL = ids.uuid();
const FAULTS = ids.uuid();
const LONG_CALL = ids.uuid();
const REVIEW_CALL = ids.uuid();

/** A sample participant's id, from its seed. */
const participantIdOf = (seed: number) => seeded(seed * 7919).uuid();

function standard(
  key: string,
  label: string,
  sessionId: string,
  seed: number,
  make: (r: ReturnType<typeof seeded>, participantId: string, now: number) => Built,
  options: { readonly live?: boolean; readonly olderApi?: boolean } = {},
): ParticipantScenario {
  const participantId = participantIdOf(seed);
  // Today's API sends no peer_stats or quality_stats, `filters` or not; older deployments do.
  const sections = (built: Built): Built =>
    options.olderApi ? built : { ...built, diagnostics: undefined, oddStats: undefined };
  return {
    kind: 'participant',
    key,
    label: options.olderApi ? `${label} (older API)` : label,
    sessionId,
    participantId,
    live: options.live ?? false,
    build: (now) => sections(make(seeded(seed), participantId, now)),
  };
}

type Profile = {
  readonly device: keyof typeof DEVICES;
  readonly location: keyof typeof LOCATIONS;
  readonly network: keyof typeof NETWORKS;
};

/**
 * A demo participant with diagnostics: the record built from its connection spans (a new user
 * id drawn from `r`), then its filtered sections and peer reports from the profile. The quality
 * samples follow `diagnosticSpans` when they differ from the recorded spans.
 */
function person(
  r: ReturnType<typeof seeded>,
  where: { readonly sessionId: string; readonly participantId: string; readonly now: number },
  who: Omit<Identity, 'sessionId' | 'participantId' | 'userId'>,
  spans: Span[],
  profile: Profile,
  quality?: QualityOptions,
  diagnosticSpans: Span[] = spans,
  media?: MediaOptions,
): Built & { readonly participant: WireParticipant } {
  const built = buildParticipant(
    r,
    {
      sessionId: where.sessionId,
      participantId: where.participantId,
      userId: r.uuid(),
      ...who,
    },
    spans,
  );
  const input: PeerReportInput = {
    participant: built.participant,
    device: DEVICES[profile.device],
    location: LOCATIONS[profile.location],
    network: NETWORKS[profile.network],
    spans: diagnosticSpans,
    peerIds: built.peerIds,
    now: where.now,
    quality,
    media,
  };
  return {
    participant: built.participant,
    diagnostics: buildDiagnostics(r, input),
    peerReport: (peerId, remotes) => buildPeerReport(input, peerId, remotes),
    senders: sendersOf(input),
  };
}

function flapping(key: string, label: string, seed: number, spanCount: number) {
  const spansOf = (r: ReturnType<typeof seeded>) =>
    reconnectingSpans(r, BASE + 2 * MIN, spanCount, [3_000, 12_000], [2_000, 5_000]);
  const scenario = standard(key, label, FLAPPING_CALL, seed, (r, participantId) => {
    const spans = spansOf(r);
    const built = buildParticipant(
      r,
      {
        sessionId: FLAPPING_CALL,
        participantId,
        userId: r.uuid(),
        customParticipantId: `kiosk-${seed}`,
        displayName: `Lobby kiosk ${seed % 100}`,
        presetName: 'group_call_participant',
        view: 'GROUP_CALL',
      },
      spans,
    );
    return { participant: built.participant };
  });
  // The same draws as the build up to the user id; the history itself is never made.
  const summary = (): WireParticipant => {
    const r = seeded(seed);
    const spans = spansOf(r);
    const joined = spans[0]?.join ?? BASE;
    const left = spans[spans.length - 1]?.leave ?? joined;
    return {
      id: scenario.participantId,
      user_id: r.uuid(),
      custom_participant_id: `kiosk-${seed}`,
      display_name: `Lobby kiosk ${seed % 100}`,
      preset_name: 'group_call_participant',
      joined_at: iso(joined),
      left_at: iso(left),
      duration: minutesBetween(joined, left),
    };
  };
  return { ...scenario, heavy: true, summary };
}

/** How often the live demo participant drops and comes back. */
export const LIVE_RECONNECT_EVERY_MS = 20_000;

const LIVE_FLAKY_ID = seeded(414 * 7919).uuid();

/**
 * In the call since six minutes before the mock was first asked, then dropping and coming
 * back every LIVE_RECONNECT_EVERY_MS: each refresh of the page sees new events.
 */
function liveFlaky(now: number, since: number): Built {
  const r = seeded(414);
  const start = Math.floor(since / 1000) * 1000 - 6 * MIN;
  const spans: Span[] = [{ join: start, leave: start + 2 * MIN }];
  let join = start + 2 * MIN + 9_000;
  const drops = Math.max(0, Math.floor((now - since) / LIVE_RECONNECT_EVERY_MS));
  for (let i = 0; i < drops; i++) {
    const leave = since + (i + 1) * LIVE_RECONNECT_EVERY_MS;
    spans.push({ join, leave });
    join = leave + 3_000;
  }
  spans.push({ join, leave: null });
  return buildParticipant(
    r,
    {
      sessionId: LIVE_CALL,
      participantId: LIVE_FLAKY_ID,
      userId: 'user-live-0414',
      customParticipantId: 'crm-80414',
      displayName: 'Ayşe Demir',
      presetName: 'group_call_participant',
      view: 'GROUP_CALL',
      // Created once, before its first join: it must not move as reconnects are added.
      createdAt: start - 5_000,
    },
    spans,
  );
}

/** The design review at 15:00: four samples whose trouble shows against the others' reports. */
const REVIEW = BASE + 60 * MIN;

/** A sample of the design review: one connection, on a good network but for `media`. */
function reviewer(
  key: string,
  label: string,
  seed: number,
  who: { readonly displayName: string; readonly customParticipantId: string },
  span: Span,
  profile: Profile,
  media: MediaOptions = {},
): ParticipantScenario {
  return standard(key, label, REVIEW_CALL, seed, (r, participantId, now) =>
    person(
      r,
      { sessionId: REVIEW_CALL, participantId, now },
      { ...who, presetName: 'group_call_participant', view: 'GROUP_CALL' },
      [span],
      profile,
      undefined,
      [span],
      media,
    ),
  );
}

function reviewCall(): ParticipantScenario[] {
  const congested = (fromMin: number) => [
    {
      fromMs: REVIEW + fromMin * MIN,
      toMs: REVIEW + (fromMin + 10) * MIN,
      network: NETWORKS.congested,
    },
  ];
  return [
    // Their upload choked for ten minutes: everyone else's consumer series of them degrade too.
    reviewer(
      'uplink-problem',
      'Uplink problem: others could not hear them',
      1101,
      { displayName: 'Joana Ribeiro', customParticipantId: 'crm-11017' },
      { join: REVIEW + 20_000, leave: REVIEW + 50 * MIN + 10_000 },
      { device: 'macChrome', location: 'saoPaulo', network: 'good' },
      { uplink: congested(10) },
    ),
    // Their download choked for ten minutes: what they received from everyone degrades.
    reviewer(
      'downlink-problem',
      'Downlink problem: they could not hear others',
      1102,
      { displayName: 'Samuel Adeyemi', customParticipantId: 'crm-11024' },
      { join: REVIEW + 65_000, leave: REVIEW + 49 * MIN + 30_000 },
      { device: 'windowsEdge', location: 'nairobi', network: 'good' },
      { downlink: congested(26) },
    ),
    // A 4K camera plugged into a two-core laptop: the encoder starves, the network is fine.
    reviewer(
      'cpu-limited',
      'CPU-limited laptop on a clean network',
      1103,
      { displayName: 'Hannah Kowalczyk', customParticipantId: 'crm-11031' },
      { join: REVIEW + 21 * MIN + 40_000, leave: REVIEW + 58 * MIN },
      { device: 'budgetLaptop', location: 'toronto', network: 'good' },
      {
        cpu: [
          {
            fromMs: REVIEW + 38 * MIN,
            toMs: REVIEW + 48 * MIN,
            camera: 'Logitech BRIO (046d:085e)',
          },
        ],
      },
    ),
    {
      ...reviewer(
        'refuses-filters',
        'Older deployment refuses filters (400)',
        1104,
        { displayName: 'Arjun Mehta', customParticipantId: 'crm-11048' },
        { join: REVIEW + 45_000, leave: REVIEW + 47 * MIN + 15_000 },
        { device: 'linuxFirefox', location: 'stockholm', network: 'good' },
      ),
      refusesFilters: true,
    },
  ];
}

export const SCENARIOS: readonly Scenario[] = [
  standard(
    'healthy',
    'Healthy call, one connection (47 min)',
    TEAM_CALL,
    101,
    (r, participantId, now) => {
      const spans = [{ join: BASE + 12_400, leave: BASE + 47 * MIN + 31_250 }];
      return person(
        r,
        { sessionId: TEAM_CALL, participantId, now },
        {
          customParticipantId: 'crm-48213',
          displayName: 'Priya Natarajan',
          presetName: 'group_call_host',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'macChrome', location: 'lisbon', network: 'good' },
        undefined,
        spans,
        // Her page of the grid showed the others: the three whose networks failed them were not
        // on it, so what she received stayed clean and her report shows no problem at all.
        { ignores: [participantIdOf(202), participantIdOf(303), participantIdOf(919)] },
      );
    },
    { olderApi: true },
  ),
  standard(
    'reconnects',
    'Reconnected 7 times on mobile (8 peers)',
    TEAM_CALL,
    202,
    (r, participantId, now) => {
      const spans = reconnectingSpans(r, BASE + 95_000, 8, [2 * MIN, 9 * MIN], [6_000, 45_000]);
      // The cell fades for the last 40 s before each drop, both ways.
      const fades = spans.slice(0, -1).map((s) => ({
        fromMs: (s.leave ?? 0) - 40_000,
        toMs: s.leave ?? 0,
        network: NETWORKS.poor,
      }));
      return person(
        r,
        { sessionId: TEAM_CALL, participantId, now },
        {
          customParticipantId: 'crm-51007',
          displayName: 'Marcus Oyelaran',
          presetName: 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'iphoneSafari', location: 'lagos', network: 'cellular' },
        // Seen from mobile SDKs: jitter in seconds, as WebRTC reports it; and one reconnect
        // whose media never resumed.
        { jitterInSeconds: true, silentPeers: [3] },
        spans,
        { uplink: fades, downlink: fades },
      );
    },
  ),
  standard(
    'poor-network',
    'Poor network: relay only, lossy and jittery',
    TEAM_CALL,
    303,
    (r, participantId, now) => {
      const spans = reconnectingSpans(r, BASE + 4 * MIN, 3, [6 * MIN, 11 * MIN], [20_000, 70_000]);
      return person(
        r,
        { sessionId: TEAM_CALL, participantId, now },
        {
          customParticipantId: 'crm-60931',
          displayName: 'Tomás Aguilar',
          presetName: 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'windowsChrome', location: 'mexico', network: 'poor' },
      );
    },
  ),
  standard(
    'in-session',
    'Still in the session (joined 37 min ago)',
    LIVE_CALL,
    404,
    (r, participantId, now) => {
      // Whole seconds keep the record stable across requests made within the same second.
      const start = Math.floor(now / 1000) * 1000 - 37 * MIN;
      const spans: Span[] = [
        { join: start, leave: start + 12 * MIN + 4_000 },
        { join: start + 12 * MIN + 19_000, leave: null },
      ];
      return person(
        r,
        { sessionId: LIVE_CALL, participantId, now },
        {
          customParticipantId: 'crm-70112',
          displayName: 'Lena Fischer',
          presetName: 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'linuxFirefox', location: 'berlin', network: 'good' },
      );
    },
    { live: true },
  ),
  {
    ...standard(
      'live-flaky',
      'Live now: a flaky connection, gaining events',
      LIVE_CALL,
      414,
      () => ({
        participant: {},
      }),
    ),
    live: true,
    growing: true,
    build: (now: number, since?: number) => liveFlaky(now, since ?? now),
  },
  standard(
    'webinar',
    'Webinar viewer (92 min)',
    WEBINAR,
    505,
    (r, participantId, now) => {
      const spans = [
        { join: BASE - 3 * 60 * MIN + 41_000, leave: BASE - 3 * 60 * MIN + 92 * MIN + 7_500 },
      ];
      return person(
        r,
        { sessionId: WEBINAR, participantId, now },
        {
          customParticipantId: 'webinar-reg-88412',
          displayName: 'Hiroshi Tanaka',
          presetName: 'webinar_viewer',
          view: 'WEBINAR',
        },
        spans,
        { device: 'windowsEdge', location: 'osaka', network: 'good' },
        // A viewer publishes nothing: quality_stats arrives with empty sample lists.
        { noMedia: true },
      );
    },
    { olderApi: true },
  ),
  standard('sparse', 'Sparse record: most fields absent', TEAM_CALL, 606, (_r, participantId) => ({
    participant: { id: participantId, joined_at: new Date(BASE + 20 * MIN).toISOString() },
  })),
  standard(
    'bad-data',
    'Bad data seen in the wild',
    TEAM_CALL,
    707,
    (r, participantId) => {
      const peer = r.uuid();
      const socket = r.uuid();
      const common = { participant_id: participantId, peer_id: peer, session_id: TEAM_CALL };
      return {
        participant: {
          id: participantId,
          // Hostile and exotic text: markup, a right-to-left override, zero-width joiners, emoji.
          display_name:
            '<img src=x onerror="alert(1)"> \u202Eevil\u202C Zoë 👩🏽‍💻\u200B<script>alert(2)</script>',
          custom_participant_id: 'jane.doe@example.com',
          user_id: 12345,
          preset_name: 'group_call_participant',
          created_at: 'created_at',
          updated_at: '2026-11-21T15:01:02.1234567+01:00',
          joined_at: '2026-11-21T14:30:00.000Z\\"',
          left_at: '2026-11-21T14:52:30.5Z',
          duration: '22.5',
          extra_field_from_the_future: { nested: true },
          peer_events: [
            {
              ...common,
              id: 'e3',
              event_name: 'PEER_LEAVING',
              created_at: '2026-11-21T14:52:30.5Z',
              minutes_consumed: 22.5083,
              preset_view_type: 'GROUP_CALL',
              socket_session_id: socket,
            },
            {
              ...common,
              id: 'e2',
              event_name: 'PEER_JOINING',
              created_at: '2026-11-21T14:30:42Z',
              minutes_consumed: -0,
              preset_view_type: 'GROUP_CALL',
              socket_session_id: null,
            },
            {
              ...common,
              id: 'e2',
              event_name: 'PEER_JOINING',
              created_at: '2026-11-21T14:30:42Z',
              minutes_consumed: 0,
              preset_view_type: 'GROUP_CALL',
              socket_session_id: null,
            },
            {
              ...common,
              id: 'e4',
              event_name: 'PEER_RECONNECTING',
              created_at: 1795270500,
              minutes_consumed: '3',
              preset_view_type: 'HOLOGRAM',
            },
            {
              ...common,
              id: 'e5',
              event_name: 'PEER_LEAVING',
              created_at: 'yesterday',
              minutes_consumed: -4,
            },
            'not an event',
          ],
        },
        diagnostics: withImpossibleCounters(
          buildDiagnostics(r, {
            device: DEVICES.windowsChrome,
            location: LOCATIONS.mexico,
            network: NETWORKS.good,
            spans: [
              {
                join: Date.parse('2026-11-21T14:30:42Z'),
                leave: Date.parse('2026-11-21T14:52:30.5Z'),
              },
            ],
            peerIds: [peer],
            now: Date.parse('2026-11-21T14:52:30.5Z'),
          }),
        ),
        oddStats: ODD_FIELDS,
      };
    },
    { olderApi: true },
  ),
  standard(
    'duration-mismatch',
    'Duration disagrees with its timestamps',
    TEAM_CALL,
    909,
    (r, participantId, now) => {
      const spans = [{ join: BASE + 6 * MIN, leave: BASE + 31 * MIN + 12_000 }];
      // Seen in the wild: a duration that counts 5 minutes the timestamps do not show, and
      // quality_stats sent as one object rather than a list, from a newer SDK that sends the
      // corrected spellings and WebGL as true/false.
      const sent = person(
        r,
        { sessionId: TEAM_CALL, participantId, now },
        {
          customParticipantId: 'crm-77310',
          displayName: 'Grace Mbeki',
          presetName: 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'linuxFirefox', location: 'berlin', network: 'good' },
        { asObject: true },
      );
      return {
        ...sent,
        participant: { ...sent.participant, duration: 30.2 },
        diagnostics: sent.diagnostics && correctedSpellings(sent.diagnostics),
      };
    },
    { olderApi: true },
  ),
  standard(
    'changed-mid-call',
    'Fine before the call, degraded during it; one connection never closed',
    TEAM_CALL,
    919,
    (r, participantId, now) => {
      const spans: Span[] = [
        { join: BASE + 8 * MIN, leave: BASE + 20 * MIN },
        { join: BASE + 20 * MIN + 15_000, leave: null },
      ];
      // The second connection's LEAVING never arrived, though the participant left at 14:35.
      const left = BASE + 35 * MIN;
      const sent = person(
        r,
        { sessionId: TEAM_CALL, participantId, now },
        {
          customParticipantId: 'crm-91920',
          displayName: 'Kenji Watanabe',
          presetName: 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'macChrome', location: 'osaka', network: 'good' },
        // Someone else started a large upload on their network: five bad minutes mid-call.
        { episode: { fromMs: BASE + 22 * MIN, toMs: BASE + 27 * MIN, network: NETWORKS.poor } },
        // Its quality samples run until the participant left.
        [spans[0] ?? { join: left, leave: left }, { join: BASE + 20 * MIN + 15_000, leave: left }],
      );
      return {
        ...sent,
        participant: {
          ...sent.participant,
          left_at: iso(left),
          duration: minutesBetween(BASE + 8 * MIN, left),
        },
      };
    },
    { olderApi: true },
  ),
  flapping('history-1k', 'Long history: 1,002 peer events', 811, 334),
  flapping('history-10k', 'Huge history: 10,002 peer events', 812, 3334),
  flapping('history-100k', 'Very large history: 100,002 peer events', 813, 33334),
  standard(
    'quality-8h',
    '8-hour call, one quality sample a second',
    LONG_CALL,
    1001,
    (r, participantId, now) => {
      // 28,800 one-second samples of each kind; 20 bad minutes in the fourth hour.
      const start = BASE - 10 * 60 * MIN;
      const spans = [{ join: start, leave: start + 8 * 60 * MIN - 1_000 }];
      return person(
        r,
        { sessionId: LONG_CALL, participantId, now },
        {
          customParticipantId: 'crm-90417',
          displayName: 'Ines Duarte',
          presetName: 'group_call_host',
          view: 'GROUP_CALL',
        },
        spans,
        { device: 'macChrome', location: 'lisbon', network: 'good' },
        {
          stepMs: 1_000,
          episode: {
            fromMs: start + 3 * 60 * MIN + 10 * MIN,
            toMs: start + 3 * 60 * MIN + 30 * MIN,
            network: NETWORKS.poor,
          },
        },
      );
    },
    { olderApi: true },
  ),
  ...reviewCall(),
  ...VERDICT_SAMPLES,
  ...(
    [
      ['rate_limited', 'Rate limited by Cloudflare (429)'],
      ['forbidden', 'Token lacks the Realtime permission (403)'],
      ['server_error_html', 'Cloudflare error page (502, HTML)'],
      ['timeout', 'Upstream does not answer (timeout)'],
      ['success_false', 'HTTP 200 with success: false'],
      ['truncated', 'Truncated response body'],
    ] as const
  ).map(
    ([fault, label], i): FaultScenario => ({
      kind: 'fault',
      key: `fault-${fault.replace(/_/g, '-')}`,
      label,
      sessionId: FAULTS,
      participantId: seeded(9000 + i).uuid(),
      fault,
    }),
  ),
];

export function findScenario(sessionId: string, participantId: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.sessionId === sessionId && s.participantId === participantId);
}

export function sessionExists(sessionId: string): boolean {
  return SCENARIOS.some((s) => s.sessionId === sessionId);
}
