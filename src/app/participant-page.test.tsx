import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { PARTICIPANT_ID, SESSION_ID } from '../test/peer-event-fixtures';
import { renderRoute } from '../test/render-route';
import { createQueryClient } from './query-client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const DEEP_LINK = `/sessions/${SESSION_ID}/participants/${PARTICIPANT_ID}`;
// Only the participant's own request is answered; the page's other requests stay in flight.
const PARTICIPANT_ONLY = { only: `/participants/${PARTICIPANT_ID}` };

const failure = (code: number, kind: string, message: string) => ({
  success: false,
  error: { code, kind, message, request_id: 'req-1' },
});

describe('the participant page, when the server answers with a failure', () => {
  it('counts an open circuit’s Retry-After down and holds Try again until it is over', async () => {
    // Real time still passes (the fetch, React's work); the wait itself is skipped over.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const urls = answerFetch(
      503,
      failure(
        503,
        'upstream_unavailable',
        'RealtimeKit failed for several different requests in a row; this server pauses its requests for 30 s.',
      ),
      { 'retry-after': '30' },
      PARTICIPANT_ONLY,
    );
    renderRoute(DEEP_LINK, createQueryClient());
    const alert = await screen.findByRole('alert', { name: 'RealtimeKit is being given a pause' });
    expect(alert.textContent).toContain('ask for this participant again in 30 s');
    // Real time passes too (shouldAdvanceTime): on a loaded machine a tick may already be gone.
    expect(alert.textContent).toMatch(/Next try possible in (30|29) s/);
    expect(alert.textContent).toContain('Request id req-1');
    const tryAgain = within(alert).getByRole('button', { name: 'Try again' });
    expect(tryAgain).toHaveProperty('disabled', true);

    // A second at a time, as the page ticks (each tick renders, then sets the next one).
    const seconds = async (n: number) => {
      for (let i = 0; i < n; i++) await act(() => vi.advanceTimersByTimeAsync(1_000));
    };
    await seconds(15);
    expect(alert.textContent).toMatch(/Next try possible in 1[45] s/);
    expect(tryAgain).toHaveProperty('disabled', true);

    await seconds(15);
    expect(alert.textContent).not.toContain('Next try possible');
    expect(tryAgain).toHaveProperty('disabled', false);
    // Asked once by the page, never again by itself; then once for the agent's Try again.
    expect(urls).toHaveLength(1);
    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(tryAgain);
    await vi.waitFor(() => expect(urls).toHaveLength(2));
  });

  it('does not ask again by itself after a 504: the server already retried RealtimeKit', async () => {
    const urls = answerFetch(
      504,
      failure(504, 'upstream_timeout', 'RealtimeKit did not answer within 5 s (tried 2 times).'),
      {},
      PARTICIPANT_ONLY,
    );
    renderRoute(DEEP_LINK, createQueryClient());
    const alert = await screen.findByRole('alert', { name: 'RealtimeKit did not answer' });
    expect(alert.textContent).toContain('RealtimeKit did not answer within 5 s (tried 2 times).');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(urls).toHaveLength(1);
  });

  it('asks once more by itself when this app’s server could not be reached', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      if (!url.includes(PARTICIPANT_ONLY.only)) return new Promise<never>(() => undefined);
      urls.push(url);
      throw new TypeError('Failed to fetch');
    });
    renderRoute(DEEP_LINK, createQueryClient());
    const alert = await screen.findByRole('alert', { name: 'Could not reach the server' });
    expect(within(alert).getByRole('button', { name: 'Try again' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(urls).toHaveLength(2);
  });
});
