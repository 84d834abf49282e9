import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorBoundary } from './error-boundary';
import { createQueryClient } from './query-client';

export type ProvidersProps = {
  children: ReactNode;
  /** The boot's client, when it already started a request (main.tsx); a new one otherwise. */
  client?: QueryClient;
};

export function Providers({ children, client: given }: ProvidersProps) {
  const [client] = useState(() => given ?? createQueryClient());
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ErrorBoundary>
  );
}
