import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readJson } from '../api/http';
import { participantQueryOptions, readParticipant } from '../api/participant-query';
import { readRoute } from '../lib/route';
import { answerFetch } from '../test/fetch-stub';
import {
  leftParticipant,
  longHistoryText,
  MIN,
  PARTICIPANT_ID,
  PEER_A,
  SESSION_ID,
  SOCKET_A,
  T0,
  wireEvent,
} from '../test/peer-event-fixtures';
import { renderRoute } from '../test/render-route';
import { preloadTimeline } from './participant-chunks';
import { createQueryClient } from './query-client';

// A file of its own: the timeline's code, once in, stays in for the rest of a file's tests.

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const DEEP_LINK = `/sessions/${SESSION_ID}/participants/${PARTICIPANT_ID}`;

describe('the participant page’s first commit', () => {
  const short = (() => {
    const events = [
      wireEvent('e1', 'PEER_JOINING', T0, PEER_A, SOCKET_A),
      wireEvent('e2', 'PEER_LEAVING', T0 + 5 * MIN, PEER_A, SOCKET_A, 5),
    ];
    return JSON.stringify({
      success: true,
      data: { participant: { ...leftParticipant, peer_events: events }, session_id: SESSION_ID },
    });
  })();

  /** The page as it first commits, this answer in the cache: the sections below are held. */
  function firstCommit(text: string) {
    // The sections are released in a frame after the first commit: no frame comes here.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const client = createQueryClient();
    const { route } = readRoute(DEEP_LINK);
    if (route.kind !== 'participant') throw new Error('not a participant’s link');
    const result = readParticipant(readJson({ status: 200, headers: new Headers(), text }));
    client.setQueryData(participantQueryOptions(route.params).queryKey, result);
    answerFetch(404, { success: false, error: { code: 404, message: 'not in this test' } });
    renderRoute(DEEP_LINK, client);
  }

  it('brings a long history’s table at once when its code is in, and only then', {
    timeout: 30_000,
  }, async () => {
    const long = longHistoryText();
    firstCommit(long);
    // The answer is shown: the participant's header is in this commit.
    const header = screen.getByRole('region', { name: 'Participant at a glance' });
    expect(within(header).getByRole('heading', { name: 'Long history' })).toBeTruthy();
    // Its code is not in yet: the table is held with the rest.
    expect(screen.queryByRole('table', { name: 'Peer events' })).toBeNull();
    cleanup();
    vi.useRealTimers();

    // A long history's start brings the timeline's code before the first render.
    await preloadTimeline();
    firstCommit(long);
    expect(screen.getByRole('table', { name: 'Peer events' })).toBeTruthy();
    expect(screen.getByText('Showing 8,000 of 8,000 events')).toBeTruthy();
    // The other sections are still held: they come once the first commit is painted.
    expect(screen.queryByRole('region', { name: 'Session' })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(300));
    vi.useRealTimers();
    // (Eight thousand events take jsdom a while to lay out.)
    expect(
      await screen.findByRole('region', { name: 'Session' }, { timeout: 10_000 }),
    ).toBeTruthy();
    cleanup();

    // A short answer keeps its first commit light, code in or not: its table comes after.
    firstCommit(short);
    expect(
      within(screen.getByRole('region', { name: 'Participant at a glance' })).getByRole('heading', {
        name: 'Ada Lovelace',
      }),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Peer events' })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(300));
    vi.useRealTimers();
    expect(await screen.findByRole('table', { name: 'Peer events' })).toBeTruthy();
  });
});
