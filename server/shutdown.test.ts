/** SIGTERM lets in-flight requests finish, then the process exits cleanly. */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { recordingUpstream } from './testing/listen';

const PORT = 8797;

function start(upstreamUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      CLOUDFLARE_API_TOKEN: 'shutdown-test-token',
      CLOUDFLARE_ACCOUNT_ID: 'acc',
      RTK_APP_ID: 'app',
      RTK_API_BASE: `${upstreamUrl}/client/v4`,
      DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function listening() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

describe('SIGTERM (server/index.ts)', () => {
  const slow = recordingUpstream((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true, data: { participant: { id: 'p' } } }));
    }, 700);
  });
  afterAll(async () => (await slow).close());

  it('finishes the request in flight, then exits 0', { timeout: 20_000 }, async () => {
    const upstream = await slow;
    const server = start(upstream.url);
    const exited = new Promise<number | null>((resolve) =>
      server.on('exit', (code) => resolve(code)),
    );
    await listening();
    const inFlight = fetch(`http://127.0.0.1:${PORT}/api/sessions/s/participants/p`);
    await expect.poll(() => upstream.seen.length).toBe(1);
    server.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).data.participant.id).toBe('p');
    expect(await exited).toBe(0);
  });
});
