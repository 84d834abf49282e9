/**
 * Stand-ins for the admin portal (an allowed origin) and for an attacker (another origin), as
 * real HTTP servers on loopback, so framing and postMessage cross real origins in Chromium.
 */
import { createServer, type Server } from 'node:http';
import { APP_ORIGIN, HOSTILE_ORIGIN, HOSTILE_PORT, PORTAL_ORIGIN, PORTAL_PORT } from './ports';

/** The portal: frames the inspector, sizes it from `resize`, records every message. */
function portalPage(appUrl: string): string {
  return `<!doctype html><html lang="en"><head><title>Admin portal</title></head><body>
<h1>Admin portal</h1>
<iframe title="Participant Inspector" src="${appUrl}" style="width:720px;height:150px;border:0"></iframe>
<iframe title="Advertising" src="${HOSTILE_ORIGIN}/attacker" style="width:10px;height:10px;border:0"></iframe>
<script>
  const frame = document.querySelector('iframe[title="Participant Inspector"]');
  window.messages = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(APP_ORIGIN)} || event.source !== frame.contentWindow) return;
    window.messages.push(event.data);
    if (event.data.type === 'resize') frame.style.height = event.data.height + 'px';
  });
  window.send = (message) =>
    frame.contentWindow.postMessage({ source: 'participant-inspector', ...message }, ${JSON.stringify(APP_ORIGIN)});
</script></body></html>`;
}

/** The attacker, framed inside the portal: it tries to steer the inspector frame beside it. */
const ATTACKER = `<!doctype html><html lang="en"><head><title>Attacker</title></head><body><script>
  window.attack = (message) =>
    window.parent.frames[0].postMessage({ source: 'participant-inspector', ...message }, '*');
</script></body></html>`;

/** The attacker's own page, trying to frame the inspector outright. */
const framingPage = (appUrl: string) =>
  `<!doctype html><html lang="en"><head><title>Not the portal</title></head><body>
<iframe title="Participant Inspector" src="${appUrl}" style="width:720px;height:400px"></iframe></body></html>`;

function serve(port: number, route: (path: string, query: URLSearchParams) => string | null) {
  return new Promise<Server>((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const body = route(url.pathname, url.searchParams);
      res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export type Portals = { close: () => Promise<void> };

/** Starts both origins; `?app=` names the inspector path to frame. */
export async function startPortals(): Promise<Portals> {
  const appUrl = (query: URLSearchParams) => `${APP_ORIGIN}${query.get('app') ?? '/'}`;
  const servers = await Promise.all([
    serve(PORTAL_PORT, (path, query) => (path === '/portal' ? portalPage(appUrl(query)) : null)),
    serve(HOSTILE_PORT, (path, query) =>
      path === '/attacker' ? ATTACKER : path === '/frame' ? framingPage(appUrl(query)) : null,
    ),
  ]);
  return {
    close: () =>
      Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done())))).then(
        () => undefined,
      ),
  };
}

export { HOSTILE_ORIGIN, PORTAL_ORIGIN };
