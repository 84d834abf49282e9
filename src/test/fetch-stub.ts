import { afterEach, vi } from 'vitest';

/**
 * Answers every fetch with one response and records the URLs asked for: HTTP stubbed at the
 * network edge, so the fetchers run whole. With `only`, just the URLs that contain it are
 * answered (and recorded); the others never settle, as a slow server's. Undone after each test
 * of the file that uses it.
 */
export function answerFetch(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  { only }: { only?: string } = {},
) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    if (only !== undefined && !url.includes(only)) return new Promise<never>(() => undefined);
    urls.push(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});
