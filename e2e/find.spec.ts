/**
 * Finding the call when the ticket has no ids: a person and a rough time, the sessions list,
 * a meeting's live session. Against the demo's directory of sessions (server/mock/directory.ts):
 * Jane Doe (custom id crm-60931) has a support call yesterday afternoon among others in the
 * last 14 days, and "Escalation bridge" is live.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';

test.use({ timezoneId: 'UTC' });

/** Presses Tab until `target` has the focus (as a keyboard user would reach it). */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const personField = (page: Page) => page.getByLabel('Name, custom ID, email or participant ID');

test('keyboard only: a custom participant id and "yesterday" lead to that person’s page', async ({
  page,
}) => {
  await page.goto('/');
  await tabTo(page, personField(page));
  await page.keyboard.type('crm-60931');
  await page.keyboard.press('Tab');
  // "When" starts on the last 7 days; one up is yesterday.
  await expect(page.getByLabel('When')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('When')).toHaveValue('yesterday');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Find calls' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/find\?q=crm-60931&range=yesterday$/);
  const results = page.getByRole('region', { name: 'Calls of “crm-60931”' });
  await expect(results.getByRole('status')).toContainText(/Searched (\d+) of \1 sessions/, {
    timeout: 20_000,
  });
  await expect(results.getByRole('status')).toContainText('1 call found');
  const jane = results.getByRole('link', { name: 'Jane Doe' });
  await tabTo(page, jane);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sessions\/[^/]+\/participants\/[^/?]+\?filters=/);
  const header = page.getByRole('region', { name: 'Participant at a glance' });
  await expect(header.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  // The search is remembered beside the recent lookups.
  await page.goto('/');
  await expect(
    page.getByRole('region', { name: 'Recent searches' }).getByRole('link', { name: /crm-60931/ }),
  ).toBeVisible();
});

test('a display name over the last 7 days lists their calls, says the results are partial and how to narrow', async ({
  page,
}) => {
  await page.goto('/');
  // Keyboard only: the person field, a name, Enter (the range stays on the last 7 days).
  await tabTo(page, personField(page));
  await page.keyboard.type('Jane Doe');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/find\?q=Jane%20Doe&range=last-7-days$/);
  const results = page.getByRole('region', { name: 'Calls of “Jane Doe”' });
  // The week holds over a hundred sessions: the newest 50 are searched, and the page says so.
  await expect(results.getByRole('status')).toContainText('Searched 50 of 50 sessions', {
    timeout: 30_000,
  });
  const note = results.getByRole('note');
  await expect(note).toContainText(
    /this range holds \d{3} sessions, and one search reads the newest 50/,
  );
  const rows = results.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  for (const name of await results.getByRole('table').getByRole('rowheader').allTextContents()) {
    expect(name.toLowerCase()).toContain('jane doe');
  }
  // Narrowing to yesterday searches every session of that day: complete, with her call in it.
  await note.getByRole('link', { name: 'yesterday' }).click();
  await expect(page).toHaveURL(/\/find\?q=Jane%20Doe&range=yesterday$/);
  const narrowed = page.getByRole('region', { name: 'Calls of “Jane Doe”' });
  await expect(narrowed.getByRole('status')).toContainText(/Searched (\d+) of \1 sessions/, {
    timeout: 20_000,
  });
  await expect(narrowed.getByRole('note')).toHaveCount(0);
  await expect(narrowed.getByRole('link', { name: 'Jane Doe' })).toBeVisible();
});

test('calls older than 30 days: the page says RealtimeKit no longer keeps them', async ({
  page,
}) => {
  await page.goto('/find?q=jane&range=2026-10-01T00:00:00Z/2026-10-02T00:00:00Z');
  await expect(page.getByRole('alert')).toContainText(
    'RealtimeKit keeps call statistics for 30 days',
  );
});

test('the sessions page finds a live meeting, and its row opens the participant picker', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Browse the sessions' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await page.getByLabel('Status').selectOption('LIVE');
  await page.getByLabel('Meeting title, meeting ID or session ID').fill('Escalation bridge');
  await page.getByRole('button', { name: 'Show sessions' }).click();
  await expect(page).toHaveURL(/\/sessions\?status=LIVE&search=Escalation%20bridge$/);
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('LIVE');
  await table.getByRole('link', { name: 'Escalation bridge' }).click();
  await expect(page).toHaveURL(/\/\?session=/);
  await expect(page.getByRole('option', { name: /Marco Rossi/ })).toBeVisible();
});

test('live now: a meeting’s session in progress opens its picker; a meeting with none says so', async ({
  page,
  request,
}) => {
  const list = await (
    await request.get('/api/sessions?status=LIVE&search=Escalation%20bridge')
  ).json();
  const live = list.data.sessions[0];
  await page.goto(`/live?meeting=${live.associated_id}`);
  await expect(page).toHaveURL(`/?session=${live.id}`);
  await page.goto('/live?meeting=no-such-meeting');
  await expect(page.getByRole('status')).toContainText(
    'No session of meeting no-such-meeting is live now.',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the finding pages pass axe in the ${scheme} theme, and fit a 390 px screen`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      colorScheme: scheme,
      timezoneId: 'UTC',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    for (const [path, ready] of [
      ['/', page.getByRole('button', { name: 'Find calls' })],
      ['/find?q=crm-60931&range=yesterday', page.getByRole('link', { name: 'Jane Doe' })],
      ['/sessions?status=LIVE', page.getByRole('table', { name: 'Sessions' })],
      ['/live?meeting=no-such-meeting', page.getByText('is live now.')],
    ] as const) {
      await page.goto(path);
      await expect(ready).toBeVisible({ timeout: 20_000 });
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
      // Wide tables scroll inside their card; the page itself never does sideways.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        path,
      ).toBe(true);
    }
    await context.close();
  });
}
