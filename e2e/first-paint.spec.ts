// A returning agent's deep link arrives painted by the server (server/deep-link-answer.ts,
// src/app/server-paint.tsx): the name shows before the app's JavaScript has run, on the
// agent's own clock, and the app then takes the page over without changing what it shows.
import { type Browser, type BrowserContextOptions, expect, test } from '@playwright/test';
import { deepLink, sample } from './support';

/**
 * A summary's text as hydration must keep it: without its relative ages, which move on with the
 * clock, and without "· their time …", which follows once their peer reports name their zone.
 */
const steady = (text: string) =>
  text
    .replace(/\(\d+ (second|minute|hour|day)s? ago\)/g, '(…)')
    .replace(/ · their time [\d:]+/g, '');

const AGENT: BrowserContextOptions = { timezoneId: 'Asia/Tokyo', locale: 'de-DE' };

/** A browser the agent has used the app in: the cookies the app wrote on that visit. */
async function agentCookies(browser: Browser, options: BrowserContextOptions = {}) {
  const first = await browser.newContext({ ...AGENT, ...options, javaScriptEnabled: true });
  const page = await first.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Participant Inspector' })).toBeVisible();
  // The app writes it just after its start.
  await expect
    .poll(async () => (await first.cookies()).map((c) => c.name))
    .toContain('inspector-agent');
  const cookies = await first.cookies();
  await first.close();
  return cookies;
}

/** That browser again, opening a deep link (with `options`: JavaScript off, say). */
async function returningAgent(browser: Browser, link: string, options: BrowserContextOptions) {
  const cookies = await agentCookies(browser, options);
  const context = await browser.newContext({ ...AGENT, ...options });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(link);
  return { context, page, cookies };
}

test('the app remembers the agent’s clock and theme for the server, in a cookie', async ({
  browser,
  request,
}) => {
  const healthy = await sample(request, 'Healthy');
  const { context, cookies } = await returningAgent(browser, deepLink(healthy), {
    colorScheme: 'dark',
  });
  const cookie = cookies.find((c) => c.name === 'inspector-agent');
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.path).toBe('/');
  expect(new URLSearchParams(cookie?.value)).toEqual(
    new URLSearchParams({ tz: 'Asia/Tokyo', locale: 'de-DE', theme: 'system', dark: '1' }),
  );
  await context.close();
});

test('without JavaScript, a returning agent’s deep link already shows the participant', async ({
  browser,
  request,
}) => {
  const healthy = await sample(request, 'Healthy');
  const { context, page } = await returningAgent(browser, deepLink(healthy), {
    javaScriptEnabled: false,
    colorScheme: 'dark',
  });
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary.getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  // Joined 14:00:12 UTC, on the agent's clock (Tokyo) and in their locale.
  await expect(summary.getByText('21. Nov. 2026, 23:00:12')).toBeVisible();
  await expect(page.locator('html')).toHaveClass('dark');
  // Not live yet: nothing there can be focused, so nothing typed is lost when the app takes over.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await context.close();
});

/**
 * Opens `link` as a returning agent (or, `firstVisit`, in a browser that has not used the app),
 * noting the summary the page held once parsed (the server's paint), before the app's script
 * ran.
 */
async function openPainted(
  browser: Browser,
  link: string,
  { firstVisit = false, colorScheme }: { firstVisit?: boolean } & BrowserContextOptions = {},
) {
  const context = await browser.newContext({ ...AGENT, colorScheme });
  if (!firstVisit) await context.addCookies(await agentCookies(browser));
  const page = await context.newPage();
  const errors: string[] = [];
  // The browser logs every 4xx answer as an error. A peer that never sent media has no report
  // (404), an answer the session comparison counts: only other failed calls are errors here.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  page.on('response', (r) => {
    const noReport = r.status() === 404 && r.url().includes('/api/sessions/peer-report/');
    if (r.status() >= 400 && !noReport) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as {
      firstSummary?: Element;
      text?: string;
      painted?: boolean;
      paintedLinks?: string[];
      paintedClass?: string;
      shifted: number;
    };
    // Layout shifts, as the browser scores them (what Lighthouse reads as CLS).
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.shifted += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
    // "interactive": the page is parsed, and its deferred (module) scripts have not run yet.
    document.addEventListener('readystatechange', () => {
      const summary = document.querySelector('section[aria-label="Participant summary"]');
      if (document.readyState !== 'interactive' || !summary) return;
      w.firstSummary = summary;
      w.text = summary.textContent ?? '';
      w.painted = summary.closest('[inert]') !== null;
      w.paintedClass = document.documentElement.className;
      w.paintedLinks = [...document.querySelectorAll('a[href]')].map(
        (a) => a.getAttribute('href') ?? '',
      );
    });
  });
  await page.goto(link);
  // The app's page is live: nothing is inert any more.
  await expect(page.locator('#root [inert]')).toHaveCount(0);
  const first = await page.evaluate(() => {
    const w = window as unknown as {
      firstSummary?: Element;
      text?: string;
      painted?: boolean;
      paintedLinks?: string[];
    };
    // Taken over where it stands (hydrated): the very element painted first is still shown.
    return {
      text: w.text ?? '',
      painted: w.painted,
      kept: w.firstSummary?.isConnected,
      links: w.paintedLinks ?? [],
    };
  });
  const paintedClass = await page.evaluate(
    () => (window as unknown as { paintedClass?: string }).paintedClass,
  );
  return { context, page, errors, first, paintedClass };
}

/** Where what follows the header's times stands: the header's next line and the Verdict. */
const followingTops = () =>
  ['section[aria-label="Participant at a glance"] p + p', 'section[aria-label="Verdict"]'].map(
    (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? null,
  );

test('a first visit’s deep link arrives painted too, its times filled in on the agent’s clock', async ({
  browser,
  request,
}) => {
  const healthy = await sample(request, 'Healthy');
  const { context, page, errors, first, paintedClass } = await openPainted(
    browser,
    deepLink(healthy),
    { firstVisit: true, colorScheme: 'dark' },
  );
  // Painted before the app ran, its times pending (the server cannot know the agent's zone or
  // locale without the app's cookie): figure dashes, never a guessed clock.
  expect(first.painted).toBe(true);
  expect(first.text).toContain('Priya Natarajan');
  expect(first.text).toContain('\u2012\u2012:\u2012\u2012:\u2012\u2012');
  expect(first.text).not.toMatch(/\d\d:\d\d:\d\d/);
  // The system's theme, which only the browser knows, is the stylesheet's until the app sets it.
  expect(paintedClass).toBe('theme-system');
  await expect(page.locator('html')).toHaveClass('dark');
  // Taken over where it stands, then filled in: joined 14:00:12 UTC is 23:00:12 in Tokyo.
  expect(first.kept).toBe(true);
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect(summary.getByText('21. Nov. 2026, 23:00:12')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Participant at a glance' }).getByText(/^23:00:12–23:47:31/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reported moment' })).toBeVisible();
  // Filling the times in moved nothing: what follows the header's times (its next line, the
  // Verdict) stands where the server's paint put it, as a browser without JavaScript shows it.
  const paint = await browser.newContext({
    ...AGENT,
    colorScheme: 'dark',
    javaScriptEnabled: false,
  });
  const still = await paint.newPage();
  await still.goto(deepLink(healthy));
  const painted = await still.evaluate(followingTops);
  await paint.close();
  expect(painted.every((top) => typeof top === 'number')).toBe(true);
  expect(await page.evaluate(followingTops)).toEqual(painted);
  // And the page as a whole barely moved (what Lighthouse reads as CLS).
  expect(
    await page.evaluate(() => (window as unknown as { shifted: number }).shifted),
  ).toBeLessThan(0.05);
  expect(errors).toEqual([]);
  await context.close();
});

test('the app takes the painted page over without changing what it shows', async ({
  browser,
  request,
}) => {
  const healthy = await sample(request, 'Healthy');
  const { context, page, errors, first } = await openPainted(browser, deepLink(healthy));
  expect(first).toEqual({
    text: expect.stringContaining('21. Nov. 2026, 23:00:12'),
    painted: true,
    kept: true,
    links: expect.any(Array),
  });
  const summary = page.getByRole('region', { name: 'Participant summary' });
  await expect
    .poll(async () => steady((await summary.textContent()) ?? ''))
    .toBe(steady(first.text));
  // The Reported moment card, which comes with the diagnosis's code, arrives in a place kept
  // for it: nothing painted moves (the summary's move scored 0.03–0.10 before).
  await expect(page.getByRole('heading', { name: 'Reported moment' })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { shifted: number }).shifted),
  ).toBeLessThan(0.01);
  // And it answers: a control works.
  const hide = page.getByRole('checkbox', { name: 'Hide personal data' });
  await hide.check();
  await expect(page).toHaveURL(/redact=1/);
  await expect(summary.getByText('hidden (personal data)')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('painted pages hydrate cleanly: redacted on their clock, still in the call, embedded', async ({
  browser,
  request,
}) => {
  const links = [
    // An older deployment's answer names their zone, so the server paints their clock too.
    deepLink(
      await sample(request, 'Fine before the call'),
      '?filters=device_info,ip_information&include_peer_events=true&tz=participant&redact=1',
    ),
    deepLink(await sample(request, 'Still in the session')),
    deepLink(await sample(request, 'Healthy'), '?embed=1&theme=dark'),
  ];
  for (const link of links) {
    const { context, page, errors, first } = await openPainted(browser, link);
    expect({ link, painted: first.painted, kept: first.kept }).toEqual({
      link,
      painted: true,
      kept: true,
    });
    // "(38 minutes ago)" may become "(39 minutes ago)" while the test runs: compare the rest.
    const summary = page.getByRole('region', { name: 'Participant summary' });
    await expect
      .poll(async () => steady((await summary.textContent()) ?? ''))
      .toBe(steady(first.text));
    // A hydration that failed would have been reported (and the page painted again).
    expect({ link, errors }).toEqual({ link, errors: [] });
    await context.close();
  }
});

test('a painted link with ?tz=utc&redact=1 keeps both in every link, before and after hydration', async ({
  browser,
  request,
}) => {
  const { context, page, first } = await openPainted(
    browser,
    deepLink(await sample(request, 'Poor network'), '?tz=utc&redact=1'),
  );
  const ofTheApp = (links: readonly string[]) =>
    links.filter((href) => href.startsWith('/sessions') || href.startsWith('/?') || href === '/');
  const keepsView = (href: string) =>
    /[?&]tz=utc(&|$)/.test(href) && /[?&]redact=1(&|$)/.test(href);
  // Painted: the header's home link and the Health strip's "Request every diagnostic" at least.
  expect(first.painted).toBe(true);
  const painted = ofTheApp(first.links);
  expect(painted.length).toBeGreaterThanOrEqual(2);
  expect(painted.filter((href) => !keepsView(href))).toEqual([]);
  // Live, with the verdict, the incidents' "Show … on the page" and the session's rows in.
  await expect(page.getByRole('region', { name: 'Verdict' })).not.toContainText('Comparing', {
    timeout: 20_000,
  });
  await expect(page.getByRole('link', { name: /^Show .* on the page$/ }).first()).toBeVisible();
  const live = ofTheApp(
    await page
      .locator('a[href]')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? '')),
  );
  expect(live.length).toBeGreaterThan(painted.length);
  expect(live.filter((href) => !keepsView(href))).toEqual([]);
  await context.close();
});

test('hostile names arrive painted as text', async ({ browser, request }) => {
  const bad = await sample(request, 'Bad data');
  const { context, page } = await returningAgent(browser, deepLink(bad), {
    javaScriptEnabled: false,
  });
  const heading = page.getByRole('region', { name: 'Participant summary' }).getByRole('heading');
  await expect(heading).toContainText('<script>alert(2)</script>');
  expect(await page.locator('#root img, #root script').count()).toBe(0);
  await context.close();
});

test('the reads a painted page announces are made once: the app’s own requests take them over', async ({
  browser,
  request,
}) => {
  const uplink = await sample(request, 'Uplink problem');
  const { context, page, errors } = await openPainted(browser, deepLink(uplink));
  await expect(
    page.getByRole('region', { name: 'Verdict' }).getByText('Their network', { exact: true }),
  ).toBeVisible();
  const announced = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map(
      (l) => (l as HTMLLinkElement).href,
    ),
  );
  expect(announced.some((href) => href.includes('/participants?page_no=0&per_page=50'))).toBe(true);
  const requested = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name),
  );
  for (const href of announced) {
    expect({ href, times: requested.filter((r) => r === href).length }).toEqual({ href, times: 1 });
  }
  expect(errors).toEqual([]);
  await context.close();
});
