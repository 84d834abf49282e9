/**
 * The session endpoints of the mock (RealtimeKit's API, docs/UPSTREAM.md): the participants of a session, with
 * server-side search, sort and paging exactly as documented, and the session's details in both
 * documented shapes. The records are the same ones the participant endpoint answers with (built
 * through the mock's one cache), so a list entry and its page always agree. The sessions are
 * the catalog's: the demo's and the directory's (./directory.ts).
 */
import { type Context, Hono } from 'hono';
import type { WireParticipant } from '../../src/api/participant-schema';
import {
  readSessionParticipantsQuery,
  type SessionParticipantsParams,
} from '../../src/api/session-params';
import type {
  WirePaging,
  WireSession,
  WireSessionParticipantsResponse,
  WireSessionResponse,
} from '../../src/api/session-schema';
import { CROWD, SESSIONS, type SessionInfo, TOWN_HALL_SAMPLE } from './crowd';
import type { Directory } from './directory';
import { gatewayError, kitError } from './envelopes';
import {
  type Built,
  findScenario,
  type ParticipantScenario,
  SCENARIOS,
  type Scenario,
} from './scenarios';

const MIN = 60_000;
const DEFAULT_PER_PAGE = 20;
const ORGANIZATION_ID = '5e1c8a4f-2b7d-4e9a-9c3f-1d2e3f4a5b6c';

/** A participant as the list sends it: the record without its peer events. */
export type Entry = Omit<WireParticipant, 'peer_events'> & Record<string, unknown>;

/** Builds (or finds in the mock's cache) one participant's record. */
export type BuildRecord = (scenario: ParticipantScenario) => Built;

/** The demo sample of the big session, for /api/config. */
export const SESSION_SAMPLES = TOWN_HALL_SAMPLE
  ? [
      {
        label: 'Town hall: 312 participants (picker and neighbours)',
        session_id: TOWN_HALL_SAMPLE.sessionId,
        participant_id: TOWN_HALL_SAMPLE.participantId,
      },
    ]
  : [];

export function findSessionScenario(
  sessionId: string,
  participantId: string,
): Scenario | undefined {
  return (
    findScenario(sessionId, participantId) ??
    CROWD.find((s) => s.sessionId === sessionId && s.participantId === participantId)
  );
}

/** Every participant of a demo session, the samples' and the crowd's (faults have no record). */
export function scenariosOf(sessionId: string): ParticipantScenario[] {
  return [...SCENARIOS, ...CROWD].filter(
    (s): s is ParticipantScenario => s.kind === 'participant' && s.sessionId === sessionId,
  );
}

/** Every session the mock knows: the demo's, then the directory's (made at its first use). */
export type Catalog = {
  readonly sessions: () => readonly SessionInfo[];
  readonly session: (sessionId: string) => SessionInfo | undefined;
  readonly scenariosOf: (sessionId: string) => readonly ParticipantScenario[];
  readonly find: (sessionId: string, participantId: string) => Scenario | undefined;
  /** A directory participant's peer; the demo's are found by building their reports. */
  readonly peerOwner: (peerId: string) => ParticipantScenario | undefined;
};

export function createCatalog(directory: () => Directory): Catalog {
  const demo = new Map(SESSIONS.map((s) => [s.id, s]));
  return {
    sessions: () => [...SESSIONS, ...directory().sessions],
    session: (id) => demo.get(id) ?? directory().session(id),
    scenariosOf: (id) => (demo.has(id) ? scenariosOf(id) : directory().scenariosOf(id)),
    find: (sid, pid) => findSessionScenario(sid, pid) ?? directory().find(sid, pid),
    peerOwner: (peerId) => directory().peerOwner(peerId),
  };
}

/** The list entry of one participant: a heavy history is never built for a list. */
function entryOf(scenario: ParticipantScenario, build: BuildRecord): Entry {
  const record = scenario.summary ? scenario.summary() : build(scenario).participant;
  const { peer_events: _events, ...rest } = record;
  return rest;
}

const ms = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

function minutesOf(entry: Entry, now: number): number {
  const sent = typeof entry.duration === 'string' ? Number(entry.duration) : entry.duration;
  if (typeof sent === 'number' && Number.isFinite(sent)) return sent;
  // Still in the call: the minutes so far.
  const joined = ms(entry.joined_at);
  return Number.isFinite(joined) ? Math.max(0, (now - joined) / MIN) : 0;
}

const text = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : '');

/**
 * Search, sort and one page, as the API documents them: `search` is a case-insensitive
 * substring of the id, custom id or display name; `page_no` counts from 0. The offsets are
 * 1-based and inclusive, as in the official example ({start_offset: 1, end_offset: 2}).
 */
export function listPage(
  entries: readonly Entry[],
  params: SessionParticipantsParams,
  now: number,
): { participants: Entry[]; paging: WirePaging } {
  const needle = params.search?.toLowerCase();
  const found = needle
    ? entries.filter((e) =>
        [e.id, e.custom_participant_id, e.display_name].some((v) => text(v).includes(needle)),
      )
    : [...entries];
  const key = (e: Entry) => (params.sortBy === 'duration' ? minutesOf(e, now) : ms(e.joined_at));
  // Unreadable values last; ties in id order, so paging never repeats or skips anyone.
  found.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order =
      Number.isNaN(ka) || Number.isNaN(kb)
        ? Number(Number.isNaN(ka)) - Number(Number.isNaN(kb))
        : ka - kb;
    return order !== 0 ? order : text(a.id).localeCompare(text(b.id));
  });
  if (params.sortOrder === 'DESC') found.reverse();
  const perPage = params.perPage ?? DEFAULT_PER_PAGE;
  const start = (params.pageNo ?? 0) * perPage;
  const participants = found.slice(start, start + perPage);
  return {
    participants,
    paging: {
      start_offset: start + 1,
      end_offset: start + participants.length,
      total_count: found.length,
    },
  };
}

const iso = (at: number) => new Date(at).toISOString();

/** The session's details, counted from its participants' records. */
export function sessionDetails(
  info: SessionInfo,
  entries: readonly Entry[],
  now: number,
): WireSession {
  const at = Math.floor(now / 1000) * 1000;
  const spans = entries
    .map((e) => ({ join: ms(e.joined_at), leave: ms(e.left_at) }))
    .filter((s) => Number.isFinite(s.join));
  const live = info.status === 'LIVE';
  const started =
    spans.length > 0 ? Math.min(...spans.map((s) => s.join)) : (info.createdAt?.(now) ?? at);
  const ended = Math.max(
    started,
    ...spans.map((s) => (Number.isFinite(s.leave) ? s.leave : started)),
  );
  // Concurrency: +1 at each join, −1 at each leave, in time order (leaves first on a tie).
  const steps = spans.flatMap((s) => [
    { t: s.join, d: 1 },
    { t: Number.isFinite(s.leave) ? s.leave : live ? at : ended, d: -1 },
  ]);
  steps.sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let max = 0;
  for (const step of steps) {
    current += step.d;
    max = Math.max(max, current);
  }
  const minutes = entries.reduce((sum, e) => sum + minutesOf(e, at), 0);
  return {
    id: info.id,
    associated_id: info.associatedId,
    meeting_display_name: info.meetingName,
    type: info.type,
    status: info.status,
    live_participants: live ? entries.filter((e) => e.left_at === undefined).length : 0,
    max_concurrent_participants: max,
    minutes_consumed: Math.round(minutes * 100) / 100,
    created_at: iso(started - MIN),
    started_at: iso(started),
    ...(live ? {} : { ended_at: iso(ended) }),
    updated_at: iso(live ? at : ended),
    organization_id: ORGANIZATION_ID,
  };
}

export type SessionMockOptions = {
  readonly accountId: string;
  readonly appId: string;
  readonly catalog: Catalog;
  readonly build: BuildRecord;
  readonly now: () => number;
};

/** The account and app checks every RealtimeKit route makes: a refusal, or nothing. */
export function refuseOther(c: Context, options: SessionMockOptions): Response | undefined {
  const { account, app: appId } = c.req.param();
  if (account !== options.accountId) {
    return c.json(gatewayError(9109, 'Unauthorized to access requested resource'), 403);
  }
  if (appId !== options.appId) return c.json(kitError(404, 'App not found'), 404);
  return undefined;
}

/** A session's participants as its list sends them. */
const entriesOf = (options: SessionMockOptions, sessionId: string) =>
  options.catalog.scenariosOf(sessionId).map((s) => entryOf(s, options.build));

/** A session's details now: the same in its own answer, the sessions list and the active session. */
export const detailsOf = (options: SessionMockOptions, info: SessionInfo) =>
  sessionDetails(info, entriesOf(options, info.id), options.now());

/** The two routes, mounted by the mock under `/accounts/:account/realtime/kit/:app/sessions`. */
export function createSessionMock(options: SessionMockOptions) {
  const app = new Hono();

  /** The account and app checks, then the session. */
  const find = (c: Context): SessionInfo | Response => {
    const refused = refuseOther(c, options);
    if (refused) return refused;
    const info = options.catalog.session(c.req.param('sid') ?? '');
    return info ?? c.json(kitError(404, 'Session not found'), 404);
  };

  app.get('/:sid/participants', (c) => {
    const info = find(c);
    if (info instanceof Response) return info;
    const query = new URL(c.req.url).searchParams;
    // The API takes these too; the list the mock sends is the light one either way.
    query.delete('include_peer_events');
    query.delete('view');
    const params = readSessionParticipantsQuery(query);
    if (!params.ok) return c.json(kitError(400, params.message), 400);
    if (info.rateLimitedList) {
      return c.json(gatewayError(10100, 'Rate limited. Please wait and try again.'), 429, {
        'retry-after': '20',
        'x-ratelimit-reset': '20',
      });
    }
    const body: WireSessionParticipantsResponse = {
      success: true,
      data: listPage(entriesOf(options, info.id), params.value, options.now()),
    };
    return c.json(body);
  });

  app.get('/:sid', (c) => {
    const info = find(c);
    if (info instanceof Response) return info;
    const session = detailsOf(options, info);
    const body: WireSessionResponse =
      info.shape === 'wrapped'
        ? { success: true, data: { session } }
        : { success: true, data: session };
    return c.json(body);
  });

  return app;
}
