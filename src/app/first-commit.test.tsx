import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { participantQueryOptions } from '../api/participant-query';
import { readRoute } from '../lib/route';
import { answerFetch } from '../test/fetch-stub';
import {
  leftParticipant,
  MIN,
  PARTICIPANT_ID,
  PEER_A,
  parseParticipant,
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
  /** The page as it first commits, its answer in the cache: the sections below are held. */
  function firstCommit() {
    // The sections are released in a frame after the first commit: no frame comes here.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const client = createQueryClient();
    const { route } = readRoute(DEEP_LINK);
    if (route.kind !== 'participant') throw new Error('not a participant’s link');
    const events = [
      wireEvent('e1', 'PEER_JOINING', T0, PEER_A, SOCKET_A),
      wireEvent('e2', 'PEER_LEAVING', T0 + 5 * MIN, PEER_A, SOCKET_A, 5),
    ];
    const participant = parseParticipant({ ...leftParticipant, peer_events: events });
    client.setQueryData(participantQueryOptions(route.params).queryKey, {
      participant,
      rawText: '{}',
      receivedAt: T0 + 20 * MIN,
    });
    answerFetch(404, { success: false, error: { code: 404, message: 'not in this test' } });
    renderRoute(DEEP_LINK, client);
  }

  it('holds the table with the rest until its code is in, then brings it at once', async () => {
    firstCommit();
    // The answer is shown: the participant's header is in this commit.
    const header = screen.getByRole('region', { name: 'Participant at a glance' });
    expect(within(header).getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Peer events' })).toBeNull();
    cleanup();
    vi.useRealTimers();

    // A long history's start brings the timeline's code before the first render.
    await preloadTimeline();
    firstCommit();
    expect(screen.getByRole('table', { name: 'Peer events' })).toBeTruthy();
    expect(screen.getByText('Showing 2 of 2 events')).toBeTruthy();
    // The other sections are still held: they come once the first commit is painted.
    expect(screen.queryByRole('region', { name: 'Session' })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(300));
    vi.useRealTimers();
    expect(await screen.findByRole('region', { name: 'Session' })).toBeTruthy();
  });
});
