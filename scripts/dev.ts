// `npm run dev`: the API server (demo or live, as configured) plus Vite with hot reload,
// proxying the API routes to it.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createViteServer } from 'vite';
import { loadConfig } from '../server/config';
import { createListener } from '../server/http';
import { createApp } from '../server/node-app';

const config = loadConfig();
const apiPort = config.port + 1;
createHttpServer(createListener(createApp(config))).listen(apiPort, '127.0.0.1');

const target = `http://127.0.0.1:${apiPort}`;
const vite = await createViteServer({
  server: {
    port: config.port,
    strictPort: true,
    proxy: { '/api': target, '/healthz': target, '/mock': target },
  },
});
await vite.listen();
vite.printUrls();
console.log(`API server (${config.mode} mode) on ${target}`);
