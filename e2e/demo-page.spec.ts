import { expect, test } from '@playwright/test';

test('the demo page says it shows demo data and offers the samples as deep links', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Participant Inspector' })).toBeVisible();
  await expect(page.getByText('Demo data', { exact: true })).toBeVisible();
  const sample = page.getByRole('link', { name: 'Healthy call, one connection (47 min)' });
  await expect(sample).toHaveAttribute(
    'href',
    /^\/sessions\/[0-9a-f-]{36}\/participants\/[0-9a-f-]{36}\?filters=device_info,ip_information,precall_network_information,events,quality_stats&include_peer_events=true$/,
  );
  await expect(page.getByRole('link', { name: 'Rate limited by Cloudflare (429)' })).toBeVisible();
});
