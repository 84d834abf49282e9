import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startDeepLinkRequest } from './app/boot-request';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { startTheme } from './app/theme';
import './index.css';

startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createQueryClient();
startDeepLinkRequest(client, window.location);

createRoot(root).render(
  <StrictMode>
    <Providers client={client}>
      <App />
    </Providers>
  </StrictMode>,
);
