import { expect, test } from '@playwright/test';
import { deepLink, sample } from './support';

test('bad ids are explained inline and nothing is requested', async ({ page }) => {
  await page.goto('/');
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/sessions/')) apiCalls.push(r.url());
  });
  await page.getByLabel('Session ID', { exact: true }).fill('../../accounts');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(
    page.getByText('Session ID may only contain letters, digits, "_" and "-" (found "." "/")'),
  ).toBeVisible();
  await expect(page.getByText('Participant ID is empty.')).toBeVisible();
  await expect(page.getByLabel('Session ID', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('Participant ID', { exact: true }).fill('x'.repeat(65));
  await page.getByLabel('Participant ID', { exact: true }).press('Enter');
  await expect(
    page.getByText('Participant ID is 65 characters long; the limit is 64.'),
  ).toBeVisible();
  await expect(page).toHaveURL('/');
  expect(apiCalls).toEqual([]);
});

test('pasting a deep link or a RealtimeKit API URL into either field fills both ids', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto('/');
  const paste = async (field: string, text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.getByLabel(field, { exact: true }).fill('');
    await page.getByLabel(field, { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+V');
  };
  await paste(
    'Participant ID',
    `http://inspector.example${deepLink(healthy)}?include_peer_events=true`,
  );
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(healthy.session_id);
  await expect(page.getByLabel('Participant ID', { exact: true })).toHaveValue(
    healthy.participant_id,
  );

  await page.getByLabel('Session ID', { exact: true }).fill('');
  await page.getByLabel('Participant ID', { exact: true }).fill('');
  await paste(
    'Session ID',
    `https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/realtime/kit/app-1/sessions/${healthy.session_id}/participants/${healthy.participant_id}?include_peer_events=true`,
  );
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(healthy.session_id);
  await expect(page.getByLabel('Participant ID', { exact: true })).toHaveValue(
    healthy.participant_id,
  );
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
});

test('the idle page offers the form and the demo samples', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Session ID', { exact: true })).toBeEmpty();
  await expect(page.getByLabel('Include peer events')).toBeChecked();
  for (const filter of [
    'Device info',
    'IP information',
    'Pre-call network test',
    'SDK events',
    'Quality stats',
  ]) {
    await expect(page.getByLabel(filter)).not.toBeChecked();
  }
  await page.getByRole('link', { name: 'Reconnected 7 times on mobile (8 peers)' }).click();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Marcus Oyelaran',
  );
});
