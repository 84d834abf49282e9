import { createServer } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createListener } from './http';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Participant Inspector cannot start: ${error.message}`);
  process.exit(1);
}

const server = createServer(createListener(createApp(config)));
server.listen(config.port, () => {
  const mode = config.mode === 'demo' ? 'demo mode (embedded mock, no credentials)' : 'live mode';
  console.log(`Participant Inspector on http://localhost:${config.port} in ${mode}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
