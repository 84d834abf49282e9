import { AppLink } from '../components/ui/app-link';
import { ModeBadge } from '../features/mode/mode-badge';
import { appPath } from '../lib/base-path';
import { withView } from '../lib/route';
import type { ViewParams } from '../lib/view-params';
import { ThemeMenu } from './theme-menu';

export type AppHeaderProps = { view: ViewParams };

/**
 * The product bar. Embedded in the portal it shrinks to one quiet line with no navigation;
 * the demo/live badge stays in both, since demo data must never pass for real data.
 */
export function AppHeader({ view }: AppHeaderProps) {
  if (view.embed) {
    return (
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h1 className="text-sm font-semibold">Participant Inspector</h1>
        <span className="flex items-center gap-3">
          <ThemeMenu />
          <ModeBadge />
        </span>
      </header>
    );
  }
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <h1 className="text-lg font-semibold tracking-tight">
          <AppLink href={withView(appPath(''), view)}>Participant Inspector</AppLink>
        </h1>
        <span className="flex items-center gap-4">
          <ThemeMenu />
          <ModeBadge />
        </span>
      </div>
    </header>
  );
}
