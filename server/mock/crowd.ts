/**
 * The other people in the demo sessions: plausible participants beside the demo samples, a
 * 312-person town hall (names from many scripts, a few hostile ones, custom ids, some still in
 * the session) and an empty session. Each is a participant scenario like the samples, so its
 * own page opens, and every one is deterministic (seeded). Those in group calls sent media and
 * have peer reports, so a sample's report can be set against theirs: on a good network, but
 * for the verdict calls' others (./verdict-calls.ts), whom the outage hit as well.
 */
import { buildPeerReport, type PeerReportInput, sendersOf } from './peer-report';
import { DEVICES, LOCATIONS, NETWORKS } from './profiles';
import { seeded } from './random';
import { type Built, type ParticipantScenario, SCENARIOS } from './scenarios';
import { buildParticipant, type Span } from './timeline';
import { VERDICT_OTHERS } from './verdict-calls';

const MIN = 60_000;
/** Sat 21 Nov 2026, 14:00 UTC, as in scenarios.ts: the finished demo calls' afternoon. */
const BASE = Date.UTC(2026, 10, 21, 14, 0, 0);

const sessionOf = (key: string) => {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`no demo scenario "${key}"`);
  return found.sessionId;
};

export const TEAM_CALL = sessionOf('healthy');
export const LIVE_CALL = sessionOf('in-session');
export const WEBINAR = sessionOf('webinar');
export const FLAPPING_CALL = sessionOf('history-1k');
export const LONG_CALL = sessionOf('quality-8h');
export const REVIEW_CALL = sessionOf('uplink-problem');
export const FAULTS = sessionOf('fault-rate-limited');
export const OUTAGE_CALL = sessionOf('service-outage');
export const SENDER_CALL = sessionOf('sender-uplink-failed');
export const SOLO_CALL = sessionOf('solo-session');
const extra = seeded(20261122);
export const TOWN_HALL = extra.uuid();
export const EMPTY_CALL = extra.uuid();

const FIRST = [
  'Amara',
  'Bjorn',
  'Chen',
  'Dana',
  'Elif',
  'Farid',
  'Greta',
  'Hana',
  'Ivan',
  'Jonas',
  'Kofi',
  'Lucia',
  'Mateo',
  'Nadia',
  'Olu',
  'Paula',
  'Quinn',
  'Rafael',
  'Sofia',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zanele',
];
const LAST = [
  'Abara',
  'Berg',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fonseca',
  'Gupta',
  'Horvat',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
];

/** Names a support tool must show as text, at fixed places in the town hall. */
const EXOTIC: Readonly<Record<number, string | undefined>> = {
  7: '<b>Bold</b> & <i>italic</i> <script>alert(1)</script>',
  19: '\u202Eevil\u202C Admin',
  31: 'محمد الأحمد',
  43: '李小龍',
  55: '👩🏽‍💻 Dev Team 👨‍👩‍👧',
  67: 'Zero\u200Bwidth\u200DJoiner',
  79: `Very long name ${'Wolfeschlegelsteinhausenbergerdorff '.repeat(8)}`.trim(),
  91: "Robert'); DROP TABLE participants;--",
  103: '',
};

type Person = {
  readonly name: string | undefined;
  readonly customId: string | undefined;
  readonly spans: (now: number) => Span[];
  readonly preset: string;
};

const CROWD_DEVICES = [
  DEVICES.windowsChrome,
  DEVICES.macChrome,
  DEVICES.linuxFirefox,
  DEVICES.windowsEdge,
] as const;
const CROWD_PLACES = Object.values(LOCATIONS);

function scenario(
  sessionId: string,
  key: string,
  participantId: string,
  seed: number,
  person: Person,
  view: 'GROUP_CALL' | 'WEBINAR',
): ParticipantScenario {
  return {
    kind: 'participant',
    key,
    label: person.name ?? participantId,
    sessionId,
    participantId,
    build: (now): Built => {
      const r = seeded(seed);
      const spans = person.spans(now);
      const built = buildParticipant(
        r,
        {
          sessionId,
          participantId,
          userId: r.uuid(),
          customParticipantId: person.customId,
          displayName: person.name,
          presetName: person.preset,
          view,
        },
        spans,
      );
      // Webinar viewers publish nothing and have no reports.
      if (view !== 'GROUP_CALL') return built;
      const input: PeerReportInput = {
        participant: built.participant,
        peerIds: built.peerIds,
        spans,
        device: CROWD_DEVICES[seed % CROWD_DEVICES.length] ?? DEVICES.windowsChrome,
        location: CROWD_PLACES[seed % CROWD_PLACES.length] ?? LOCATIONS.berlin,
        network: NETWORKS.good,
        now,
      };
      return {
        participant: built.participant,
        peerReport: (peerId, remotes) => buildPeerReport(input, peerId, remotes),
        senders: sendersOf(input),
      };
    },
  };
}

/** A whole second, so a record built twice in the same second is the same record. */
const second = (ms: number) => Math.floor(ms / 1000) * 1000;

function townHall(): ParticipantScenario[] {
  const r = seeded(3120);
  return Array.from({ length: 312 }, (_, i) => {
    const id = r.uuid();
    const name =
      i in EXOTIC ? EXOTIC[i] : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    // Every tenth has no custom id, a few carry an e-mail (PII the redaction must hide).
    const customId =
      i % 10 === 3
        ? undefined
        : i % 25 === 0
          ? `attendee${i}@example.com`
          : `emp-${String(i).padStart(5, '0')}`;
    const joinOffset = i * 15_000 + r.int(0, 14_000);
    const stay = r.int(4 * MIN, 80 * MIN);
    const stillIn = i % 9 === 4;
    const rejoins = i % 17 === 5;
    const spans = (now: number): Span[] => {
      const start = second(now) - 95 * MIN;
      const join = start + joinOffset;
      if (rejoins) {
        const back = join + 3 * MIN + 20_000;
        return [
          { join, leave: join + 3 * MIN },
          { join: back, leave: stillIn ? null : Math.min(back + stay, second(now) - MIN) },
        ];
      }
      return [{ join, leave: stillIn ? null : Math.min(join + stay, second(now) - MIN) }];
    };
    const preset = i === 0 ? 'webinar_presenter' : 'webinar_viewer';
    return scenario(
      TOWN_HALL,
      `town-hall-${i}`,
      id,
      31_200 + i,
      {
        name,
        customId,
        spans,
        preset,
      },
      'WEBINAR',
    );
  });
}

/** A few more people in an existing session, around its sample's times. */
function others(
  sessionId: string,
  seed: number,
  names: readonly string[],
  spansFor: (i: number, r: ReturnType<typeof seeded>) => (now: number) => Span[],
  view: 'GROUP_CALL' | 'WEBINAR' = 'GROUP_CALL',
): ParticipantScenario[] {
  const r = seeded(seed);
  return names.map((name, i) => {
    const id = r.uuid();
    const spans = spansFor(i, r);
    return scenario(
      sessionId,
      `${sessionId}-other-${i}`,
      id,
      seed * 100 + i,
      {
        name,
        customId: `crm-${String(seed + i * 37).slice(-5)}`,
        spans,
        preset: view === 'WEBINAR' ? 'webinar_viewer' : 'group_call_participant',
      },
      view,
    );
  });
}

const finished = (join: number, leave: number) => () => [{ join, leave }];

export const CROWD: readonly ParticipantScenario[] = [
  ...others(
    TEAM_CALL,
    4101,
    ['Ana Souza', 'Björn Lindahl', 'Chidi Eze', 'Dmitri Volkov', 'Eva Novak', 'Fatima Zahra'],
    (i, r) => finished(BASE + i * 70_000 + r.int(0, 50_000), BASE + 40 * MIN + r.int(0, 9 * MIN)),
  ),
  ...others(
    LIVE_CALL,
    4102,
    ['Jakob Weber', 'Keiko Sato', 'Liam Byrne', 'Mina Park'],
    (i) => (now) => {
      const start = second(now) - 40 * MIN;
      // The first two are still in the call; the others have left.
      return [{ join: start + i * 45_000, leave: i < 2 ? null : start + (20 + i) * MIN }];
    },
  ),
  ...others(
    WEBINAR,
    4103,
    ['Aiko Mori', 'Bruno Costa', 'Carla Ruiz', 'Deniz Kaya', 'Emeka Obi', 'Freya Holm'],
    (i, r) => {
      const start = BASE - 3 * 60 * MIN;
      return finished(start + i * 30_000 + r.int(0, 20_000), start + 60 * MIN + r.int(0, 30 * MIN));
    },
    'WEBINAR',
  ),
  ...others(LONG_CALL, 4104, ['Gustavo Lima'], () => {
    const start = BASE - 10 * 60 * MIN;
    return finished(start + 90_000, start + 5 * 60 * MIN);
  }),
  // The design review's others: clean networks all along, to set the samples against.
  ...others(REVIEW_CALL, 4105, ['Noor Haddad', 'Oskar Nilsson', 'Renata Alves'], (i, r) => {
    const start = BASE + 60 * MIN;
    return finished(
      start + 5_000 + i * 75_000 + r.int(0, 20_000),
      start + 45 * MIN + r.int(0, 7 * MIN),
    );
  }),
  // The verdict calls' others: the outage hit them too; the sender's call was clean for them.
  ...VERDICT_OTHERS,
  ...townHall(),
];

/** How each demo session describes itself (the participants are counted from the records). */
export type SessionInfo = {
  readonly id: string;
  readonly meetingName: string;
  /** The meeting's id: a uuid, or a legacy room name like abcdef-ghijkl. */
  readonly associatedId: string;
  readonly type: 'meeting' | 'livestream' | 'participant';
  readonly status: 'LIVE' | 'ENDED';
  /** Which documented shape the details come in: `data.session{…}` or flat `data{…}`. */
  readonly shape: 'wrapped' | 'flat';
  /** When the call began, for a session nobody has joined yet. */
  readonly createdAt?: (now: number) => number;
  /** The list answers with Cloudflare's rate limit (the picker's 429, in the demo). */
  readonly rateLimitedList?: boolean;
};

const meetings = seeded(20261123);

export const SESSIONS: readonly SessionInfo[] = [
  {
    id: TEAM_CALL,
    meetingName: 'Weekly team sync',
    associatedId: 'kqzvbn-tprmwx',
    type: 'meeting',
    status: 'ENDED',
    shape: 'wrapped',
  },
  {
    id: LIVE_CALL,
    meetingName: 'Customer onboarding (live)',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'LIVE',
    shape: 'flat',
  },
  {
    id: WEBINAR,
    meetingName: 'Product webinar: what is new',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'ENDED',
    shape: 'flat',
  },
  {
    id: FLAPPING_CALL,
    meetingName: 'Lobby kiosks',
    associatedId: 'lobbyk-iosksx',
    type: 'meeting',
    status: 'ENDED',
    shape: 'wrapped',
  },
  {
    id: LONG_CALL,
    meetingName: 'All-day support bridge',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'ENDED',
    shape: 'wrapped',
  },
  {
    id: FAULTS,
    meetingName: 'Fault injection',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'ENDED',
    shape: 'flat',
    rateLimitedList: true,
  },
  {
    id: TOWN_HALL,
    meetingName: 'Company town hall',
    associatedId: meetings.uuid(),
    type: 'livestream',
    status: 'LIVE',
    shape: 'flat',
  },
  {
    id: EMPTY_CALL,
    meetingName: 'Room booked, nobody yet',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'LIVE',
    shape: 'wrapped',
    createdAt: (now) => second(now) - 2 * MIN,
  },
  {
    id: REVIEW_CALL,
    meetingName: 'Design review: who could hear whom',
    associatedId: meetings.uuid(),
    type: 'meeting',
    status: 'ENDED',
    shape: 'wrapped',
  },
  // The verdict calls, finished on the demo day.
  ...(
    [
      [OUTAGE_CALL, 'Regional outage: everyone degraded 10:05–10:10', 'flat'],
      [SENDER_CALL, 'Could not hear one sender', 'wrapped'],
      [SOLO_CALL, 'Solo rehearsal', 'flat'],
    ] as const
  ).map(
    ([id, meetingName, shape]): SessionInfo => ({
      id,
      meetingName,
      associatedId: meetings.uuid(),
      type: 'meeting',
      status: 'ENDED',
      shape,
    }),
  ),
];

/** The town hall's participant offered as a demo sample (a hostile name among 312). */
export const TOWN_HALL_SAMPLE = CROWD.find((s) => s.key === 'town-hall-150');
