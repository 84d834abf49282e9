/** Shared by the specs: the demo samples as the server lists them, and their deep links. */
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

export type Sample = { label: string; session_id: string; participant_id: string; group?: string };

export async function samples(request: APIRequestContext): Promise<Sample[]> {
  const response = await request.get('/api/config');
  const body: { samples: Sample[] } = await response.json();
  return body.samples;
}

export async function sample(request: APIRequestContext, label: string): Promise<Sample> {
  const found = (await samples(request)).find((s) => s.label.startsWith(label));
  if (!found) throw new Error(`no demo sample labelled "${label}…"`);
  return found;
}

export const deepLink = (s: Sample, query = '') =>
  `/sessions/${s.session_id}/participants/${s.participant_id}${query}`;

export const apiPath = (s: Sample, query = '?include_peer_events=true') =>
  `/api${deepLink(s, query)}`;

/** The value next to a term in a description list (each term has exactly one definition). */
export async function definitionOf(list: Locator, term: string): Promise<Locator> {
  // Wait for the term to be on screen (the data may still be arriving), then pair it.
  await list.getByRole('term').filter({ hasText: term }).first().waitFor();
  const terms = (await list.getByRole('term').allTextContents()).map((t) => t.trim());
  const index = terms.indexOf(term);
  if (index < 0) throw new Error(`no term "${term}" among ${terms.join(', ')}`);
  return list.getByRole('definition').nth(index);
}

/**
 * The browser's calls to the peer-report API route (not the chart's code chunk) for the peers
 * of one participant, as they happen; the verdict's reads of the others' reports are left out.
 */
export async function peerReportCalls(
  page: Page,
  request: APIRequestContext,
  s: Sample,
): Promise<string[]> {
  const answer = await (await request.get(apiPath(s))).json();
  const events: Array<{ peer_id?: unknown }> = answer.data.participant.peer_events ?? [];
  const peers = new Set(events.map((e) => e.peer_id));
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const peer = path.match(/\/api\/sessions\/peer-report\/([^/]+)$/)?.[1];
    if (peer !== undefined && peers.has(decodeURIComponent(peer))) calls.push(r.url());
  });
  return calls;
}

/** The UTC hover text the page shows for an API timestamp. */
export const utcText = (iso: string) =>
  `${new Date(iso)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;

/** What the page last put on the clipboard. */
export const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/**
 * The "Minutes by peer" chart, scrolled to: it is drawn only once the reader scrolls near it
 * (after the table), as an agent would.
 */
export async function chartOf(page: Page): Promise<Locator> {
  const chart = page.getByRole('figure', { name: 'Minutes by peer' });
  await page.getByRole('table', { name: 'Peer events' }).waitFor();
  // Sections above may still grow as their code arrives: scroll again until it is drawn.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    // The figure and its sentence are there from the start; the drawing comes when near.
    await expect(chart.getByRole('region', { name: 'Connected intervals' })).toBeAttached({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  return chart;
}
