import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createUpstream, isUpstreamTarget } from './upstream';

describe('isUpstreamTarget', () => {
  it.each([
    ['/sessions/s-1/participants/p_2', '?include_peer_events=true&filters=events,device_info'],
    ['/sessions/peer-report/abc', ''],
    ['/sessions/s-1', ''],
  ])('lets %s%s through', (path, query) => {
    expect(isUpstreamTarget(path, query)).toBe(true);
  });

  it.each([
    ['/sessions/../meetings', ''],
    ['/sessions//x', ''],
    ['sessions/x', ''],
    ['/sessions/x/', ''],
    ['/sessions/%2e%2e', ''],
    ['/sessions/x', 'filters=a'],
    ['/sessions/x', '?a=b#frag'],
    ['/sessions/x', '?a=b/../c'],
  ])('refuses %s%s', (path, query) => {
    expect(isUpstreamTarget(path, query)).toBe(false);
  });

  it('is checked by the upstream itself: no call is made for a crafted path', async () => {
    let calls = 0;
    const upstream = createUpstream(
      loadConfig({
        CLOUDFLARE_API_TOKEN: 'tok-0123456789abcdef',
        CLOUDFLARE_ACCOUNT_ID: 'acc',
        RTK_APP_ID: 'app',
      }).upstream,
      async () => {
        calls += 1;
        return new Response('{}');
      },
    );
    const res = await upstream.get('/sessions/../../accounts', '', new AbortController().signal);
    expect(res.status).toBe(400);
    expect(calls).toBe(0);
  });
});

describe('an answer that arrives after its attempt gave up', () => {
  it('has its body cancelled, so the connection is not left open', async () => {
    let cancelled = false;
    const upstream = createUpstream(
      loadConfig({
        CLOUDFLARE_API_TOKEN: 'tok-0123456789abcdef',
        CLOUDFLARE_ACCOUNT_ID: 'acc',
        RTK_APP_ID: 'app',
        UPSTREAM_TIMEOUT_MS: '50',
        UPSTREAM_RETRIES: '0',
      }).upstream,
      // A transport that ignores the abort and answers late.
      () =>
        new Promise((resolve) =>
          setTimeout(
            () =>
              resolve(
                new Response(
                  new ReadableStream({
                    cancel() {
                      cancelled = true;
                    },
                  }),
                ),
              ),
            150,
          ),
        ),
    );
    const res = await upstream.get('/sessions/s/participants/p', '', new AbortController().signal);
    expect(res.status).toBe(504);
    await expect.poll(() => cancelled).toBe(true);
  });
});

describe('an answer handed on', () => {
  const TOKEN = 'tok-0123456789abcdef';
  const upstreamAnswering = (chunks: readonly Uint8Array[]) =>
    createUpstream(
      loadConfig({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: 'acc', RTK_APP_ID: 'app' })
        .upstream,
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk);
              controller.close();
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    );
  const get = (chunks: readonly Uint8Array[]) =>
    upstreamAnswering(chunks).get('/sessions/peer-report/p', '', new AbortController().signal);

  it('keeps its bytes exactly, a character split between two reads included', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ success: true, data: { display_name: 'Zoë Ağaoğlu 🎧 東京' } }),
    );
    // Cut inside the emoji's four bytes.
    const cut = bytes.indexOf(0xf0) + 2;
    const res = await get([bytes.slice(0, cut), bytes.slice(cut)]);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('hands the upstream’s bytes on as they came, a byte-order mark included', async () => {
    // Decoding drops a leading byte-order mark: only bytes passed on as they came keep it.
    const json = new TextEncoder().encode(JSON.stringify({ success: true, data: {} }));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);
    const res = await get([bytes]);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('never carries the server’s token, even when the upstream reflects it in a 200', async () => {
    const body = JSON.stringify({ success: true, data: { note: `Bearer ${TOKEN} é` } });
    const res = await get([new TextEncoder().encode(body)]);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({ success: true, data: { note: 'Bearer [redacted] é' } });
  });

  it('never carries the token cut between two reads, nor spelled with JSON escapes', async () => {
    const cut = new TextEncoder().encode(JSON.stringify({ success: true, data: { note: TOKEN } }));
    const at = new TextDecoder().decode(cut).indexOf(TOKEN) + 5;
    const split = await get([cut.slice(0, at), cut.slice(at)]);
    expect(await split.text()).not.toContain(TOKEN);

    // "tok-…" written as \u escapes: a browser's JSON.parse would turn it back into the token.
    const escaped = [...TOKEN].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const body = `{"success":true,"data":{"note":"${escaped.join('')}","n":1}}`;
    const res = await get([new TextEncoder().encode(body)]);
    expect(res.status).toBe(200);
    const read = JSON.parse(await res.text());
    expect(JSON.stringify(read)).not.toContain(TOKEN);
    expect(read).toEqual({ success: true, data: { note: '[redacted]', n: 1 } });
  });
});
