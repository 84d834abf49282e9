import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { participantQueryOptions } from '../../api/participant-query';
import {
  iso,
  leftParticipant,
  MIN,
  PARTICIPANT_ID,
  parseParticipant,
  SESSION_ID,
  T0,
  wireEvent,
} from '../../test/peer-event-fixtures';
import type { Diagnosis, Incident } from './lib/finding';
import { NO_RECONNECTS } from './lib/reconnects';
import * as member from './lib/verdict/member';
import { useSessionComparison } from './use-session-comparison';

// Every member's connections and their reports' reading are counted where the hook calls them.
vi.mock('./lib/verdict/member', async (original) => {
  const real = await original<typeof import('./lib/verdict/member')>();
  return { ...real, totalsOf: vi.fn(real.totalsOf), memberOf: vi.fn(real.memberOf) };
});

const OTHERS = [
  { id: 'b7c1d3e5-0000-4000-8000-000000000001', peer: 'c1d3e5f7-0000-4000-8000-0000000000a1' },
  { id: 'b7c1d3e5-0000-4000-8000-000000000002', peer: 'c1d3e5f7-0000-4000-8000-0000000000a2' },
];

const entry = (id: string, name: string) => ({ ...leftParticipant, id, display_name: name });
const answerOf = (id: string, peer: string) => ({
  ...entry(id, `Other ${id.slice(-1)}`),
  peer_events: [
    wireEvent(`${id}-1`, 'PEER_JOINING', T0, peer, 'socket-1'),
    wireEvent(`${id}-2`, 'PEER_LEAVING', T0 + 10 * MIN, peer, 'socket-1', 10),
  ],
});

/** The session's list and the others' answers; peer reports answer "none" (404). */
function serveSession() {
  vi.stubGlobal('fetch', async (url: string) => {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    const other = OTHERS.find((o) => url.includes(`/participants/${o.id}`));
    if (other)
      return json(200, { success: true, data: { participant: answerOf(other.id, other.peer) } });
    if (url.includes(`/sessions/${SESSION_ID}/participants?`)) {
      return json(200, {
        success: true,
        data: {
          participants: [entry(PARTICIPANT_ID, 'Ada'), ...OTHERS.map((o) => entry(o.id, 'x'))],
          paging: { total_count: 3 },
        },
      });
    }
    return json(404, {
      success: false,
      error: { code: 404, kind: 'not_found', message: 'none', request_id: 'r' },
    });
  });
}

const incident: Incident = {
  id: 'i',
  severity: 'poor',
  cause: 'network',
  direction: 'uplink',
  window: { startMs: T0 + 2 * MIN, endMs: T0 + 4 * MIN },
  headline: 'Poor network on their side: what they sent',
  figures: [],
  explanation: '',
  thresholds: [],
  focus: null,
  peerIds: ['me-peer'],
  merged: 1,
};
const diagnosis: Diagnosis = {
  incidents: [incident],
  wholeCall: [],
  reconnects: NO_RECONNECTS,
  complete: true,
  covered: [],
  known: true,
};

describe('useSessionComparison', () => {
  it('works the members out once per arrival, not on every render of the page', async () => {
    serveSession();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result, rerender } = renderHook(
      () =>
        useSessionComparison(SESSION_ID, PARTICIPANT_ID, diagnosis, Date.parse(iso(T0 + 20 * MIN))),
      { wrapper },
    );
    await waitFor(() => expect(result.current.state.status).toBe('read'));
    const read = result.current.state;
    if (read.status !== 'read') throw new Error('not read');
    expect(read.comparison.members.map((m) => [m.participantId, m.spans.length])).toEqual(
      OTHERS.map((o) => [o.id, 1]),
    );
    const totals = vi.mocked(member.totalsOf).mock.calls.length;
    const members = vi.mocked(member.memberOf).mock.calls.length;
    expect(totals).toBeGreaterThan(0);

    // Renders the page makes for other reasons (its other queries, the clock) change nothing here.
    for (let i = 0; i < 5; i++) rerender();
    expect(vi.mocked(member.totalsOf).mock.calls.length).toBe(totals);
    expect(vi.mocked(member.memberOf).mock.calls.length).toBe(members);
    expect(result.current.state).toEqual(read);

    // A new answer for one member (they dropped and came back) is worked out again, that one.
    const [one, two] = OTHERS;
    if (!one || !two) throw new Error('two others');
    const key = participantQueryOptions({
      sessionId: SESSION_ID,
      participantId: one.id,
      filters: [],
      includePeerEvents: true,
    }).queryKey;
    const before = client.getQueryData(key);
    if (!before) throw new Error('no answer in the cache');
    const rejoined = parseParticipant({
      ...answerOf(one.id, one.peer),
      peer_events: [
        wireEvent(`${one.id}-1`, 'PEER_JOINING', T0, one.peer, 'socket-1'),
        wireEvent(`${one.id}-2`, 'PEER_LEAVING', T0 + 3 * MIN, one.peer, 'socket-1', 3),
        wireEvent(`${one.id}-3`, 'PEER_JOINING', T0 + 5 * MIN, one.peer, 'socket-2'),
        wireEvent(`${one.id}-4`, 'PEER_LEAVING', T0 + 10 * MIN, one.peer, 'socket-2', 5),
      ],
    });
    act(() => client.setQueryData(key, { ...before, participant: rejoined }));
    await waitFor(() => {
      const now = result.current.state;
      expect(now.status === 'read' && now.comparison.members.map((m) => m.spans.length)).toEqual([
        2, 1,
      ]);
    });
    expect(vi.mocked(member.totalsOf).mock.calls.length).toBe(totals + 1);
  });
});
