import { describe, expect, it } from 'vitest';
import { iso, MIN, SOCKET_A, SOCKET_B, T0, wireEvent } from '../test/peer-event-fixtures';
import { paintParticipantPage } from './server-paint';

describe('the first reads a painted page names', () => {
  it('names only peer ids this server’s routes take', () => {
    const at = (minute: number) => T0 + minute * MIN;
    const text = JSON.stringify({
      success: true,
      data: {
        participant: {
          id: 'p-1',
          joined_at: iso(at(0)),
          left_at: iso(at(30)),
          peer_events: [
            wireEvent('e1', 'PEER_JOINING', at(0), 'peer-ok', SOCKET_A),
            wireEvent('e2', 'PEER_LEAVING', at(10), 'peer-ok', SOCKET_A),
            wireEvent('e3', 'PEER_JOINING', at(10), '..', SOCKET_B),
            wireEvent('e4', 'PEER_LEAVING', at(30), '..', SOCKET_B),
          ],
        },
      },
    });
    const paint = paintParticipantPage({
      url: new URL('http://localhost/sessions/s-1/participants/p-1?include_peer_events=true'),
      answer: {
        status: 200,
        text,
        headers: new Headers({ 'content-type': 'application/json' }),
        receivedAt: Date.UTC(2026, 10, 22),
      },
      cookie: null,
    });
    expect(paint?.earlyReads).toEqual(['/api/sessions/peer-report/peer-ok']);
  });
});
