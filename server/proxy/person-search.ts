/**
 * The person search's fan-out (this server's `GET /api/person-search`, README): the sessions of
 * a range, newest first and at most PERSON_SEARCH_BOUND of them, then each session's
 * participants searched upstream for the person, a few sessions at a time. Its answer is a
 * stream of JSON lines (src/api/person-search-schema.ts), written as the search goes: `range`,
 * then `match` lines and a `progress` line after each session, then `done`; or one `error`
 * when the sessions list could not be read.
 *
 * Upstream calls per search, at most 52: 1 + ceil(50 / 50) = 2 sessions-list pages (the second
 * only when RealtimeKit answers a short page) + 50 participants lists, one page each. With 4 in
 * flight, a search stays far below RealtimeKit's 250 requests per 10 s.
 */
import * as z from 'zod/mini';
import { type Invalid, isInvalid, valid } from '../../src/api/lenient';
import { errorEnvelopeSchema, type Participant } from '../../src/api/participant-schema';
import {
  PERSON_SEARCH_BOUND,
  type PersonMatch,
  type PersonSearchLine,
} from '../../src/api/person-search-schema';
import { ID_PATTERN } from '../../src/api/request-params';
import { sessionParticipantsQuery } from '../../src/api/session-params';
import { type Session, sessionParticipantsResponseSchema } from '../../src/api/session-schema';
import { type PersonSearchParams, sessionsListQuery } from '../../src/api/sessions-list-params';
import { sessionsListResponseSchema } from '../../src/api/sessions-list-schema';
import type { Upstream } from './upstream';

/** Sessions asked for per list page. */
const LIST_PER_PAGE = 50;
/** List pages per search: enough for the bound, and one more should a page come back short. */
const MAX_LIST_PAGES = 1 + Math.ceil(PERSON_SEARCH_BOUND / LIST_PER_PAGE);
/** Participants read per session: one page; the person is searched upstream. */
const PARTICIPANTS_PER_SESSION = 100;
/** Sessions searched at once. */
export const SEARCH_CONCURRENCY = 4;
/** The most upstream calls one search makes (52). */
export const MAX_UPSTREAM_CALLS = MAX_LIST_PAGES + PERSON_SEARCH_BOUND;

type MatchSession = PersonMatch['session'];
type MatchParticipant = PersonMatch['participant'];
type Problem = { kind: string; message: string };
type Listed = { ok: true; sessions: MatchSession[]; inRange: number } | ({ ok: false } & Problem);

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}

/** A string the read schema took as one; undefined when missing, invalid or not a string. */
function text(value: unknown): string | undefined {
  const read = isInvalid(value) ? undefined : value;
  return typeof read === 'string' ? read : undefined;
}

/** A read timestamp as ISO 8601 UTC, whatever form RealtimeKit sent it in. */
function time(value: { readonly ms: number } | Invalid | undefined): string | undefined {
  const read = valid(value);
  return read === undefined ? undefined : new Date(read.ms).toISOString();
}

function sessionLine(session: Session): MatchSession | null {
  const id = text(session.id);
  if (id === undefined) return null;
  // Fields left undefined (missing, or not of the right type) are not written: JSON.stringify
  // drops them.
  return {
    id,
    associated_id: text(session.associated_id),
    meeting_display_name: text(session.meeting_display_name),
    status: text(session.status),
    started_at: time(session.started_at),
    ended_at: time(session.ended_at),
  };
}

function participantLine(participant: Participant): MatchParticipant | null {
  const id = text(participant.id);
  if (id === undefined) return null;
  // A numeric user id is still the person's id: it is passed on as a string.
  const rawUserId = isInvalid(participant.user_id) ? participant.user_id.raw : undefined;
  const userId =
    text(participant.user_id) ??
    (typeof rawUserId === 'number' && Number.isFinite(rawUserId) ? String(rawUserId) : undefined);
  return {
    id,
    display_name: text(participant.display_name),
    custom_participant_id: text(participant.custom_participant_id),
    user_id: userId,
    joined_at: time(participant.joined_at),
    left_at: time(participant.left_at),
    duration: valid(participant.duration),
  };
}

/** What a failed answer says, in the API's error words when its body is readable. */
async function problemOf(response: Response, what: string): Promise<Problem> {
  const parsed = z.safeParse(errorEnvelopeSchema, await readJson(response));
  const error = parsed.success ? parsed.data.error : undefined;
  return {
    kind: error?.kind ?? 'upstream_error',
    message: error?.message ?? `${what} failed (HTTP ${response.status}).`,
  };
}

const BAD_LIST: Problem = {
  kind: 'upstream_bad_body',
  message: 'RealtimeKit’s sessions list could not be read.',
};

/** The sessions to search, newest first and at most the bound, and how many the range holds. */
async function listSessions(
  upstream: Upstream,
  params: PersonSearchParams,
  signal: AbortSignal,
): Promise<Listed> {
  const sessions: MatchSession[] = [];
  const seen = new Set<string>();
  let inRange: number | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const query = sessionsListQuery({
      startTime: params.startTime,
      endTime: params.endTime,
      sortBy: 'createdAt',
      sortOrder: 'DESC',
      // The first page without page_no (whatever RealtimeKit counts from); then the 0-based second.
      pageNo: page === 0 ? undefined : page,
      perPage: LIST_PER_PAGE,
    });
    const response = await upstream.get('/sessions', query, signal);
    if (!response.ok) {
      const problem = await problemOf(response, 'RealtimeKit’s sessions list');
      // A later page failing still leaves the sessions found so far to search.
      if (page === 0) return { ok: false, ...problem };
      break;
    }
    const parsed = z.safeParse(sessionsListResponseSchema, await readJson(response));
    const body = parsed.success ? parsed.data : undefined;
    const data = valid(body?.data);
    const list = valid(data?.sessions);
    if (!body || body.success === false || list === undefined) {
      if (page === 0) return { ok: false, ...BAD_LIST };
      break;
    }
    if (page === 0) inRange = valid(valid(data?.paging)?.total_count);
    for (const entry of list) {
      const session = isInvalid(entry) ? null : sessionLine(entry);
      // A page may repeat an earlier one (should RealtimeKit count pages from 1).
      if (session === null || seen.has(session.id)) continue;
      seen.add(session.id);
      sessions.push(session);
    }
    const wanted = Math.min(PERSON_SEARCH_BOUND, inRange ?? 0);
    if (list.length === 0 || sessions.length >= wanted) break;
  }
  const searching = sessions.slice(0, PERSON_SEARCH_BOUND);
  return { ok: true, sessions: searching, inRange: Math.max(inRange ?? 0, sessions.length) };
}

/** The person's entries in one session's participants, or null when the list failed. */
async function searchSession(
  upstream: Upstream,
  session: MatchSession,
  q: string,
  signal: AbortSignal,
): Promise<MatchParticipant[] | null> {
  if (!ID_PATTERN.test(session.id)) return null;
  const response = await upstream.get(
    `/sessions/${session.id}/participants`,
    sessionParticipantsQuery({ search: q, perPage: PARTICIPANTS_PER_SESSION }),
    signal,
  );
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  const parsed = z.safeParse(sessionParticipantsResponseSchema, await readJson(response));
  const body = parsed.success ? parsed.data : undefined;
  const data = valid(body?.data);
  if (!body || body.success === false || data === undefined) return null;
  const list = data.participants;
  if (isInvalid(list)) return null;
  return (list ?? []).flatMap((entry) => {
    const line = isInvalid(entry) ? null : participantLine(entry);
    return line === null ? [] : [line];
  });
}

type Send = (line: PersonSearchLine) => Promise<void>;

async function run(
  upstream: Upstream,
  params: PersonSearchParams,
  signal: AbortSignal,
  send: Send,
): Promise<void> {
  const listed = await listSessions(upstream, params, signal);
  if (signal.aborted) return;
  if (!listed.ok) {
    await send({ type: 'error', kind: listed.kind, message: listed.message });
    return;
  }
  const { sessions, inRange } = listed;
  const total = sessions.length;
  await send({ type: 'range', sessions_in_range: inRange, searching: total });
  let next = 0;
  let searched = 0;
  let failed = 0;
  let matches = 0;
  const worker = async () => {
    // Stops taking sessions as soon as the search is cancelled.
    for (let session = sessions[next]; session && !signal.aborted; session = sessions[next]) {
      next += 1;
      let found: MatchParticipant[] | null;
      try {
        found = await searchSession(upstream, session, params.q, signal);
      } catch {
        found = null;
      }
      if (signal.aborted) return;
      if (found === null) failed += 1;
      for (const participant of found ?? []) {
        matches += 1;
        await send({ type: 'match', session, participant });
      }
      searched += 1;
      await send({ type: 'progress', searched, total, failed });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEARCH_CONCURRENCY, total) }, worker));
  if (signal.aborted) return;
  await send({
    type: 'done',
    searched,
    total,
    failed,
    matches,
    truncated: inRange > total,
  });
}

/**
 * The search as a byte stream of JSON lines. It stops, and aborts the upstream calls in flight,
 * when `request` aborts (the browser left) or the stream is cancelled. Lines wait for the reader
 * (backpressure), so at most a few lines are held whatever the reader's pace.
 */
export function personSearch(
  upstream: Upstream,
  params: PersonSearchParams,
  request: AbortSignal,
): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, {
    highWaterMark: 16,
  });
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const cancel = () => stop.abort(request.reason);
  if (request.aborted) cancel();
  else request.addEventListener('abort', cancel, { once: true });
  // The reader cancelled the stream: the writable side errors.
  writer.closed.catch(() => stop.abort());
  // Nobody reads any more: lines waiting for the reader are dropped, not held.
  stop.signal.addEventListener('abort', () => void writer.abort().catch(() => undefined), {
    once: true,
  });

  const send: Send = async (line) => {
    if (stop.signal.aborted) return;
    await writer.write(encoder.encode(`${JSON.stringify(line)}\n`)).catch(() => stop.abort());
  };

  void run(upstream, params, stop.signal, send)
    .catch(() =>
      send({ type: 'error', kind: 'internal', message: 'The search stopped unexpectedly.' }),
    )
    .finally(() => {
      request.removeEventListener('abort', cancel);
      void writer.close().catch(() => undefined);
    });
  return readable;
}
