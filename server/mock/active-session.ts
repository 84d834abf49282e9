/**
 * A meeting's session in progress (`GET …/realtime/kit/{app_id}/meetings/{meeting_id}/active-session`,
 * official SDK 7.3.0's getActiveSession): the live session's details, the same ones its own
 * endpoint and the sessions list send. RealtimeKit's 404 for a meeting with none live, and for
 * a meeting it does not know.
 */
import { Hono } from 'hono';
import type { WireActiveSessionResponse } from '../../src/api/sessions-list-schema';
import { kitError } from './envelopes';
import { detailsOf, refuseOther, type SessionMockOptions } from './sessions';

/** The route, mounted by the mock under `/accounts/:account/realtime/kit/:app/meetings`. */
export function createActiveSessionMock(options: SessionMockOptions) {
  const app = new Hono();
  app.get('/:meeting/active-session', (c) => {
    const refused = refuseOther(c, options);
    if (refused) return refused;
    const meeting = c.req.param('meeting');
    const sessions = options.catalog.sessions().filter((s) => s.associatedId === meeting);
    if (sessions.length === 0) return c.json(kitError(404, 'Meeting not found'), 404);
    const live = sessions.find((s) => s.status === 'LIVE');
    if (!live) return c.json(kitError(404, 'No active session found for this meeting'), 404);
    const body: WireActiveSessionResponse = { success: true, data: detailsOf(options, live) };
    return c.json(body);
  });
  return app;
}
