/** Test support: runs an app on a real loopback port, the way index.ts does. */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import type { App } from '../app';
import { loadConfig } from '../config';
import { createListener } from '../http';
import { createApp } from '../node-app';
import { quiet } from './quiet';

export type Running = { readonly url: string; readonly port: number; close(): Promise<void> };

function listenWith(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Running> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export const listen = (app: App) => listenWith(createListener(app));

/** A stand-in upstream that records every request it receives. */
export async function recordingUpstream(
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: true, data: { participant: { id: 'p1' } } }));
  },
) {
  const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
  const running = await listenWith((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    answer(req, res);
  });
  return { ...running, seen };
}

/** GET with the path sent exactly as written (no URL normalisation, unlike fetch). */
export function rawGet(
  port: number,
  path: string,
): Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type LiveRig = {
  readonly upstream: Awaited<ReturnType<typeof recordingUpstream>>;
  readonly server: Running;
  close(): Promise<void>;
};

/** The app in live mode against a recording upstream, both on loopback ports. */
export async function liveRig(options: {
  token: string;
  accountId: string;
  appId?: string;
  answer?: Parameters<typeof recordingUpstream>[0];
}): Promise<LiveRig> {
  const upstream = await recordingUpstream(options.answer);
  const config = loadConfig({
    CLOUDFLARE_API_TOKEN: options.token,
    CLOUDFLARE_ACCOUNT_ID: options.accountId,
    RTK_APP_ID: options.appId ?? 'app-9',
    RTK_API_BASE: `${upstream.url}/client/v4/`,
    UPSTREAM_TIMEOUT_MS: '400',
    DIST_DIR: '/nonexistent',
  });
  const server = await listen(createApp(config, quiet()));
  return {
    upstream,
    server,
    close: async () => {
      await server.close();
      await upstream.close();
    },
  };
}

/**
 * Each path is a 400 JSON error with kind invalid_request, the upstream sees nothing, and the
 * answer never holds `secret` (the server's token) when one is given.
 */
export function refusedBeforeUpstream(
  rig: () => LiveRig,
  paths: readonly string[],
  secret?: string,
) {
  it.each(paths)('%s is a 400 and upstream sees nothing', async (path) => {
    const { server, upstream } = rig();
    const res = await rawGet(server.port, path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).error.kind).toBe('invalid_request');
    if (secret !== undefined) expect(res.body).not.toContain(secret);
    expect(upstream.seen).toHaveLength(0);
  });
}

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A live-mode server (Node's own transport) in front of a recording upstream that answers with
 * `answer`, which `set` swaps; `closed` lists the upstream requests whose connection ended.
 */
export async function liveServer(options: {
  token: string;
  accountId: string;
  answer: Answer;
  env?: Record<string, string>;
}) {
  let answer = options.answer;
  const closed: string[] = [];
  const upstream = await recordingUpstream((req, res) => {
    req.on('close', () => closed.push(req.url ?? ''));
    answer(req, res);
  });
  const app = quiet();
  const server = await listen(
    createApp(
      loadConfig({
        CLOUDFLARE_API_TOKEN: options.token,
        CLOUDFLARE_ACCOUNT_ID: options.accountId,
        RTK_APP_ID: 'app-1',
        RTK_API_BASE: `${upstream.url}/client/v4`,
        DIST_DIR: '/nonexistent',
        ...options.env,
      }),
      app,
    ),
  );
  return {
    server,
    upstream,
    closed,
    logs: app.lines,
    set: (next: Answer) => {
      answer = next;
    },
    get: (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init),
    close: async () => {
      await server.close();
      await upstream.close();
    },
  };
}

/** Streams a 200 JSON-typed body of `total` bytes of spaces, 1 MiB at a time, as fast as read. */
export function streamSpaces(res: ServerResponse, total: number, sent = { bytes: 0 }) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const pump = () => {
    while (sent.bytes < total) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
  return sent;
}
