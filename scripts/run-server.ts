// Starts the real server (server/index.ts) as a child process for the load test and the
// benchmark, and waits until it answers /healthz. tsx runs as a loader in that very process,
// so its pid is the server's own (memory figures read it).
import { spawn } from 'node:child_process';

export type RunningServer = { base: string; pid: number; stop: () => void };

export async function runServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), CLOUDFLARE_API_TOKEN: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => child.kill('SIGTERM');
  process.on('exit', stop);
  // A port taken by another server would answer /healthz too: this child must be alive.
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150 && !exited; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok && !exited)
        return { base, pid: child.pid ?? 0, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(
    exited ? `the server exited (is port ${port} taken?)` : 'the server did not start',
  );
}
