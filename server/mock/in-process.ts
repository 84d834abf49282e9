/** For the mock's tests: the mock at a fixed time, asked in-process under `…/sessions`. */
import { createMockApi } from './api';
import { DEMO_ACCOUNT_ID, DEMO_API_BASE, DEMO_APP_ID, DEMO_TOKEN } from './identity';

export const SESSIONS_BASE = `${DEMO_API_BASE}/accounts/${DEMO_ACCOUNT_ID}/realtime/kit/${DEMO_APP_ID}/sessions`;

export function mockAt(now: number) {
  const mock = createMockApi({
    token: DEMO_TOKEN,
    accountId: DEMO_ACCOUNT_ID,
    appId: DEMO_APP_ID,
    now: () => now,
  });
  /** GET a path under the sessions routes: its status and JSON body. */
  const get = async (path: string, token = DEMO_TOKEN) => {
    const res = await mock.fetch(
      new Request(`${SESSIONS_BASE}${path}`, { headers: { authorization: `Bearer ${token}` } }),
    );
    return { status: res.status, body: await res.json() };
  };
  return { mock, get };
}
