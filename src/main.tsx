import { createRoot, hydrateRoot } from 'react-dom/client';
import {
  EARLY_READS_ATTRIBUTE,
  PAINTED_WITHOUT_AGENT_ATTRIBUTE,
  SERVER_PAINT_ATTRIBUTE,
} from './api/boot-answer';
import { startEarlyReads } from './api/http';
import { AppRoot } from './app/app-root';
import { startDeepLinkRequest } from './app/boot-request';
import { preloadParticipantChunks } from './app/participant-chunks';
import { createQueryClient } from './app/query-client';
import { startTheme } from './app/theme';
import './index.css';
import { currentHref } from './lib/route';

startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A deep link the server painted (server/deep-link-answer.ts) is taken over where it stands;
// it was inert until then, so nothing could be typed or focused in it. The reads it names as
// its first start before anything else.
const painted = root.querySelector<HTMLElement>(`:scope > [${SERVER_PAINT_ATTRIBUTE}]`);
startEarlyReads(painted?.getAttribute(EARLY_READS_ATTRIBUTE)?.split(' ') ?? []);

const client = createQueryClient();

// A long history the page carried is read by code of its own: the app starts once it is read.
void startDeepLinkRequest(client, currentHref())
  .catch(() => undefined)
  .then(() => {
    if (painted) {
      // A participant's page: its sections' code is asked for while the page is taken over.
      preloadParticipantChunks();
      const live = () => {
        painted.removeAttribute('inert');
        painted.removeAttribute(SERVER_PAINT_ATTRIBUTE);
        painted.removeAttribute(PAINTED_WITHOUT_AGENT_ATTRIBUTE);
        painted.removeAttribute(EARLY_READS_ATTRIBUTE);
      };
      // Painted without the agent's prefs (a first visit), its times were left pending: the first
      // render matches that, and the next shows them on the agent's clock.
      const withoutAgent = painted.hasAttribute(PAINTED_WITHOUT_AGENT_ATTRIBUTE);
      hydrateRoot(
        painted,
        <AppRoot client={client} onLive={live} paintedWithoutAgent={withoutAgent} />,
      );
    } else {
      createRoot(root).render(<AppRoot client={client} />);
    }
  });
