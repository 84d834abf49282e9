import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createListener } from './http';
import { createApp, loadServerPaint } from './node-app';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Participant Inspector cannot start: ${error.message}`);
  process.exit(1);
}

// The app's server render, built with it (an unreadable one is reported, and pages are then
// painted by the app alone).
const paint = await loadServerPaint(config.distDir).catch((error: unknown) => {
  console.error(
    `Participant Inspector: the server render in ${config.distDir} could not be loaded; the app paints every page (${error instanceof Error ? error.message : String(error)})`,
  );
  return undefined;
});
const server = createServer(createListener(createApp(config, { paint })));
// Node closes an idle keep-alive connection after 5 s; a client (a proxy in front, a browser)
// that reuses it at that moment gets a reset. Idle connections are kept longer than the usual
// 60 s of load balancers, and headers are given longer still, as Node requires.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.port, () => {
  const mode = config.mode === 'demo' ? 'demo mode (embedded mock, no credentials)' : 'live mode';
  console.log(`Participant Inspector on http://localhost:${config.port} in ${mode}`);
});

// Graceful shutdown: stop accepting, let in-flight requests finish (idle keep-alive sockets are
// closed at once), and give up after 10 s so a stuck upstream cannot hold the process.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`Participant Inspector: ${signal}, finishing in-flight requests`);
    server.close(() => process.exit(0));
    // A connection whose last request finishes during the shutdown goes idle then: it is closed
    // as soon as it does, not after the 65 s an idle connection is otherwise kept.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(1);
    }, 10_000).unref();
  });
}
