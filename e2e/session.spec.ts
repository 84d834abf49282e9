import { expect, type Page, test } from '@playwright/test';
import { EMPTY_CALL } from '../server/mock/crowd';
import { deepLink, sample } from './support';

const picker = (page: Page) => page.getByRole('listbox', { name: 'Participants of this session' });

test('from the home page, the keyboard alone finds a participant by name and opens it', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto('/');
  const sessionField = page.getByLabel('Session ID', { exact: true });
  // Tab from the top of the page until the Session ID field has the focus.
  for (let i = 0; i < 15; i++) {
    if (await sessionField.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(sessionField).toBeFocused();
  await page.keyboard.type(healthy.session_id);
  // The picker opens once the id settles; the agent sees this session's people, then tabs on.
  const search = page.getByRole('combobox', { name: 'Search participants' });
  await expect(picker(page).getByRole('option', { name: /Priya Natarajan/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Participant ID', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type('natara');
  const option = picker(page).getByRole('option', { name: /Priya Natarajan/ });
  await expect(option).toBeVisible();
  await expect(picker(page).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    `${deepLink(healthy)}?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true`,
  );
  await expect(page.getByRole('region', { name: 'Participant summary' })).toContainText(
    'Priya Natarajan',
  );
});

test('the 312-participant town hall pages, sorts and searches on the server', async ({
  page,
  request,
}) => {
  const townHall = await sample(request, 'Town hall');
  await page.goto(`/?session=${townHall.session_id}`);
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(townHall.session_id);
  const range = page.getByRole('status').filter({ hasText: /^[\d,]+(–[\d,]+)? of [\d,]+/ });
  await expect(range).toHaveText('1–20 of 312');
  await expect(picker(page).getByRole('option')).toHaveCount(20);
  // Hostile names are text, never markup.
  await expect(
    picker(page).getByText('<b>Bold</b> & <i>italic</i> <script>alert(1)</script>'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(range).toHaveText('21–40 of 312');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(range).toHaveText('1–20 of 312');
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await page.getByLabel('Sort participants').selectOption({ label: 'Joined, latest first' });
  await expect(range).toHaveText('1–20 of 312');
  await page.getByRole('combobox', { name: 'Search participants' }).fill('李小');
  await expect(picker(page).getByRole('option')).toHaveCount(1);
  await expect(picker(page).getByRole('option')).toContainText('李小龍');
  await expect(range).toHaveText('1–1 of 1');
  await page.getByRole('combobox', { name: 'Search participants' }).fill('EMP-0004');
  // emp-00040 … emp-00049, but the tenth has no custom id.
  await expect(range).toHaveText('1–9 of 9');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Search participants' }).fill('nobody by this name');
  await expect(page.getByText('No participant matches “nobody by this name”.')).toBeVisible();
});

test('the picker says when a session is unknown, empty or rate limited', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const sessionField = page.getByLabel('Session ID', { exact: true });
  await sessionField.fill('00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText('RealtimeKit has no session with this ID.');
  await sessionField.fill(EMPTY_CALL);
  await expect(page.getByText('Nobody has joined this session yet.')).toBeVisible();
  const faults = await sample(request, 'Rate limited by Cloudflare');
  await sessionField.fill(faults.session_id);
  await expect(page.getByRole('alert')).toContainText('Rate limited');
  await expect(page.getByRole('alert')).toContainText(/Next try possible in \d+ s/);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeDisabled();
  // The form itself still works: a participant id typed by hand is looked up.
  await page.getByLabel('Participant ID', { exact: true }).fill(faults.participant_id);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(
    `${deepLink(faults)}?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true`,
  );
});

test('the session header shows LIVE in the newer flat shape and ENDED in the older wrapped one', async ({
  page,
  request,
}) => {
  const live = await sample(request, 'Still in the session');
  await page.goto(deepLink(live));
  const header = page.getByRole('region', { name: 'Session', exact: true });
  await expect(header).toContainText('Customer onboarding (live)');
  await expect(header.getByText('LIVE', { exact: true })).toBeVisible();
  await expect(header).toContainText('still live');

  const healthy = await sample(request, 'Healthy call');
  await page.goto(deepLink(healthy));
  await expect(header).toContainText('Weekly team sync');
  await expect(header.getByText('ENDED', { exact: true })).toBeVisible();
  await expect(header).toContainText('kqzvbn-tprmwx'.slice(0, 8));
  await header.getByRole('link', { name: 'All participants of this session' }).click();
  await expect(page).toHaveURL(`/?session=${healthy.session_id}`);
  await expect(picker(page).getByRole('option', { name: /Priya Natarajan/ })).toBeVisible();
});

test('previous and next participant navigate through the session by join time', async ({
  page,
  request,
}) => {
  const townHall = await sample(request, 'Town hall');
  await page.goto(deepLink(townHall, '?include_peer_events=false'));
  const summary = page.getByRole('region', { name: 'Participant summary' });
  const name = (await summary.getByRole('heading').first().textContent()) ?? '';
  const nav = page.getByRole('navigation', { name: 'Neighbours in this session' });
  await expect(nav).toContainText('Participant 151 of 312 by join time.');
  const next = nav.getByRole('link', { name: /^Next participant: / });
  const nextName = ((await next.textContent()) ?? '')
    .replace(/^.*Next participant: /, '')
    .replace(/→$/, '');
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(nav).toContainText('Participant 152 of 312 by join time.');
  await expect(summary.getByRole('heading').first()).toContainText(nextName.trim());
  // The page's options travel with the link.
  await expect(page).toHaveURL(/include_peer_events=false/);
  await nav.getByRole('link', { name: /^Previous participant: / }).click();
  await expect(nav).toContainText('Participant 151 of 312 by join time.');
  await expect(summary.getByRole('heading').first()).toHaveText(name);
});

test('pasting a link for another session moves the picker to that session', async ({
  page,
  request,
}) => {
  const townHall = await sample(request, 'Town hall');
  const healthy = await sample(request, 'Healthy call');
  await page.goto(`/?session=${townHall.session_id}`);
  await expect(picker(page).getByRole('option')).toHaveCount(20);
  await page.evaluate(
    (t) => navigator.clipboard.writeText(t),
    `http://inspector.example${deepLink(healthy)}`,
  );
  await page.getByLabel('Participant ID', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByLabel('Session ID', { exact: true })).toHaveValue(healthy.session_id);
  await expect(picker(page).getByRole('option', { name: /Priya Natarajan/ })).toBeVisible();
  await expect(picker(page).getByText('李小龍')).toHaveCount(0);
});
