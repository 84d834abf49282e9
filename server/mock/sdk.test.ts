/**
 * The mock against the official `cloudflare` SDK 7.3.0, twice over. At run time the SDK's own
 * client reads the mock's four endpoints. At compile time (`tsc -b` type-checks this file) the
 * schema module's wire types must cover every field the SDK types, at any depth, and the
 * mock's well-behaved answers must fit the SDK's response types: a field the SDK adds, renames
 * or narrows fails the build here before it fails a page.
 *
 * Where the two differ on purpose: the participant endpoint's wire (participant-schema.ts)
 * also allows null and epoch timestamps in a record and its peer events (seen in the wild),
 * where the SDK says strings; its peer_stats and quality_stats are older deployments' sections
 * the SDK no longer has. The SDK knows neither the participants list's `paging` nor the older
 * `data.session{…}` and flat `data{…}` peer-report shapes; the peer report's samples and
 * cumulatives are one type here for the SDK's eight of each.
 */
import Cloudflare from 'cloudflare';
import type { ActiveSessionGetActiveSessionResponse } from 'cloudflare/resources/realtime-kit/active-session';
import type {
  SessionGetParticipantDataFromPeerIDResponse,
  SessionGetSessionDetailsResponse,
  SessionGetSessionParticipantDetailsResponse,
  SessionGetSessionParticipantsResponse,
  SessionGetSessionsResponse,
} from 'cloudflare/resources/realtime-kit/sessions';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import type { WireParticipant, WirePeerEvent } from '../../src/api/participant-schema';
import type {
  WireCumulative,
  WirePeerReportParticipant,
  WireQualitySample,
} from '../../src/api/peer-report-schema';
import type { WirePaging, WireSession } from '../../src/api/session-schema';
import {
  activeSessionResponseWire,
  sessionsListResponseWire,
  type WireActiveSessionResponse,
  type WireSessionsListResponse,
} from '../../src/api/sessions-list-schema';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { listen, type Running } from '../testing/listen';
import { quiet } from '../testing/quiet';
import { CROWD, SESSIONS } from './crowd';
import { LIVE_MEETING, LIVE_SESSION_ID, MEETINGS } from './directory';
import { DEMO_ACCOUNT_ID, DEMO_APP_ID, DEMO_TOKEN } from './identity';
import type { Sender } from './media';
import { SCENARIOS } from './scenarios';
import { scenariosOf, sessionDetails } from './sessions';

// ---- the SDK's types ----

type SdkReportParticipant = NonNullable<
  NonNullable<SessionGetParticipantDataFromPeerIDResponse['data']>['participant']
>;
type SdkQuality = NonNullable<NonNullable<SdkReportParticipant['peer_report']>['quality']>;
type SdkSession = NonNullable<SessionGetSessionDetailsResponse['data']>;
type SdkDetailsParticipant = NonNullable<
  NonNullable<SessionGetSessionParticipantDetailsResponse['data']>['participant']
>;
type SdkListParticipant = NonNullable<
  NonNullable<SessionGetSessionParticipantsResponse['data']>['participants']
>[number];
/** The SDK types paging for the sessions list only; the participants list sends the same. */
type SdkPaging = NonNullable<SessionGetSessionsResponse['paging']>;
type SdkPeerEvent = NonNullable<SdkReportParticipant['peer_events']>[number];
type SdkSample = NonNullable<SdkQuality[`${'audio' | 'video'}_${'producer' | 'consumer'}`]>[number];
type SdkCumulative = NonNullable<
  SdkQuality[`${'audio' | 'video'}_${'producer' | 'consumer'}_cumulative`]
>;

// ---- how two types are compared ----

/** The named keys of a type, without the index signature a loose zod object adds. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** An object type, or the item type of a list of them. */
type Item<T> = NonNullable<T> extends ReadonlyArray<infer I> ? NonNullable<I> : NonNullable<T>;
/** Every path ('peer_report.metadata.native_metadata') the SDK types and ours lacks; never if none. */
type MissingPaths<Sdk, Ours, P extends string = ''> = {
  [K in keyof Named<Sdk> & string]: K extends keyof Named<Ours>
    ? Item<Sdk[K]> extends object
      ? MissingPaths<Item<Sdk[K]>, Item<Ours[K]>, `${P}${K}.`>
      : never
    : `${P}${K}`;
}[keyof Named<Sdk> & string];
/** A type without some keys, keeping its index signature (Omit loses the named keys with it). */
type Without<T, K extends string> = { [P in keyof T as P extends K ? never : P]: T[P] };

// The peer events inside a report are the participant endpoint's, looser than the SDK's.
type WireReportWithoutEvents = Without<WirePeerReportParticipant, 'peer_events'>;

describe('the schema module’s wire types and SDK 7.3.0', () => {
  it('cover every field the SDK types, at every depth', () => {
    expectTypeOf<
      MissingPaths<SdkReportParticipant, WirePeerReportParticipant>
    >().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkSample, WireQualitySample>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkCumulative, WireCumulative>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkPeerEvent, WirePeerEvent>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkDetailsParticipant, WireParticipant>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkListParticipant, WireParticipant>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkSession, WireSession>>().toEqualTypeOf<never>();
    expectTypeOf<MissingPaths<SdkPaging, WirePaging>>().toEqualTypeOf<never>();
    expectTypeOf<
      MissingPaths<SessionGetSessionsResponse, WireSessionsListResponse>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      MissingPaths<ActiveSessionGetActiveSessionResponse, WireActiveSessionResponse>
    >().toEqualTypeOf<never>();
  });

  it('are no looser than the SDK where the mock writes them', () => {
    expectTypeOf<WireReportWithoutEvents>().toExtend<SdkReportParticipant>();
    expectTypeOf<WireSession>().toExtend<SdkSession>();
    expectTypeOf<WirePaging>().toExtend<SdkPaging>();
    expectTypeOf<WireSessionsListResponse>().toExtend<SessionGetSessionsResponse>();
    expectTypeOf<WireActiveSessionResponse>().toExtend<ActiveSessionGetActiveSessionResponse>();
  });

  it('the mock’s answers fit the SDK’s response types', () => {
    const review = SCENARIOS.find((s) => s.key === 'uplink-problem');
    if (review?.kind !== 'participant') throw new Error('no review call');
    const now = Date.UTC(2026, 10, 25);
    const built = review.build(now);
    const others = scenariosOf(review.sessionId).filter((s) => s.key !== review.key);
    const remotes = (): Sender[] => others.flatMap((s) => s.build(now).senders ?? []);
    const [peer] = built.senders ?? [];
    const sent = built.peerReport?.(peer?.peerId ?? '', remotes);
    if (!sent) throw new Error('no report');
    const { peer_events: _events, ...report } = sent;
    const participant = report satisfies SdkReportParticipant;
    const info = SESSIONS.find((s) => s.id === review.sessionId);
    if (!info) throw new Error('no session');
    const session = sessionDetails(info, [], now) satisfies SdkSession;
    expect(participant.peer_report?.quality?.audio_consumer?.length).toBeGreaterThan(0);
    expect(session.id).toBe(review.sessionId);
  });
});

// ---- the SDK's client, reading the mock ----

// The official SDK is a client nobody here wrote: if it reads the mock, the mock speaks the API.
let server: Running;
beforeAll(async () => {
  server = await listen(createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet()));
});
afterAll(() => server.close());

const client = (token = DEMO_TOKEN) =>
  new Cloudflare({ apiToken: token, baseURL: `${server.url}/mock/client/v4`, maxRetries: 0 });
const ids = { account_id: DEMO_ACCOUNT_ID, app_id: DEMO_APP_ID };

const sample = (key: string) => {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`missing scenario ${key}`);
  return found;
};

/** A participant's peers through the SDK, with their events. */
async function peersOf(key: string): Promise<string[]> {
  const s = sample(key);
  const response = await client().realtimeKit.sessions.getSessionParticipantDetails(
    s.participantId,
    { ...ids, session_id: s.sessionId, include_peer_events: true },
  );
  return [...new Set(response.data?.participant?.peer_events?.map((e) => e.peer_id ?? ''))];
}

describe('the mock, read by the official cloudflare SDK', () => {
  it('returns the reconnecting participant with all of its peer events', async () => {
    const scenario = sample('reconnects');
    const response = await client().realtimeKit.sessions.getSessionParticipantDetails(
      scenario.participantId,
      { ...ids, session_id: scenario.sessionId, include_peer_events: true },
    );
    expect(response.success).toBe(true);
    const participant = response.data?.participant;
    expect(participant?.id).toBe(scenario.participantId);
    expect(participant?.display_name).toBe('Marcus Oyelaran');
    expect(participant?.peer_events).toHaveLength(24);
    expect(new Set(participant?.peer_events?.map((e) => e.peer_id)).size).toBe(8);
    // Today's API: the sections older deployments sent are gone.
    expect(participant).not.toHaveProperty('quality_stats');
  });

  it('reads the design review: its details, its participants and each sample’s peer report', async () => {
    const uplink = sample('uplink-problem');
    const sessions = client().realtimeKit.sessions;
    const details = await sessions.getSessionDetails(uplink.sessionId, ids);
    // The SDK types the flat shape; this session answers in the older wrapped one.
    expect(details.data).toMatchObject({ session: { id: uplink.sessionId, status: 'ENDED' } });
    const list = await sessions.getSessionParticipants(uplink.sessionId, { ...ids, per_page: 50 });
    const listed = list.data?.participants?.map((p) => p.id);
    const members = [...SCENARIOS, ...CROWD].filter((s) => s.sessionId === uplink.sessionId);
    expect(new Set(listed)).toEqual(new Set(members.map((s) => s.participantId)));
    expect(listed?.length).toBe(7);

    const peersBySample = new Map<string, string>();
    for (const key of ['uplink-problem', 'downlink-problem', 'cpu-limited', 'refuses-filters']) {
      const [peerId = ''] = await peersOf(key);
      peersBySample.set(peerId, key);
    }
    for (const [peerId, key] of peersBySample) {
      const response = await sessions.getParticipantDataFromPeerID(peerId, ids);
      const participant = response.data?.participant;
      expect(participant?.id, key).toBe(sample(key).participantId);
      expect(participant?.session_id, key).toBe(uplink.sessionId);
      const quality = participant?.peer_report?.quality;
      expect(quality?.video_producer?.[0]?.quality_limitation_reason, key).toBe('none');
      const remotes = new Set(quality?.audio_consumer?.map((s) => s.peer_id));
      // Each sample received from the three other samples and the three others of the call.
      expect(remotes.size, key).toBe(6);
      for (const other of peersBySample.keys()) {
        if (other !== peerId) expect(remotes.has(other), `${key} hears ${other}`).toBe(true);
      }
    }
    const [cpuPeer = ''] = await peersOf('cpu-limited');
    const cpu = await sessions.getParticipantDataFromPeerID(cpuPeer, ids);
    const metadata = cpu.data?.participant?.peer_report?.metadata;
    expect(metadata?.device_info?.cpus).toBe(2);
    expect(metadata?.native_metadata?.video_encoder).toBe('libvpx');
    expect(metadata?.ip_information?.asn).toMatchObject({ asn: 'AS812', domain: 'rogers.com' });
    const limited = cpu.data?.participant?.peer_report?.quality?.video_producer?.filter(
      (s) => s.quality_limitation_reason === 'cpu',
    );
    expect(limited?.length).toBeGreaterThan(40);
    expect(limited?.at(-1)?.quality_limitation_durations?.cpu).toBeGreaterThan(400);
  });

  it('reads the older deployment’s participant, which it asks for without filters', async () => {
    const refusing = sample('refuses-filters');
    const response = await client().realtimeKit.sessions.getSessionParticipantDetails(
      refusing.participantId,
      { ...ids, session_id: refusing.sessionId, include_peer_events: true },
    );
    expect(response.data?.participant?.display_name).toBe('Arjun Mehta');
  });

  it('refuses a wrong token the way Cloudflare does', async () => {
    const scenario = sample('healthy');
    await expect(
      client('nope').realtimeKit.sessions.getSessionParticipantDetails(scenario.participantId, {
        ...ids,
        session_id: scenario.sessionId,
      }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('returns the poor-network peer’s report, TURN over TCP', async () => {
    const [peerId = ''] = await peersOf('poor-network');
    const response = await client().realtimeKit.sessions.getParticipantDataFromPeerID(peerId, ids);
    expect(response.success).toBe(true);
    const pair =
      response.data?.participant?.peer_report?.metadata?.candidate_pairs?.producing_transport?.[0];
    expect(pair).toMatchObject({ local_candidate_type: 'relay', local_candidate_protocol: 'tcp' });
  });

  it('answers an unknown peer with RealtimeKit’s 404 and a wrong token with 401', async () => {
    await expect(
      client().realtimeKit.sessions.getParticipantDataFromPeerID('nobody', ids),
    ).rejects.toMatchObject({ status: 404, error: { success: false, error: { code: 404 } } });
    await expect(
      client('nope').realtimeKit.sessions.getParticipantDataFromPeerID('nobody', ids),
    ).rejects.toMatchObject({ status: 401 });
  });
});

describe('the mock’s sessions list and active session, read by the official cloudflare SDK', () => {
  it('lists two weeks of sessions, a page at a time, with paging', async () => {
    const now = Date.now();
    const params = {
      account_id: DEMO_ACCOUNT_ID,
      start_time: new Date(now - 14 * 24 * 3_600_000).toISOString(),
      end_time: new Date(now).toISOString(),
      sort_by: 'createdAt',
      sort_order: 'DESC',
      per_page: 50,
      page_no: 1,
    } as const;
    const response = await client().realtimeKit.sessions.getSessions(DEMO_APP_ID, params);
    expect(z.safeParse(sessionsListResponseWire, response).success).toBe(true);
    expect(response.success).toBe(true);
    expect(response.data?.sessions).toHaveLength(50);
    expect(response.paging).toMatchObject({ start_offset: 51, end_offset: 100 });
    expect(response.paging?.total_count).toBeGreaterThanOrEqual(200);
    const started = response.data?.sessions?.map((s) => Date.parse(s.started_at)) ?? [];
    expect(started.every((t) => t >= now - 14 * 24 * 3_600_000 && t <= now)).toBe(true);

    const live = await client().realtimeKit.sessions.getSessions(DEMO_APP_ID, {
      account_id: DEMO_ACCOUNT_ID,
      status: 'LIVE',
      search: LIVE_MEETING.title,
    });
    expect(live.data?.sessions?.map((s) => s.id)).toEqual([LIVE_SESSION_ID]);
  });

  it('reads the live meeting’s active session, and RealtimeKit’s 404 for a meeting not live', async () => {
    const active = client().realtimeKit.activeSession;
    const response = await active.getActiveSession(LIVE_MEETING.id, ids);
    expect(z.safeParse(activeSessionResponseWire, response).success).toBe(true);
    expect(response.data).toMatchObject({
      id: LIVE_SESSION_ID,
      associated_id: LIVE_MEETING.id,
      status: 'LIVE',
    });
    expect(response.data?.live_participants).toBe(3);
    await expect(active.getActiveSession(MEETINGS.standup.id, ids)).rejects.toMatchObject({
      status: 404,
      error: { success: false, error: { code: 404 } },
    });
  });
});
