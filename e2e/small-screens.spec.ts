import { expect, type Page, test } from '@playwright/test';
import { deepLink, type Sample, sample, samples } from './support';

/** The smallest text the page may draw, in CSS pixels. */
const MIN_TEXT_PX = 11;

// Every sample is checked, whichever fail.
const eventually = expect.configure({ soft: true, timeout: 5_000 });

type Drawn = { overflow: number; wide: string[]; small: string[] };

/**
 * In the page: how much wider than the window it is (and which elements start that), and the
 * visible text drawn smaller than `minPx`; SVG text at its size on screen, after the drawing's
 * scaling.
 */
function drawnProblems(minPx: number): Drawn {
  const named = (el: Element, what: string) => {
    const section = el.closest('section[aria-label], section[aria-labelledby], figure[aria-label]');
    const labelledBy = section?.getAttribute('aria-labelledby');
    const region = labelledBy
      ? document.getElementById(labelledBy)?.textContent
      : section?.getAttribute('aria-label');
    const text = (el.textContent ?? '').trim().slice(0, 50);
    return `${what} <${el.tagName.toLowerCase()}> "${text}"${region ? ` in "${region}"` : ''}`;
  };
  const small = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim()) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    // Text for screen readers only sits in a clipped 1 px box: it is not drawn.
    if (box.width <= 1 || box.height <= 1) continue;
    let size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const scale = el.getScreenCTM();
      if (scale) size *= Math.hypot(scale.b, scale.d);
    }
    if (size < minPx) small.add(named(el, `${size.toFixed(1)} px`));
  }
  const width = window.innerWidth;
  const past = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
  // What widens the page: past the edge and not held in a scrolling box that is not. An
  // absolutely placed element escapes every box up to its positioned ancestor.
  const holder = (el: Element) => {
    let placed = getComputedStyle(el).position === 'absolute';
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (placed && style.position === 'static') continue;
      placed = false;
      if (style.overflowX !== 'visible') return up;
    }
    return null;
  };
  const widens = (el: Element) => {
    if (!past(el)) return false;
    const box = holder(el);
    return box === null || past(box);
  };
  const wide: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (wide.length >= 5 || !widens(el) || (el.parentElement && widens(el.parentElement))) continue;
    wide.push(
      named(el, `${Math.round(el.getBoundingClientRect().right - width)} px past the edge:`),
    );
  }
  return {
    overflow: Math.max(0, document.documentElement.scrollWidth - width),
    wide,
    small: [...small].slice(0, 10),
  };
}

/** Opens a sample and waits until its page has drawn everything it draws by itself. */
async function openSettled(page: Page, s: Sample) {
  await page.goto(deepLink(s));
  if (s.group === 'errors') {
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
  } else {
    await expect(page.getByRole('region', { name: 'Verdict' })).toHaveAttribute(
      'aria-busy',
      'false',
      { timeout: 60_000 },
    );
    await expect(page.getByRole('region', { name: 'Peer events timeline' })).toBeVisible({
      timeout: 30_000,
    });
    const table = page.getByRole('table', { name: 'Peer events' });
    if ((await table.count()) > 0) {
      await expect(table).toBeVisible();
      // The minutes chart is drawn once scrolled near; sections above may still be growing.
      const chart = page.getByRole('figure', { name: 'Minutes by peer' });
      await expect(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect(chart).toBeAttached({ timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
    }
  }
  // The charts' code and the peer reports arrive on their own: measure once they are in.
  await page.waitForLoadState('networkidle');
}

test.describe('at 390 × 844', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('no demo page is wider than the screen or draws text under 11 px', async ({ request }) => {
    const all = await samples(request);
    // Every demo page in turn, in one tab; the 100,002-event history alone takes a while.
    test.setTimeout(all.length * 20_000);
    for (const s of all) {
      await test.step(s.label, async () => {
        await openSettled(page, s);
        // A chart drawn a moment ago takes its measured width in the next frame.
        await eventually
          .poll(() => page.evaluate(drawnProblems, MIN_TEXT_PX), { message: s.label })
          .toEqual({ overflow: 0, wide: [], small: [] });
      });
    }
  });
});

test('at 1280 px the SDK events table fits its box, and a row opens its details from the keyboard', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const fine = await sample(request, 'Fine before the call');
  await page.goto(deepLink(fine, '?filters=events&include_peer_events=true'));
  const table = page.getByRole('table', { name: 'Peer events' });
  await expect(table.getByRole('columnheader', { name: 'Source' })).toBeVisible();
  const scroller = page.getByRole('region', { name: 'Peer events, scrollable' });
  const fits = () => scroller.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(await fits()).toBe(true);
  // The folded columns still sort, from the header's second line.
  for (const name of ['Socket session', 'View type', 'Minutes', 'Gap'])
    await expect(table.getByRole('columnheader', { name }).getByRole('button')).toBeVisible();

  const row = table.getByRole('row').filter({ hasText: 'Peer event' }).first();
  const details = row.getByRole('button', { name: 'Details' });
  const socket = row.getByRole('cell').nth(5);
  // Closed, the folded values are there for screen readers only (a clipped 1 px box).
  expect((await socket.boundingBox())?.width).toBeLessThanOrEqual(1);
  await details.focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  const labels = await row
    .getByRole('cell')
    .evaluateAll((cells) =>
      cells
        .filter((cell) => cell.getBoundingClientRect().width > 1)
        .map((cell) => getComputedStyle(cell, '::before').content),
    );
  for (const label of ['Socket session', 'View type', 'Minutes', 'Gap'])
    expect(labels.some((content) => content.includes(label))).toBe(true);
  await expect(socket.getByRole('code')).toBeVisible();
  expect((await socket.boundingBox())?.width).toBeGreaterThan(1);
  expect(await fits()).toBe(true);
  await page.keyboard.press('Space');
  await expect(details).toHaveAttribute('aria-expanded', 'false');
});
