import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { PORT } from './ports';
import { deepLink, sample } from './support';

/**
 * A hung RealtimeKit, against a server with the default upstream limits (5 s per attempt, one
 * retry, 9 s in all) as it is deployed: the shared spec server shortens them to keep the other
 * fault specs quick, which would hide how long an agent really waits.
 */
const DEFAULTS_PORT = PORT + 5;
const ORIGIN = `http://127.0.0.1:${DEFAULTS_PORT}`;
/** From opening the page to the explanation with Try again, at most. */
const EXPLAINED_WITHIN_MS = 12_000;

let server: ChildProcess;

test.beforeAll(async () => {
  // Demo mode, and none of the upstream limits a caller's environment may have set.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(UPSTREAM_|BREAKER_)/.test(name)),
  );
  Object.assign(env, { PORT: String(DEFAULTS_PORT), CLOUDFLARE_API_TOKEN: '' });
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env,
    stdio: 'ignore',
  });
  await expect
    .poll(
      () =>
        fetch(`${ORIGIN}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill();
  await exited;
});

test.use({ baseURL: ORIGIN });

test('a RealtimeKit that does not answer is explained, with Try again, within 12 s', async ({
  page,
  request,
}) => {
  const link = deepLink(await sample(request, 'Upstream does not answer'));
  const started = Date.now();
  const left = () => Math.max(1, EXPLAINED_WITHIN_MS - (Date.now() - started));
  // From the moment the page commits: its preload of the request holds the load event.
  await page.goto(link, { waitUntil: 'commit' });
  await expect(page.getByRole('status')).toHaveText('Loading participant…');
  const alert = page.getByRole('alert', { name: 'RealtimeKit did not answer' });
  await expect(alert).toContainText('did not answer within', { timeout: left() });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeEnabled({ timeout: left() });
  test.info().annotations.push({
    type: 'explained after',
    description: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  });
});
