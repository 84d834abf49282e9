import { afterEach, describe, expect, it, vi } from 'vitest';
import { onInbound, post } from './use-portal-bridge';

const PORTAL = 'https://portal.example';
const source = 'participant-inspector';
const navigateMessage = { source, type: 'navigate', session_id: 's-1', participant_id: 'p-1' };

function event(data: unknown, init: { origin: string; source: MessageEventSource | null }) {
  return new MessageEvent('message', { data, origin: init.origin, source: init.source });
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('onInbound (the app side of the portal protocol)', () => {
  it('follows a well-formed message from window.parent at an allowed origin', () => {
    // In a top-level test window, window.parent is the window itself.
    onInbound(event(navigateMessage, { origin: PORTAL, source: window.parent }), [PORTAL]);
    expect(window.location.pathname).toBe('/sessions/s-1/participants/p-1');
  });

  it('ignores the same message from another origin', () => {
    onInbound(event(navigateMessage, { origin: 'https://evil.example', source: window.parent }), [
      PORTAL,
    ]);
    expect(window.location.pathname).toBe('/');
  });

  it('ignores the same message from the right origin but another window (a sibling frame)', () => {
    const sibling = document.createElement('iframe');
    document.body.append(sibling);
    onInbound(event(navigateMessage, { origin: PORTAL, source: sibling.contentWindow }), [PORTAL]);
    expect(window.location.pathname).toBe('/');
    sibling.remove();
  });
});

describe('post', () => {
  it('sends to each allowed origin explicitly, never to "*"', () => {
    const sent = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined);
    post([PORTAL, 'http://127.0.0.1:3000'], { type: 'ready', version: 1 });
    expect(sent.mock.calls).toEqual([
      [{ source, type: 'ready', version: 1 }, PORTAL],
      [{ source, type: 'ready', version: 1 }, 'http://127.0.0.1:3000'],
    ]);
  });

  it('sends nothing when no origin is allowed', () => {
    const sent = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined);
    post([], { type: 'resize', height: 100 });
    expect(sent).not.toHaveBeenCalled();
  });
});
