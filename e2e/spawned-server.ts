import { type ChildProcess, spawn } from 'node:child_process';
import { expect } from '@playwright/test';

/**
 * A server of its own for a spec (another mode or other limits than the shared one), started
 * from the built app as `npm start` runs it, on 127.0.0.1:`port`. Environment variables that
 * would change its limits are dropped unless `env` sets them.
 */
export async function spawnServer(port: number, env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(UPSTREAM_|BREAKER_|CLOUDFLARE_|RTK_)/.test(name),
    ),
  );
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...base, PORT: String(port), ...env },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${origin}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  return {
    origin,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
