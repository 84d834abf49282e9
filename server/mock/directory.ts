/**
 * The app's recent sessions, for the sessions list, the person search and the active session:
 * two weeks of recurring meetings (stand-ups, onboardings, support calls, 1:1s, board reviews,
 * webinars) with stable meeting ids, 2–10 participants each, and one meeting live now. A few
 * people recur: Jane Doe (crm-60931) under three spellings, Marco Rossi (crm-52740) under two.
 * Every participant is a participant scenario like the crowd's, so its page, its session's
 * list and its session's details answer, consistently.
 *
 * Deterministic and lazy: a day's sessions come from that UTC day's seed and every id from
 * what it names (meeting and start), so a day holds the same sessions in every process. The
 * window is the 14 days before the first `now()` rounded down to the hour; records are built
 * when asked for, and a list never builds peer events (the summary is computed apart).
 */
import type { WireParticipant } from '../../src/api/participant-schema';
import type { SessionInfo } from './crowd';
import { buildPeerReport, type PeerReportInput, sendersOf } from './peer-report';
import { DEVICES, LOCATIONS, NETWORKS } from './profiles';
import { type Random, seeded } from './random';
import type { Built, ParticipantScenario } from './scenarios';
import { buildParticipant, iso, minutesBetween, type Span } from './timeline';

const SECOND = 1000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const DIRECTORY_DAYS = 14;

/** FNV-1a: a seed from a name, so an id follows from what it names. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const uuidOf = (name: string) => seeded(hash(name)).uuid();

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

type Person = { readonly name: string | undefined; readonly customId: string | undefined };
type Meeting = { readonly id: string; readonly title: string };

/** A customer seen in 7 sessions over the two weeks, one of them yesterday 14:10–14:45 UTC. */
export const JANE = { customId: 'crm-60931', names: ['Jane Doe', 'Jane D.', 'jane doe'] } as const;
/** A partner in 5 sessions, the live one among them. */
export const MARCO = { customId: 'crm-52740', names: ['Marco Rossi', 'M. Rossi'] } as const;

const meeting = (title: string): Meeting => ({ id: uuidOf(`meeting:${title}`), title });

export const MEETINGS = {
  standup: meeting('Daily stand-up'),
  onboarding: meeting('Customer onboarding'),
  salesDemo: meeting('Sales demo room'),
  webinar: meeting('Webinar: Getting started with RealtimeKit'),
  board: meeting('Board review'),
  sprint: meeting('Sprint planning'),
  oneOnOneEng: meeting('1:1 Amaya / Tom'),
  oneOnOneCs: meeting('1:1 Chloé / Daniel'),
  officeHours: meeting('Office hours'),
  interviews: meeting('Interview room'),
  retro: meeting('Team retro'),
  partner: meeting('Partner sync: Rossi & Co'),
  escalation: meeting('Escalation bridge'),
} as const;

/** The one directory meeting with a session in progress (it has ended sessions too). */
export const LIVE_MEETING = MEETINGS.escalation;
/** That session: started 25 minutes before the mock's first `now()` (to the minute), three still in. */
export const LIVE_SESSION_ID = uuidOf('session:escalation-bridge-live');

/** Each support call is a meeting of its own, named after its ticket. */
const supportCall = (seed: string) => meeting(`Support call #${40_000 + (hash(seed) % 10_000)}`);

const staff = (names: readonly string[], first: number): Person[] =>
  names.map((name, i) => ({ name, customId: `emp-${first + i}` }));

const ENGINEERS = staff(
  [
    'Amaya Okoro',
    'Tom Becker',
    'Lars Nyberg',
    'Sakura Ito',
    'Diego Paredes',
    'Hannah Kim',
    'Omar Said',
    'Ines Duarte',
  ],
  20101,
);
const AGENTS = staff(
  ['Priscila Santos', 'Kwame Boateng', 'Anna Kowalczyk', 'Ravi Iyer', 'Mei Lin'],
  20201,
);
const CSMS = staff(['Chloé Martin', 'Daniel Cohen', 'Aisha Bello'], 20301);
const SALES = staff(['Lucas Meyer', 'Sofia Marino', 'Ethan Brooks'], 20401);
const BOARD = staff(
  [
    'Helen Strauss',
    'Victor Almeida',
    'Grace Wanjiru',
    'Peter Lindgren',
    'Nora Haddad',
    'Samuel Osei',
  ],
  20501,
);

const GIVEN = [
  'Adaeze',
  'Bruno',
  'Carmen',
  'Dev',
  'Emma',
  'Felipe',
  'Gita',
  'Henrik',
  'Isabel',
  'Jun',
  'Katarzyna',
  'Leon',
  'Maya',
  'Nikolai',
  'Oona',
  'Pedro',
  'Rania',
  'Stefan',
  'Thandiwe',
  'Valentina',
  'William',
  'Yara',
];
const FAMILY = [
  'Andersson',
  'Baptiste',
  'Chowdhury',
  'Dlamini',
  'Esposito',
  'Fischer',
  'García',
  'Hoang',
  'Ivanova',
  'Jovanović',
  'Kruger',
  'Laine',
  'Mensah',
  'Novak',
];

/** People interviewing: a guest link, no custom id. */
const CANDIDATES: readonly Person[] = [
  'Ahmed Farouk',
  'Beatriz Lopes',
  'Connor Walsh',
  'Dilnoza Karimova',
  'Evan Li',
  'Fiona Byrne',
].map((name) => ({ name, customId: undefined }));

/** The app's customers: the same name always with the same custom id; guests have none. */
const CUSTOMERS: readonly Person[] = (() => {
  const r = seeded(60_931);
  return Array.from({ length: 96 }, (_, i) => ({
    // Each given name with a different family name on each round: no two customers alike.
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(3 * i + Math.floor(i / GIVEN.length)) % FAMILY.length]}`,
    customId:
      i % 11 === 6 ? undefined : `crm-3${String(1000 + i * 89 + r.int(0, 88)).padStart(4, '0')}`,
  }));
})();

type Attendance = { readonly person: Person; readonly preset: string };
type Plan = {
  readonly id: string;
  readonly meeting: Meeting;
  readonly start: number;
  /** The length of an ended session; a live one has none. */
  readonly minutes: number | null;
  /** The host first. */
  readonly people: readonly Attendance[];
  readonly view: 'GROUP_CALL' | 'WEBINAR';
};

/** The i-th of a pool, round. */
function nth(pool: readonly Person[], i: number): Person {
  const person = pool[i % pool.length];
  if (!person) throw new Error('an empty pool');
  return person;
}

const host = (person: Person): Attendance => ({ person, preset: 'group_call_host' });
const guest = (person: Person): Attendance => ({ person, preset: 'group_call_participant' });

/** `count` distinct items of a pool. */
function some<T>(r: Random, pool: readonly T[], count: number): T[] {
  const left = [...pool];
  const chosen: T[] = [];
  while (chosen.length < count && left.length > 0) {
    chosen.push(...left.splice(r.int(0, left.length - 1), 1));
  }
  return chosen;
}

function plan(
  meetingOf: Meeting,
  start: number,
  minutes: number | null,
  people: readonly Attendance[],
  view: Plan['view'] = 'GROUP_CALL',
): Plan {
  const id = uuidOf(`session:${meetingOf.id}@${start}`);
  return { id, meeting: meetingOf, start, minutes, people, view };
}

function webinar(start: number, minutes: number, presenter: Person, viewers: readonly Person[]) {
  return plan(
    MEETINGS.webinar,
    start,
    minutes,
    [
      { person: presenter, preset: 'webinar_presenter' },
      ...viewers.map((person) => ({ person, preset: 'webinar_viewer' })),
    ],
    'WEBINAR',
  );
}

/** The sessions of one UTC day (midnight `day`), drawn from that day's seed alone. */
function dayPlans(day: number): Plan[] {
  const r = seeded(hash(`day:${iso(day).slice(0, 10)}`));
  const weekday = new Date(day).getUTCDay();
  const at = (hours: number, minutes = 0) => day + hours * HOUR + minutes * MIN;
  const plans: Plan[] = [];
  const supportCalls = (count: number, from: number, to: number) => {
    for (let i = 0; i < count; i++) {
      const start = at(from) + r.int(0, ((to - from) * 60) / 5) * 5 * MIN;
      const agent = r.pick(AGENTS);
      const people = [host(agent), guest(r.pick(CUSTOMERS))];
      if (r.next() < 0.3) people.push(guest(r.pick(ENGINEERS)));
      if (r.next() < 0.15) people.push(guest(r.pick(CUSTOMERS)));
      const unique = people.filter((p, j) => people.findIndex((q) => q.person === p.person) === j);
      plans.push(plan(supportCall(`${day}:${i}`), start, r.int(10, 45), unique));
    }
  };
  // Drawn on every day, kept only on days before the live one (the bridge is in use today).
  const escalation = r.next() < 0.3;
  const escalationAt = at(r.int(7, 19), r.int(0, 11) * 5);
  const escalationPeople = [
    ...some(r, AGENTS, 1).map(host),
    ...some(r, ENGINEERS, r.int(2, 4)).map(guest),
  ];
  const escalationMinutes = r.int(20, 90);
  if (escalation) {
    plans.push(plan(MEETINGS.escalation, escalationAt, escalationMinutes, escalationPeople));
  }
  if (weekday === 0 || weekday === 6) {
    supportCalls(r.int(3, 6), 10, 16);
    return plans;
  }
  const team = some(r, ENGINEERS.slice(1), r.int(4, 7));
  plans.push(
    plan(MEETINGS.standup, at(9, 30 + r.int(0, 3)), r.int(12, 22), [
      host(nth(ENGINEERS, 0)),
      ...team.map(guest),
    ]),
  );
  for (const hour of some(r, [11, 13, 15, 17], r.int(2, 4))) {
    const customers = some(r, CUSTOMERS, r.int(1, 3));
    plans.push(
      plan(MEETINGS.onboarding, at(hour, r.int(0, 20)), r.int(30, 55), [
        host(r.pick(CSMS)),
        ...customers.map(guest),
      ]),
    );
  }
  supportCalls(r.int(9, 12), 8, 17.5);
  for (const hour of some(r, [9, 11, 16], r.int(1, 3))) {
    const people = [host(r.pick(SALES)), ...some(r, CUSTOMERS, r.int(1, 3)).map(guest)];
    if (r.next() < 0.4) people.push(guest(r.pick(ENGINEERS)));
    plans.push(plan(MEETINGS.salesDemo, at(hour, r.int(0, 15)), r.int(25, 45), people));
  }
  const pair = (m: Meeting, pool: readonly Person[], start: number) =>
    plans.push(plan(m, start, r.int(25, 35), [host(nth(pool, 0)), guest(nth(pool, 1))]));
  if (weekday === 1) pair(MEETINGS.oneOnOneEng, ENGINEERS, at(11));
  if (weekday === 3) pair(MEETINGS.oneOnOneCs, CSMS, at(14, 30));
  // Every other Monday.
  if (weekday === 1 && Math.floor(day / (7 * DAY)) % 2 === 0) {
    const team = some(r, ENGINEERS.slice(1), r.int(5, 7));
    plans.push(
      plan(MEETINGS.sprint, at(13), r.int(50, 70), [host(nth(ENGINEERS, 0)), ...team.map(guest)]),
    );
  }
  if (weekday === 4) {
    const members = some(r, BOARD.slice(1), r.int(4, 5));
    plans.push(
      plan(MEETINGS.board, at(15), r.int(60, 90), [host(nth(BOARD, 0)), ...members.map(guest)]),
    );
  }
  // Customers drop in with questions; an engineer and a CSM answer.
  plans.push(
    plan(MEETINGS.officeHours, at(17, r.int(0, 5)), r.int(30, 60), [
      host(r.pick(CSMS)),
      guest(r.pick(ENGINEERS)),
      ...some(r, CUSTOMERS, r.int(1, 6)).map(guest),
    ]),
  );
  for (const hour of some(r, [10, 14], r.int(0, 2))) {
    plans.push(
      plan(MEETINGS.interviews, at(hour, 30), r.int(40, 60), [
        ...some(r, ENGINEERS, 2).map((person, i) => (i === 0 ? host(person) : guest(person))),
        guest(r.pick(CANDIDATES)),
      ]),
    );
  }
  if (weekday === 5) {
    plans.push(
      plan(MEETINGS.retro, at(15, 30), r.int(40, 55), [
        host(nth(ENGINEERS, 1)),
        ...some(r, [nth(ENGINEERS, 0), ...ENGINEERS.slice(2)], r.int(4, 7)).map(guest),
      ]),
    );
  }
  if (weekday === 2 || weekday === 4) {
    plans.push(webinar(at(16), r.int(45, 60), r.pick(SALES), some(r, CUSTOMERS, r.int(6, 9))));
  }
  return plans;
}

/** Jane's and Marco's sessions, on fixed days before today (`today` is its midnight). */
function recurringPeople(today: number): Plan[] {
  const at = (dayOffset: number, hours: number, minutes: number) =>
    today + dayOffset * DAY + hours * HOUR + minutes * MIN;
  const jane = (i: 0 | 1 | 2): Person => ({ name: JANE.names[i], customId: JANE.customId });
  const marco = (i: 0 | 1): Person => ({ name: MARCO.names[i], customId: MARCO.customId });
  const customer = (i: number) => nth(CUSTOMERS, i * 13 + 5);
  const support = (dayOffset: number) => supportCall(`jane:${today + dayOffset * DAY}`);
  return [
    plan(MEETINGS.onboarding, at(-13, 10, 0), 48, [
      host(nth(CSMS, 0)),
      guest(jane(0)),
      guest(customer(1)),
    ]),
    webinar(at(-11, 12, 0), 50, nth(SALES, 1), [
      customer(2),
      customer(3),
      jane(2),
      customer(4),
      customer(5),
      customer(6),
      customer(7),
    ]),
    plan(support(-9), at(-9, 11, 15), 22, [host(nth(AGENTS, 1)), guest(jane(1))]),
    plan(support(-6), at(-6, 15, 30), 31, [
      host(nth(AGENTS, 3)),
      guest(jane(0)),
      guest(nth(ENGINEERS, 5)),
    ]),
    plan(MEETINGS.onboarding, at(-4, 9, 45), 40, [host(nth(CSMS, 2)), guest(jane(1))]),
    plan(MEETINGS.salesDemo, at(-3, 13, 30), 35, [
      host(nth(SALES, 0)),
      guest(jane(2)),
      guest(customer(8)),
    ]),
    // Yesterday afternoon (UTC).
    plan(support(-1), at(-1, 14, 10), 35, [
      host(nth(AGENTS, 0)),
      guest(jane(0)),
      guest(nth(ENGINEERS, 2)),
    ]),
    plan(MEETINGS.partner, at(-12, 10, 30), 40, [
      host(nth(SALES, 0)),
      guest(marco(0)),
      guest(nth(CSMS, 1)),
    ]),
    plan(MEETINGS.board, at(-8, 9, 0), 75, [
      host(nth(BOARD, 0)),
      guest(marco(1)),
      guest(nth(BOARD, 1)),
      guest(nth(BOARD, 2)),
      guest(nth(BOARD, 4)),
    ]),
    plan(MEETINGS.partner, at(-5, 10, 30), 35, [host(nth(SALES, 0)), guest(marco(1))]),
    plan(MEETINGS.partner, at(-2, 11, 0), 45, [
      host(nth(SALES, 2)),
      guest(marco(0)),
      guest(nth(CSMS, 1)),
    ]),
  ];
}

/** The bridge in use now: two have left, three (Marco among them) are still in. */
function livePlan(start: number): Plan {
  return {
    id: LIVE_SESSION_ID,
    meeting: LIVE_MEETING,
    start,
    minutes: null,
    people: [
      host(nth(AGENTS, 2)),
      guest({ name: MARCO.names[0], customId: MARCO.customId }),
      guest(nth(ENGINEERS, 3)),
      guest(nth(ENGINEERS, 6)),
      guest(nth(AGENTS, 4)),
    ],
    view: 'GROUP_CALL',
  };
}

/**
 * When one participant was in: the host from the start to the end, the others a little after
 * and before, some leaving early, a few reconnecting once. In the live session the host and the
 * next two are still in; the others left before `liveUntil`.
 */
function spansOf(r: Random, p: Plan, index: number): Span[] {
  if (p.minutes === null) {
    const join = index === 0 ? p.start : p.start + r.int(10, 300) * SECOND;
    return [{ join, leave: index < 3 ? null : p.start + r.int(8, 18) * MIN }];
  }
  const end = p.start + p.minutes * MIN;
  if (index === 0) return [{ join: p.start, leave: end }];
  const late = r.next() < 0.15 ? r.int(3, 12) * MIN : 0;
  const join = Math.min(p.start + r.int(5, 240) * SECOND + late, end - 3 * MIN);
  let leave = end - r.int(0, 120) * SECOND;
  if (r.next() < 0.2) leave = join + Math.round((leave - join) * (0.4 + 0.4 * r.next()));
  leave = Math.max(leave, join + MIN);
  if (r.next() < 0.1 && leave - join > 6 * MIN) {
    const drop = join + Math.round((leave - join) * (0.3 + 0.4 * r.next()));
    const back = drop + r.int(15, 90) * SECOND;
    return [
      { join, leave: drop },
      { join: back, leave },
    ];
  }
  return [{ join, leave }];
}

const PLACES = Object.values(LOCATIONS);
const MACHINES = [
  DEVICES.macChrome,
  DEVICES.windowsChrome,
  DEVICES.windowsEdge,
  DEVICES.linuxFirefox,
  DEVICES.iphoneSafari,
];

/** One participant: the list's entry computed apart, the full record (events, reports) on demand. */
function participantScenario(
  p: Plan,
  index: number,
  spans: readonly Span[],
  reportsAt: number,
): ParticipantScenario {
  const attendance = p.people[index];
  if (!attendance) throw new Error('no such attendee');
  const { person, preset } = attendance;
  const participantId = uuidOf(`participant:${p.id}/${index}`);
  const seed = hash(participantId);
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) throw new Error('a participant needs at least one span');
  const summary = once((): WireParticipant => {
    const r = seeded(seed);
    const userId = r.uuid();
    return {
      id: participantId,
      created_at: iso(first.join - r.int(2000, 9000)),
      updated_at: iso(last.leave ?? first.join),
      custom_participant_id: person.customId,
      display_name: person.name,
      duration: last.leave === null ? undefined : minutesBetween(first.join, last.leave),
      joined_at: iso(first.join),
      left_at: last.leave === null ? undefined : iso(last.leave),
      preset_name: preset,
      user_id: userId,
    };
  });
  const build = once((): Built => {
    const entry = summary();
    const timeline = buildParticipant(
      seeded(seed ^ 0x5bd1e995),
      {
        sessionId: p.id,
        participantId,
        userId: typeof entry.user_id === 'string' ? entry.user_id : undefined,
        customParticipantId: person.customId,
        displayName: person.name,
        presetName: preset,
        view: p.view,
      },
      spans,
    );
    // The record is its list entry plus its events, so the two never disagree.
    const participant: WireParticipant = {
      ...entry,
      peer_events: timeline.participant.peer_events,
    };
    // Webinar viewers publish nothing and have no reports.
    if (p.view !== 'GROUP_CALL') return { participant };
    const input: PeerReportInput = {
      participant,
      peerIds: timeline.peerIds,
      spans,
      device: MACHINES[seed % MACHINES.length] ?? DEVICES.macChrome,
      location: PLACES[seed % PLACES.length] ?? LOCATIONS.berlin,
      network: NETWORKS.good,
      now: reportsAt,
    };
    return {
      participant,
      peerReport: (peerId, remotes) => buildPeerReport(input, peerId, remotes),
      senders: sendersOf(input),
    };
  });
  return {
    kind: 'participant',
    key: `directory-${participantId}`,
    label: person.name ?? participantId,
    sessionId: p.id,
    participantId,
    summary,
    build: () => build(),
  };
}

export type Directory = {
  /** Every directory session, oldest first. */
  readonly sessions: readonly SessionInfo[];
  readonly session: (sessionId: string) => SessionInfo | undefined;
  readonly scenariosOf: (sessionId: string) => readonly ParticipantScenario[];
  readonly find: (sessionId: string, participantId: string) => ParticipantScenario | undefined;
  /** Whose peer this is, from an index built at the first lookup. */
  readonly peerOwner: (peerId: string) => ParticipantScenario | undefined;
};

/** The directory as seen from `firstNow`, the mock's first `now()`. */
export function createDirectory(firstNow: number): Directory {
  const anchor = Math.floor(firstNow / HOUR) * HOUR;
  const today = Math.floor(anchor / DAY) * DAY;
  // An hour of margin: whatever `now()` is within the anchor's hour, all are within 14 days.
  const from = anchor - DIRECTORY_DAYS * DAY + HOUR;
  const ended = (p: Plan) =>
    p.start >= from && p.minutes !== null && p.start + p.minutes * MIN <= anchor;
  const plans: Plan[] = [];
  for (let d = DIRECTORY_DAYS; d >= 0; d--) {
    const day = today - d * DAY;
    plans.push(...dayPlans(day).filter((p) => ended(p) && (d > 0 || p.meeting !== LIVE_MEETING)));
  }
  plans.push(...recurringPeople(today));
  const liveStart = Math.floor(firstNow / MIN) * MIN - 25 * MIN;
  plans.push(livePlan(liveStart));
  plans.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));

  const sessions: SessionInfo[] = [];
  const members = new Map<string, ParticipantScenario[]>();
  for (const p of plans) {
    sessions.push({
      id: p.id,
      meetingName: p.meeting.title,
      associatedId: p.meeting.id,
      type: 'meeting',
      status: p.minutes === null ? 'LIVE' : 'ENDED',
      shape: 'flat',
    });
    const r = seeded(hash(`spans:${p.id}`));
    members.set(
      p.id,
      p.people.map((_, i) => participantScenario(p, i, spansOf(r, p, i), firstNow)),
    );
  }
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const peers = once(() => {
    const index = new Map<string, ParticipantScenario>();
    for (const list of members.values()) {
      for (const s of list) {
        for (const sender of s.build(firstNow).senders ?? []) index.set(sender.peerId, s);
      }
    }
    return index;
  });
  return {
    sessions,
    session: (id) => byId.get(id),
    scenariosOf: (id) => members.get(id) ?? [],
    find: (sid, pid) => members.get(sid)?.find((s) => s.participantId === pid),
    peerOwner: (peerId) => peers().get(peerId),
  };
}
