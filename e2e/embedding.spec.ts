import { expect, type Frame, type Page, test } from '@playwright/test';
import { type Portals, startPortals } from './portal';
import { APP_ORIGIN, HOSTILE_ORIGIN, PORTAL_ORIGIN } from './ports';
import { deepLink, sample } from './support';

// One pair of portal servers on fixed ports: the tests of this file share one worker.
test.describe.configure({ mode: 'serial' });

let portals: Portals;
test.beforeAll(async () => {
  portals = await startPortals();
});
test.afterAll(async () => {
  await portals.close();
});

type PortalMessage = {
  source: string;
  type: string;
  height?: number;
  session_id?: string;
  deep_link?: string;
};
const messages = (page: Page): Promise<PortalMessage[]> =>
  page.evaluate(() => (window as unknown as { messages: PortalMessage[] }).messages);

function inspectorFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(APP_ORIGIN));
  if (!frame) throw new Error('the inspector frame is not there');
  return frame;
}

test('the allowed portal frames the app, which resizes it, follows its messages and ignores others', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const webinar = await sample(request, 'Webinar viewer');
  const app = `${deepLink(healthy)}?include_peer_events=true&embed=1`;
  await page.goto(`${PORTAL_ORIGIN}/portal?app=${encodeURIComponent(app)}`);
  const inspector = page.getByTitle('Participant Inspector').contentFrame();
  await expect(inspector.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
  // Embed mode: the compact bar, no navigation link back to the app's home.
  await expect(inspector.getByRole('link', { name: 'Participant Inspector' })).toHaveCount(0);
  await expect(inspector.getByText('Demo data', { exact: true })).toBeVisible();

  await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('ready');
  await expect
    .poll(async () => Math.max(0, ...(await messages(page)).map((m) => m.height ?? 0)))
    .toBeGreaterThan(800);
  // The portal sized the frame to the content: no scrollbar inside it.
  const frame = inspectorFrame(page);
  await expect
    .poll(() =>
      frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1),
    )
    .toBe(true);

  await page.evaluate(
    ([sid, pid]) =>
      (window as unknown as { send: (m: object) => void }).send({
        type: 'navigate',
        session_id: sid,
        participant_id: pid,
      }),
    [webinar.session_id, webinar.participant_id],
  );
  await expect(inspector.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Hiroshi Tanaka',
  );
  await expect
    .poll(async () => (await messages(page)).filter((m) => m.type === 'navigated').at(-1))
    .toMatchObject({
      session_id: webinar.session_id,
      // A link to share: the portal's embed layout is not part of it.
      deep_link: expect.not.stringContaining('embed=1'),
    });

  await page.evaluate(() =>
    (window as unknown as { send: (m: object) => void }).send({ type: 'set-theme', theme: 'dark' }),
  );
  await expect
    .poll(() => frame.evaluate(() => document.documentElement.classList.contains('dark')))
    .toBe(true);

  // The attacker framed beside it sends the same messages: nothing changes.
  const attacker = page.frames().find((f) => f.url().startsWith(HOSTILE_ORIGIN));
  await attacker?.evaluate(
    ([sid, pid]) => {
      const w = window as unknown as { attack: (m: object) => void };
      w.attack({ type: 'navigate', session_id: sid, participant_id: pid });
      w.attack({ type: 'set-theme', theme: 'light' });
    },
    [healthy.session_id, healthy.participant_id],
  );
  // A legitimate message sent after the attack is handled: by then the attack was ignored.
  await page.evaluate(() =>
    (window as unknown as { send: (m: object) => void }).send({ type: 'set-redact', redact: true }),
  );
  await expect(inspector.getByLabel('Hide personal data')).toBeChecked();
  await expect(inspector.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Hiroshi Tanaka',
  );
  expect(await frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
    true,
  );
});

test('another origin cannot frame the app', async ({ page, request }) => {
  const healthy = await sample(request, 'Healthy call');
  const framed: string[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(APP_ORIGIN) && r.request().resourceType() === 'document') {
      framed.push(r.headers()['content-security-policy'] ?? '');
    }
  });
  await page.goto(
    `${HOSTILE_ORIGIN}/frame?app=${encodeURIComponent(`${deepLink(healthy)}?embed=1`)}`,
  );
  // The app answered with a policy that names the portal only, and Chromium refused to show it.
  await expect.poll(() => framed).toHaveLength(1);
  expect(framed[0]).toContain(`frame-ancestors 'self' ${PORTAL_ORIGIN}`);
  await expect
    .poll(() => page.frames().map((f) => f.url()))
    .toContain('chrome-error://chromewebdata/');
  await expect(
    page
      .getByTitle('Participant Inspector')
      .contentFrame()
      .getByRole('region', { name: 'Participant summary' }),
  ).toHaveCount(0);
});
