import { afterEach, vi } from 'vitest';

/**
 * Answers every fetch with one response and records the URLs asked for: HTTP stubbed at the
 * network edge, so the fetchers run whole. Undone after each test of the file that uses it.
 */
export function answerFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
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
