import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from '../../api/errors';
import { isInvalid, valid } from '../../api/lenient';
import { type ParticipantResult, participantQueryOptions } from '../../api/participant-query';
import type { Participant } from '../../api/participant-schema';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import { BY_JOIN_PAGE_SIZE, byJoinPageOptions } from '../../api/session-participants-query';
import { perObject } from '../../lib/per-object';
import type { TimeWindow } from '../../lib/time-window';
import type { Diagnosis } from './lib/finding';
import { chooseOthers } from './lib/verdict/choose';
import { busiestPeer, type Member, memberOf, presenceWindow, totalsOf } from './lib/verdict/member';
import { comparedWindow } from './lib/verdict/rules';
import type { ComparisonState } from './lib/verdict/verdict';
import { needsComparison } from './lib/verdict/verdict';

/**
 * The list is read in the pages the session card's neighbours read too (one request serves
 * both), 400 at most: the 400 earliest to join are weighed.
 */
const PER_PAGE = BY_JOIN_PAGE_SIZE;
const MAX_PAGES = 400 / PER_PAGE;
/** A member's connections, from their answer (kept with the answer, let go with it). */
const connectionsOf = perObject((answer: ParticipantResult) =>
  totalsOf(answer.participant, answer.receivedAt),
);

/**
 * What these queries hold, as one value that changes only when one of their answers does: a key
 * for work built from their data (their result arrays are new on every render).
 */
const arrivals = (queries: ReadonlyArray<{ readonly dataUpdatedAt: number } | undefined>) =>
  queries.map((q) => q?.dataUpdatedAt ?? 0).join(',');

/** Senders named by incidents whose reports are read beyond the members': at most this many. */
const MAX_NAMED_SENDERS = 4;

export type SessionComparison = {
  readonly state: ComparisonState;
  /** The API calls the comparison asked for (the list's pages, answers and peer reports). */
  readonly calls: number;
};

/**
 * The rest of the session at the incidents' times, through the same queries (so the server's
 * budget, coalescing and cache) as the rest of the page: the list's first page at once (the
 * session card's too), then, once the participant's findings ask for a comparison, its other
 * pages, at most 12 others' answers with their peer events, and one peer report each (and the
 * report of a sender an incident names).
 */
export function useSessionComparison(
  sessionId: string,
  participantId: string,
  diagnosis: Diagnosis,
  now: number,
): SessionComparison {
  const enabled = needsComparison(diagnosis);
  const windows = useMemo<TimeWindow[]>(
    () =>
      diagnosis.incidents.filter((i) => i.cause !== 'device').map((i) => comparedWindow(i.window)),
    [diagnosis.incidents],
  );
  const senders = useMemo(
    () => [...new Set(diagnosis.incidents.flatMap((i) => (i.sender ? [i.sender] : [])))],
    [diagnosis.incidents],
  );
  // The first page is read at once, beside the participant's own reports (the session card reads
  // it anyway); the rest only once the findings ask for a comparison.
  const first = useQueries({ queries: [byJoinPageOptions(sessionId, 0)] })[0];
  const total = first?.data?.totalCount ?? first?.data?.participants.length ?? 0;
  const pages = Math.min(MAX_PAGES, Math.ceil(total / PER_PAGE));
  const rest = useQueries({
    queries: Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({
      ...byJoinPageOptions(sessionId, i + 1),
      enabled,
    })),
  });
  const listedAt = arrivals([first, ...rest]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pages change when listedAt does
  const entries = useMemo(
    () =>
      [first, ...rest]
        .flatMap((q) => q?.data?.participants ?? [])
        .filter(
          (p): p is Participant =>
            !isInvalid(p) && valid(p.id) !== undefined && p.id !== participantId,
        ),
    [listedAt, participantId],
  );
  const chosen = useMemo(
    () =>
      chooseOthers(
        entries.map((e) => ({ participantId: valid(e.id) ?? '', window: presenceWindow(e, now) })),
        windows,
      ),
    [entries, windows, now],
  );
  const answers = useQueries({
    queries: chosen.map((id) => ({
      ...participantQueryOptions({
        sessionId,
        participantId: id,
        filters: [],
        includePeerEvents: true,
      }),
      enabled,
    })),
  });
  // The work below (every member's connections, their reports read by the rules) is done once
  // per arrival, not on every render the page's other queries cause.
  const answered = `${chosen.join(',')}|${arrivals(answers)}`;
  // Per member with an answer, their connections: worked out once per answer (a long history's
  // take a while), so another member's arrival leaves them as they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answers change when answered does
  const connections = useMemo(
    () =>
      chosen.map((_, i) => {
        const answer = answers[i]?.data;
        return answer ? connectionsOf(answer) : null;
      }),
    [answered],
  );
  // Per member, the peers whose reports are read: the one most in the call during the
  // incidents, and a sender an incident names (that peer's own report says what it sent).
  const peers = useMemo(
    () =>
      connections.map((totals) => {
        if (!totals) return [];
        const busiest = busiestPeer(totals, windows);
        const named = senders.filter((s) => s !== busiest && totals.some((t) => t.peerId === s));
        return busiest === null ? named : [busiest, ...named];
      }),
    [connections, windows, senders],
  );
  const known = useMemo(() => new Set(peers.flat()), [peers]);
  const reportPeers = useMemo(
    () => [...known, ...senders.filter((s) => !known.has(s)).slice(0, MAX_NAMED_SENDERS)],
    [known, senders],
  );
  const reports = useQueries({
    queries: reportPeers.map((peerId) => peerReportQueryOptions(peerId, enabled)),
  });
  const loading =
    enabled &&
    [first, ...rest, ...answers, ...reports].some((q) => q?.isPending && q.fetchStatus !== 'idle');
  const reported = `${reportPeers.join(',')}|${arrivals(reports)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: answers and reports change with answered and reported
  const members = useMemo(() => {
    const reportOf = (peerId: string) => {
      const data = reports[reportPeers.indexOf(peerId)]?.data;
      return data ? [{ peerId, participant: data.participant }] : [];
    };
    const found: Member[] = chosen.map((id, i) => {
      const answer = answers[i]?.data;
      const entry = entries.find((e) => e.id === id);
      const record = answer?.participant ?? entry ?? {};
      return memberOf({
        participantId: id,
        name: valid((answer?.participant ?? entry)?.display_name) ?? null,
        record,
        totals: connections[i] ?? undefined,
        reports: (peers[i] ?? []).flatMap(reportOf),
        now,
      });
    });
    for (const senderPeer of senders) {
      const [report] = known.has(senderPeer) ? [] : reportOf(senderPeer);
      const id = report ? valid(report.participant.id) : undefined;
      if (!report || id === undefined || found.some((m) => m.participantId === id)) continue;
      found.push(
        memberOf({
          participantId: id,
          name: valid(report.participant.display_name) ?? null,
          record: report.participant,
          reports: [report],
          now,
        }),
      );
    }
    return found;
  }, [answered, reported, connections, peers, known, reportPeers, entries, senders, now]);
  // A read that failed for another reason than "there is none" (a rate limit, an outage).
  const failures = [...answers, ...reports].filter(
    (q) => q.isError && !(q.error instanceof ApiError && q.error.kind === 'not_found'),
  ).length;
  const calls = enabled ? 1 + rest.length + answers.length + reports.length : 0;
  if (!enabled) return { state: { status: 'loading' }, calls };
  if (first?.isError) return { state: { status: 'failed' }, calls };
  if (loading || !first?.data) return { state: { status: 'loading' }, calls };
  return {
    state: {
      status: 'read',
      comparison: {
        others: Math.max(0, total - 1),
        presence: entries
          .map((e) => presenceWindow(e, now))
          .filter((w): w is TimeWindow => w !== null),
        members,
        failures,
      },
    },
    calls,
  };
}
