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
    `http://inspector.example${deepLink(healthy)}?filters=device_info,events&include_peer_events=false`,
  );
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(healthy.session_id);
  await expect(page.getByLabel('Participant ID', { exact: true })).toHaveValue(
    healthy.participant_id,
  );
  // The colleague's link keeps the diagnostics it asked for.
  await expect(page.getByLabel('Device info')).toBeChecked();
  await expect(page.getByLabel('SDK events')).toBeChecked();
  await expect(page.getByLabel('Quality stats')).not.toBeChecked();
  await expect(page.getByLabel('Include peer events')).not.toBeChecked();

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

const FILTER_LABELS = [
  'Device info',
  'IP information',
  'Pre-call network test',
  'SDK events',
  'Quality stats',
];

test('the idle page asks for every diagnostic by default and offers the demo samples', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('Session ID', { exact: true })).toBeEmpty();
  await expect(page.getByLabel('Include peer events')).toBeChecked();
  for (const filter of FILTER_LABELS) await expect(page.getByLabel(filter)).toBeChecked();
  await page.getByRole('link', { name: 'Reconnected 7 times on mobile (8 peers)' }).click();
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Marcus Oyelaran',
  );
  // The sample asked for everything, and says so in its link.
  await expect(page).toHaveURL(
    /\?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true$/,
  );
});

test('the last choice of diagnostics is remembered in this browser; an open page collapses the form to one line', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto('/');
  await page.getByLabel('Session ID', { exact: true }).fill(healthy.session_id);
  await page.getByLabel('Participant ID', { exact: true }).fill(healthy.participant_id);
  await page.getByLabel('Quality stats').uncheck();
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(
    /filters=device_info,ip_information,precall_network_information,events&/,
  );
  // The lookup is one line now; Change opens the form, as the link asked.
  await expect(page.getByLabel('Session ID', { exact: true })).toBeHidden();
  const change = page.getByRole('button', { name: 'Change' });
  await expect(change).toHaveAttribute('aria-expanded', 'false');
  await change.click();
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(healthy.session_id);
  await expect(page.getByLabel('Quality stats')).not.toBeChecked();
  await page.goto('/');
  await expect(page.getByLabel('Quality stats')).not.toBeChecked();
  await expect(page.getByLabel('Device info')).toBeChecked();
});
