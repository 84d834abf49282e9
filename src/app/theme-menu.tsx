import { useId } from 'react';
import { THEMES, type Theme } from '../lib/view-params';
import { setUserTheme, useThemeChoice } from './theme';

const LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** Light, dark or the system's: the agent's choice, remembered in this browser. */
export function ThemeMenu() {
  const choice = useThemeChoice();
  const id = useId();
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-300">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const value = THEMES.find((t) => t === event.target.value);
          if (value) setUserTheme(value);
        }}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {LABELS[theme]}
          </option>
        ))}
      </select>
    </span>
  );
}
