import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { apiPath, clipboardText, deepLink, sample } from './support';

async function download(page: Page, button: string): Promise<string> {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await saved;
  return readFileSync((await file.path()) ?? '', 'utf8');
}

test('Download JSON saves the API answer as received; CSV holds every event, spreadsheet-safe', async ({
  page,
  request,
}) => {
  const bad = await sample(request, 'Bad data');
  const answer = await (await request.get(apiPath(bad))).text();
  const body = JSON.parse(answer);
  await page.goto(deepLink(bad, '?include_peer_events=true'));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();

  // Byte for byte: the bad data stays exactly as sent (-0, "22.5", the stray quote…).
  expect(await download(page, 'Download JSON')).toBe(answer);

  const rows: Array<Record<string, string>> = parse(await download(page, 'Download CSV'), {
    columns: true,
  });
  expect(rows).toHaveLength(body.data.participant.peer_events.length);
  expect(rows.map((r) => r.event_name)).toContain('PEER_RECONNECTING');
  // A negative number sent as minutes is text in the CSV, neutralised so no formula runs.
  for (const row of rows) {
    for (const cell of Object.values(row)) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+@]/);
  }
});

test('Copy ticket summary gives a paste-ready block where hostile text stays inert', async ({
  page,
  request,
}) => {
  const bad = await sample(request, 'Bad data');
  await page.goto(deepLink(bad));
  await expect(page.getByRole('region', { name: 'Participant summary' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await expect(page.getByRole('button', { name: 'Copy ticket summary' })).toHaveText('Copied');
  const text = await clipboardText(page);
  expect(text).toContain('**Participant Inspector**');
  expect(text).toContain(bad.participant_id);
  // The shared link is the page's, without view params that belong to this browser.
  expect(text).toContain(page.url());
  // Markup arrives escaped for Markdown (\\<img …), never as a tag a renderer would honour.
  expect(text).toContain('\\<img src\\=x');
  expect(text).not.toMatch(/(^|[^\\])<(img|script|\/script)/);
  expect(text).not.toMatch(/[\u202A-\u202E]/);
});

test('Hide personal data masks the custom id on screen and in the exports, and the link keeps it', async ({
  page,
  request,
}) => {
  const healthy = await sample(request, 'Healthy call');
  await page.goto(
    deepLink(healthy, '?filters=device_info,ip_information&include_peer_events=true'),
  );
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary).toContainText('crm-48213');
  await page.getByLabel('Hide personal data').check();
  await expect(page).toHaveURL(/redact=1/);
  await expect(summary).not.toContainText('crm-48213');
  await expect(summary).toContainText('hidden (personal data)');

  const json = await download(page, 'Download JSON');
  expect(json).not.toContain('crm-48213');
  const participant = JSON.parse(json).data.participant;
  expect(participant.custom_participant_id).toBe('[hidden]');
  expect(participant.peer_stats.ip_information.ipv4).toBe('[hidden]');
  expect(participant.peer_stats.device_info.user_agent).toBe('[hidden]');

  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  expect(await clipboardText(page)).not.toContain('crm-48213');

  await page.reload();
  await expect(page.getByLabel('Hide personal data')).toBeChecked();
  await expect(summary).not.toContainText('crm-48213');
});
