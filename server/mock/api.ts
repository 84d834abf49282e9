/**
 * The embedded stand-in for Cloudflare's RealtimeKit API (docs/UPSTREAM.md): same paths under
 * /client/v4, same bearer-token requirement, same envelopes and status codes.
 */
import { Hono } from 'hono';
import type { Filter } from '../../src/api/participant-schema';
import type { WirePeerReportParticipant } from '../../src/api/peer-report-schema';
import { parseFilters, parseIncludePeerEvents } from '../../src/api/request-params';
import { createActiveSessionMock } from './active-session';
import { CROWD } from './crowd';
import type { Diagnostics } from './diagnostics';
import { createDirectory, type Directory } from './directory';
import { gatewayError, kitError } from './envelopes';
import type { Remotes } from './peer-report';
import { type Built, type Fault, type ParticipantScenario, SCENARIOS } from './scenarios';
import { createCatalog, createSessionMock, type SessionMockOptions } from './sessions';
import { createSessionsListMock } from './sessions-list';

export type MockOptions = {
  readonly token: string;
  readonly accountId: string;
  readonly appId: string;
  readonly now?: () => number;
};

const CLOUDFLARE_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>api.cloudflare.com | 502: Bad gateway</title></head>
<body><h1>Bad gateway</h1><p>Error code 502</p><p>The web server reported a bad gateway error.</p></body></html>`;

/**
 * The participant with only the sections the request asked for. Only an older deployment's
 * record (a sample built with diagnostics) has peer_stats and quality_stats to send.
 */
function shape(built: Built, filters: readonly Filter[], includePeerEvents: boolean) {
  const { peer_events, ...rest } = built.participant;
  const participant: Record<string, unknown> = { ...rest };
  if (includePeerEvents && peer_events !== undefined) participant.peer_events = peer_events;
  const diagnostics: Diagnostics | undefined = built.diagnostics;
  if (!diagnostics) return participant;
  const stats = diagnostics.peer_stats;
  const peerStats: Record<string, unknown> = {};
  for (const section of ['device_info', 'ip_information', 'precall_network_information'] as const) {
    if (filters.includes(section)) {
      peerStats[section] = { ...stats[section], ...built.oddStats?.[section] };
    }
  }
  if (filters.includes('events')) peerStats.events = stats.events;
  if (Object.keys(peerStats).length > 0) {
    participant.peer_stats = { config: stats.config, status: stats.status, ...peerStats };
  }
  if (filters.includes('quality_stats')) participant.quality_stats = diagnostics.quality_stats;
  return participant;
}

async function fault(kind: Fault, signal: AbortSignal): Promise<Response> {
  const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  switch (kind) {
    case 'rate_limited':
      return json(gatewayError(10100, 'Rate limited. Please wait and try again.'), 429, {
        'retry-after': '20',
        'x-ratelimit-reset': '20',
      });
    case 'forbidden':
      return json(gatewayError(10000, 'Authentication error'), 403);
    case 'server_error_html':
      return new Response(CLOUDFLARE_ERROR_PAGE, {
        status: 502,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      });
    case 'success_false':
      return json(kitError(500, 'Could not fetch participant details'), 200);
    case 'truncated': {
      const body = JSON.stringify({
        success: true,
        data: { participant: { id: 'cut', display_name: 'Cut short' } },
      });
      return new Response(body.slice(0, body.length / 2), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    }
    case 'timeout':
      // Never answers on its own; ends when the caller gives up (or after two minutes).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 120_000);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return json(gatewayError(504, 'Gateway timeout'), 504);
  }
}

type FoundReport = {
  readonly report: WirePeerReportParticipant;
  readonly peerEvents: unknown;
  readonly scenario: ParticipantScenario;
};

/** Peer reports' bodies kept by the mock once sent (see reportBody). */
const REPORTS_KEPT = 24;

export function createMockApi(options: MockOptions) {
  const now = options.now ?? Date.now;
  const cache = new Map<string, Built>();
  // Every record is built once, at its first request: a participant still in the session then
  // answers the same on every request (as a real one would between events), so a page and a
  // test that fetch it a second apart see the same join time.
  const firstAsked = new Map<string, number>();
  const build = (scenario: ParticipantScenario): Built => {
    if (scenario.growing) {
      // A live participant gains events as time passes since it was first asked for.
      const at = now();
      const since = firstAsked.get(scenario.key) ?? at;
      firstAsked.set(scenario.key, since);
      return scenario.build(at, since);
    }
    let built = cache.get(scenario.key);
    if (!built) {
      built = scenario.build(now(), now());
      cache.set(scenario.key, built);
    }
    return built;
  };

  // The directory's dates count back from the first time it is needed, for the process's life.
  let directory: Directory | undefined;
  const catalog = createCatalog(() => {
    directory ??= createDirectory(now());
    return directory;
  });

  const app = new Hono().basePath('/client/v4');

  app.use('*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${options.token}`) {
      return c.json(gatewayError(10000, 'Authentication error'), 401);
    }
    await next();
  });

  app.get('/accounts/:account/realtime/kit/:app/sessions/:sid/participants/:pid', async (c) => {
    const { account, app: appId, sid, pid } = c.req.param();
    if (account !== options.accountId) {
      return c.json(gatewayError(9109, 'Unauthorized to access requested resource'), 403);
    }
    if (appId !== options.appId) return c.json(kitError(404, 'App not found'), 404);
    const filters = parseFilters(c.req.query('filters'));
    if (!filters.ok) return c.json(kitError(400, filters.message), 400);
    const include = parseIncludePeerEvents(c.req.query('include_peer_events'));
    if (!include.ok) return c.json(kitError(400, include.message), 400);
    const scenario = catalog.find(sid, pid);
    if (!scenario) {
      const what = catalog.session(sid) ? 'Participant' : 'Session';
      return c.json(kitError(404, `${what} not found`), 404);
    }
    if (scenario.kind === 'fault') return fault(scenario.fault, c.req.raw.signal);
    if (scenario.refusesFilters && c.req.query('filters') !== undefined) {
      // How a deployment that predates `filters` validates its query.
      return c.json(kitError(400, '"filters" is not allowed'), 400);
    }
    const participant = shape(build(scenario), filters.value, include.value === true);
    return c.json({ success: true, data: { participant } });
  });

  /** Everyone else in the participant's session who sent media, for its consumer series. */
  const remotesOf =
    (of: ParticipantScenario): Remotes =>
    () =>
      catalog
        .scenariosOf(of.sessionId)
        .filter((s) => s.key !== of.key && !s.heavy)
        .flatMap((s) => build(s).senders ?? []);

  const reportOf = (scenario: ParticipantScenario, peerId: string) => {
    const built = build(scenario);
    const report = built.peerReport?.(peerId, remotesOf(scenario));
    return report && { report, peerEvents: built.participant.peer_events, scenario };
  };

  // A report's body, kept once sent while nobody in its session gains events (a live session's
  // reports change as it goes on): building one takes ~85 ms, and a verdict reads a handful at
  // once. At most REPORTS_KEPT (about 1.6 MB each), the oldest dropped first.
  const sentReports = new Map<string, Uint8Array<ArrayBuffer>>();
  const settled = (scenario: ParticipantScenario) =>
    !catalog.scenariosOf(scenario.sessionId).some((s) => s.growing) && !scenario.growing;
  const reportBody = (found: FoundReport, key: string, withEvents: boolean) => {
    const kept = sentReports.get(key);
    if (kept !== undefined) return kept;
    const participant = withEvents
      ? { ...found.report, peer_events: found.peerEvents }
      : found.report;
    // Encoded once: a kept body is handed over as it is, without encoding 1.6 MB again (and never
    // changed in place: a Worker's Response may hold these very bytes).
    const body = new TextEncoder().encode(JSON.stringify({ success: true, data: { participant } }));
    if (!settled(found.scenario)) return body;
    if (sentReports.size >= REPORTS_KEPT) {
      const oldest = sentReports.keys().next().value;
      if (oldest !== undefined) sentReports.delete(oldest);
    }
    sentReports.set(key, body);
    return body;
  };

  // A peer's report, built on request, the samples' and their sessions' others', then the
  // directory's through its index of peers. A fault scenario's participant id doubles as a
  // peer id that answers with that fault; the long histories are never built for a lookup.
  const findPeer = (peerId: string): { fault: Fault } | FoundReport | undefined => {
    for (const scenario of [...SCENARIOS, ...CROWD]) {
      if (scenario.kind === 'fault') {
        if (scenario.participantId === peerId) return { fault: scenario.fault };
        continue;
      }
      if (scenario.heavy) continue;
      const found = reportOf(scenario, peerId);
      if (found) return found;
    }
    const owner = catalog.peerOwner(peerId);
    return owner && reportOf(owner, peerId);
  };

  app.get('/accounts/:account/realtime/kit/:app/sessions/peer-report/:peer', async (c) => {
    const { account, app: appId, peer } = c.req.param();
    if (account !== options.accountId) {
      return c.json(gatewayError(9109, 'Unauthorized to access requested resource'), 403);
    }
    if (appId !== options.appId) return c.json(kitError(404, 'App not found'), 404);
    const filters = parseFilters(c.req.query('filters'));
    if (!filters.ok) return c.json(kitError(400, filters.message), 400);
    const include = parseIncludePeerEvents(c.req.query('include_peer_events'));
    if (!include.ok) return c.json(kitError(400, include.message), 400);
    const withEvents = include.value === true;
    const key = `${peer} ${withEvents}`;
    const kept = sentReports.get(key);
    if (kept !== undefined) return c.body(kept, 200, { 'content-type': 'application/json' });
    const found = findPeer(peer);
    if (!found) return c.json(kitError(404, 'Peer not found'), 404);
    if ('fault' in found) return fault(found.fault, c.req.raw.signal);
    // What `filters` narrows in a peer report is undocumented: the mock sends the whole report.
    return c.body(reportBody(found, key, withEvents), 200, { 'content-type': 'application/json' });
  });

  const kit: SessionMockOptions = {
    accountId: options.accountId,
    appId: options.appId,
    catalog,
    build,
    now,
  };
  app.route('/accounts/:account/realtime/kit/:app/sessions', createSessionsListMock(kit));
  app.route('/accounts/:account/realtime/kit/:app/sessions', createSessionMock(kit));
  app.route('/accounts/:account/realtime/kit/:app/meetings', createActiveSessionMock(kit));

  app.notFound((c) =>
    c.json(
      gatewayError(
        7003,
        `Could not route to ${new URL(c.req.url).pathname}, perhaps your object identifier is invalid?`,
      ),
      404,
    ),
  );

  return app;
}
