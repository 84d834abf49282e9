import { expect, test } from '@playwright/test';
import { BASE_PATH } from './ports';
import { chartOf } from './support';

test('the whole app works under BASE_PATH, with no request outside it', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith(BASE_PATH)) outside.push(url.pathname);
  });
  await page.goto(BASE_PATH);
  await page.getByRole('link', { name: 'Reconnected 7 times on mobile (8 peers)' }).click();
  await expect(page).toHaveURL(
    new RegExp(
      `^http://[^/]+${BASE_PATH}sessions/[0-9a-f-]+/participants/[0-9a-f-]+\\?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true$`,
    ),
  );
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Marcus Oyelaran',
  );
  await expect(await chartOf(page)).toBeVisible();

  // A deep link opened cold under the prefix, and the form's navigation, stay under it. The
  // page carries its answer under the prefix too: the browser does not ask for it (the
  // Verdict's comparison asks for the others' answers, not this one's).
  const own = new URL(page.url()).pathname.split('/participants/')[1];
  expect(own).toMatch(/^[0-9a-f-]+$/);
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith(`${BASE_PATH}api/`) && path.endsWith(`/participants/${own}`)) {
      asked.push(path);
    }
  });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Peer events' })).toBeVisible();
  expect(asked).toEqual([]);
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Device info').check();
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(/filters=device_info/);
  expect(new URL(page.url()).pathname.startsWith(`${BASE_PATH}sessions/`)).toBe(true);
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Marcus Oyelaran',
  );
  expect(outside).toEqual([]);
});

test('outside BASE_PATH nothing is served', async ({ request }) => {
  expect((await request.get('/api/config')).status()).toBe(404);
  expect((await request.get(`${BASE_PATH}api/config`)).status()).toBe(200);
});
