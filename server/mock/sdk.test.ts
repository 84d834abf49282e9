import Cloudflare from 'cloudflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { listen, type Running } from '../testing/listen';
import { quiet } from '../testing/quiet';
import { DEMO_ACCOUNT_ID, DEMO_APP_ID, DEMO_TOKEN } from './identity';
import { SCENARIOS } from './scenarios';

// The official SDK is a client nobody here wrote: if it reads the mock, the mock speaks the API.
let server: Running;
beforeAll(async () => {
  server = await listen(createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet()));
});
afterAll(() => server.close());

const client = () =>
  new Cloudflare({ apiToken: DEMO_TOKEN, baseURL: `${server.url}/mock/client/v4`, maxRetries: 0 });

describe('the mock, read by the official cloudflare SDK', () => {
  it('returns the reconnecting participant with all of its peer events', async () => {
    const scenario = SCENARIOS.find((s) => s.key === 'reconnects');
    if (!scenario) throw new Error('missing scenario');
    const response = await client().realtimeKit.sessions.getSessionParticipantDetails(
      scenario.participantId,
      {
        account_id: DEMO_ACCOUNT_ID,
        app_id: DEMO_APP_ID,
        session_id: scenario.sessionId,
        include_peer_events: true,
      },
    );
    expect(response.success).toBe(true);
    const participant = response.data?.participant;
    expect(participant?.id).toBe(scenario.participantId);
    expect(participant?.display_name).toBe('Marcus Oyelaran');
    expect(participant?.peer_events).toHaveLength(24);
    expect(new Set(participant?.peer_events?.map((e) => e.peer_id)).size).toBe(8);
  });

  it('refuses a wrong token the way Cloudflare does', async () => {
    const scenario = SCENARIOS[0];
    if (!scenario) throw new Error('no scenarios');
    const wrong = new Cloudflare({
      apiToken: 'nope',
      baseURL: `${server.url}/mock/client/v4`,
      maxRetries: 0,
    });
    await expect(
      wrong.realtimeKit.sessions.getSessionParticipantDetails(scenario.participantId, {
        account_id: DEMO_ACCOUNT_ID,
        app_id: DEMO_APP_ID,
        session_id: scenario.sessionId,
      }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
