import { expect, test } from '@playwright/test';
import {
  apiPath,
  chartOf,
  clipboardText,
  deepLink,
  definitionOf,
  sample,
  samples,
  utcText,
} from './support';

type WireParticipant = {
  id: string;
  display_name?: string;
  user_id?: string;
  custom_participant_id?: string;
  preset_name?: string;
  duration?: number;
  joined_at: string;
  left_at?: string;
  created_at?: string;
  updated_at?: string;
  peer_events?: unknown[];
};

test('each demo participant opened cold shows what the API said, field for field', async ({
  page,
  request,
}) => {
  // Every demo participant in turn (22 of them, each loading its peer reports), the 10,002-event
  // history included: allow for that.
  test.setTimeout(300_000);
  // The 100,002-event history is the benchmark's (npm run bench), not a field-by-field case.
  const participants = (await samples(request)).filter(
    (s) => s.group !== 'errors' && !s.label.startsWith('Very large'),
  );
  const clean = participants.filter((s) => !s.label.startsWith('Bad data'));
  for (const s of clean) {
    const body = await (await request.get(apiPath(s))).json();
    const p: WireParticipant = body.data.participant;
    await page.goto(deepLink(s));
    const summary = page.getByRole('region', { name: 'Participant summary' });
    await expect(summary, s.label).toBeVisible();
    if (p.display_name) await expect(summary.getByRole('heading')).toContainText(p.display_name);
    const expectText = async (term: string, value: string | undefined, fallback: string) =>
      expect(await definitionOf(summary, term), `${s.label}: ${term}`).toContainText(
        value ?? fallback,
      );
    await expectText('Participant ID', p.id, '');
    await expectText('User ID', p.user_id, 'not sent');
    await expectText('Custom participant ID', p.custom_participant_id, 'not sent');
    await expectText('Preset', p.preset_name, 'not sent');
    for (const [term, iso] of [
      ['Joined', p.joined_at],
      ['Left', p.left_at],
      ['Created', p.created_at],
      // A participant still in the call is updated between this test's two requests.
      ['Updated', p.left_at === undefined ? undefined : p.updated_at],
    ] as const) {
      if (iso)
        await expect((await definitionOf(summary, term)).getByTitle(utcText(iso))).toBeVisible();
    }
    if (p.left_at === undefined) {
      await expect(summary.getByText('In session', { exact: true })).toBeVisible();
    }
    if (p.duration !== undefined)
      await expectText('Duration', `(${p.duration.toFixed(2)} min)`, '');
    const count = p.peer_events?.length ?? 0;
    if (count > 0) {
      // The table also lists the SDK events its peer reports bring; the facts count peer events.
      const timeline = page.getByRole('region', { name: 'Peer events timeline' });
      const events = await definitionOf(timeline, 'Events');
      if (p.left_at === undefined) {
        // Still in the call: it gains a reconnect every 20 s, so the page (opened after the API
        // was asked) may hold more, never fewer.
        await expect
          .poll(async () => Number((await events.textContent())?.replace(/,/g, '')), s.label)
          .toBeGreaterThanOrEqual(count);
      } else {
        await expect(events, s.label).toHaveText(count.toLocaleString('en'));
      }
      await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
      await expect(await chartOf(page)).toBeVisible();
    } else {
      await expect(
        page.getByText('The API returned no peer events for this participant.'),
      ).toBeVisible();
    }
  }
});

test('the form writes the deep link; back and forward move between participants', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const webinar = await sample(request, 'Webinar viewer');
  await page.goto(deepLink(healthy));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );

  // An open participant shows the lookup as one line: Change opens the form.
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Session ID', { exact: true }).fill(webinar.session_id);
  await page.getByLabel('Participant ID', { exact: true }).fill(` ${webinar.participant_id} `);
  await page.getByLabel('Device info').check();
  await page.getByLabel('Participant ID', { exact: true }).press('Enter');
  await expect(page).toHaveURL(`${deepLink(webinar)}?filters=device_info&include_peer_events=true`);
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Hiroshi Tanaka',
  );

  await page.goBack();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
  await expect(page.getByLabel('Participant ID', { exact: true })).toHaveValue(
    healthy.participant_id,
  );
  await page.goForward();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Hiroshi Tanaka',
  );
  await expect(page.getByLabel('Device info')).toBeChecked();
});

test('a malformed link shows the form with the problem explained', async ({ page }) => {
  await page.goto(
    '/sessions/abc%20def/participants/x?filters=device_info,%20events&include_peer_events=yes',
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This link cannot be opened as it is');
  await expect(alert).toContainText(
    'Session ID may only contain letters, digits, "_" and "-" (found " ")',
  );
  await expect(alert).toContainText('Unknown filters');
  await expect(alert).toContainText('include_peer_events must be "true" or "false"');
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue('abc def');
  await expect(page.getByRole('button', { name: 'Look up' })).toBeVisible();
});

test('peer events not requested: one click includes them', async ({ page, request }) => {
  const reconnects = await sample(request, 'Reconnected');
  await page.goto(deepLink(reconnects, '?include_peer_events=false'));
  await expect(page.getByText('Peer events were not requested.')).toBeVisible();
  await page.getByRole('link', { name: 'Include peer events' }).click();
  await expect(page).toHaveURL(`${deepLink(reconnects)}?include_peer_events=true`);
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Peer events timeline' });
  await expect(await definitionOf(timeline, 'Events')).toHaveText('24');
});

test('Copy link and the id copy buttons put the full values on the clipboard', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy, '?include_peer_events=true'));
  await page.getByRole('button', { name: 'Copy link to this participant' }).click();
  await expect(page.getByRole('button', { name: 'Copy link to this participant' })).toHaveText(
    'Copied',
  );
  expect(await clipboardText(page)).toBe(page.url());
  await page.getByRole('button', { name: 'Copy participant ID' }).click();
  expect(await clipboardText(page)).toBe(healthy.participant_id);
});

test('a deep link arrives with its answer: shown without asking the API, refreshed over it', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(apiPath(healthy))) asked.push(r.url());
  });
  await page.goto(deepLink(healthy));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary).toContainText('Priya Natarajan');
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
  // The page's own answer was used: the browser did not ask for it.
  expect(asked).toHaveLength(0);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(summary).toContainText('Priya Natarajan');
});
