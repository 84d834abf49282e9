import { AppLink } from '../components/ui/app-link';
import { SampleList } from '../features/lookup/sample-list';
import { ModeBadge } from '../features/mode/mode-badge';
import { appPath } from '../lib/base-path';

export function App() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <AppLink href={appPath('')} className="text-lg font-semibold tracking-tight">
            Participant Inspector
          </AppLink>
          <ModeBadge />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <SampleList />
      </main>
    </div>
  );
}
