import { describe, expect, it } from 'vitest';
import { idsFromPastedText } from './pasted-link';

const SID = '1f0c2b7e-aaaa-bbbb-cccc-000000000001';
const PID = 'p_42-x';

describe('idsFromPastedText', () => {
  it('finds both ids in a deep link or an API URL, and nothing in other text', () => {
    expect(
      idsFromPastedText(` https://inspector.example/sessions/${SID}/participants/${PID}?x=1 `),
    ).toEqual({
      sessionId: SID,
      participantId: PID,
    });
    expect(
      idsFromPastedText(
        `https://api.cloudflare.com/client/v4/accounts/a/realtime/kit/b/sessions/${SID}/participants/${PID}`,
      ),
    ).toEqual({ sessionId: SID, participantId: PID });
    expect(idsFromPastedText(SID)).toBeNull();
    expect(idsFromPastedText('/sessions/../participants/x')).toBeNull();
  });
});

describe('idsFromPastedText keeps what a pasted link asked for', () => {
  it('reads filters and include_peer_events from a deep link or an API URL, when it has them', () => {
    expect(
      idsFromPastedText(
        'https://inspector.example/sessions/s-1/participants/p-1?filters=events,device_info&include_peer_events=false#x',
      ),
    ).toEqual({
      sessionId: 's-1',
      participantId: 'p-1',
      filters: ['device_info', 'events'],
      includePeerEvents: false,
    });
    expect(idsFromPastedText('/sessions/s-1/participants/p-1')).toEqual({
      sessionId: 's-1',
      participantId: 'p-1',
    });
    // Unreadable values are left out rather than guessed.
    expect(
      idsFromPastedText('/sessions/s-1/participants/p-1?filters=nope&include_peer_events=maybe'),
    ).toEqual({ sessionId: 's-1', participantId: 'p-1' });
  });
});
