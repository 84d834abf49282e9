import { createRoot, hydrateRoot } from 'react-dom/client';
import { SERVER_PAINT_ATTRIBUTE } from './api/boot-answer';
import { AppRoot } from './app/app-root';
import { startDeepLinkRequest } from './app/boot-request';
import { createQueryClient } from './app/query-client';
import { startTheme } from './app/theme';
import './index.css';
import { currentHref } from './lib/route';

startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createQueryClient();
startDeepLinkRequest(client, currentHref());

// A deep link the server painted (server/deep-link-answer.ts) is taken over where it stands;
// it was inert until then, so nothing could be typed or focused in it.
const painted = root.querySelector<HTMLElement>(`:scope > [${SERVER_PAINT_ATTRIBUTE}]`);
if (painted) {
  const live = () => {
    painted.removeAttribute('inert');
    painted.removeAttribute(SERVER_PAINT_ATTRIBUTE);
  };
  hydrateRoot(painted, <AppRoot client={client} onLive={live} />);
} else {
  createRoot(root).render(<AppRoot client={client} />);
}
