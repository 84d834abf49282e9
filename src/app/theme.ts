/**
 * The one owner of the theme. The last explicit choice wins — the agent's pick in the menu
 * (remembered in this browser) or the portal's `set-theme` — then `?theme=` in the URL, then
 * the remembered pick, then the system. It toggles `.dark` on <html>, which Tailwind's
 * `dark:` variant keys on.
 */
import { useContext, useSyncExternalStore } from 'react';
import { rememberAgentPrefs, SYSTEM_THEME_CLASS, themeOn } from '../lib/agent-prefs';
import { appPath } from '../lib/base-path';
import { currentHref, currentRoute, navigate, withView } from '../lib/route';
import { PaintedWithoutAgentContext, useServerRender } from '../lib/server-render';
import { isDarkTheme, readViewParams, THEMES, type Theme } from '../lib/view-params';

const STORAGE_KEY = 'participant-inspector:theme';
const listeners = new Set<() => void>();
let override: Theme | null = null;

function stored(): Theme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return THEMES.find((theme) => theme === value) ?? null;
  } catch {
    // Storage can be refused (a sandboxed frame, privacy settings): the choice just isn't kept.
    return null;
  }
}

/** The theme in force as chosen: light, dark or system. */
export function themeChoice(): Theme {
  return override ?? currentRoute().view.theme ?? stored() ?? 'system';
}

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

export function applyTheme(root: HTMLElement = document.documentElement) {
  const dark = isDarkTheme(themeChoice(), systemDark());
  root.classList.toggle('dark', dark);
  // The server's mark for the system's theme it could not know: the app knows it now.
  root.classList.remove(SYSTEM_THEME_CLASS);
  root.style.colorScheme = dark ? 'dark' : 'light';
  // For the server's paint of the next deep link: the choice kept here and the system's.
  rememberAgentPrefs(stored() ?? 'system', systemDark(), appPath(''));
  for (const listener of listeners) listener();
}

/** The URL's ?theme= set (or removed), so the links built from here carry the choice on. */
function writeUrlTheme(theme: Theme | null) {
  navigate(withView(currentHref(), { ...currentRoute().view, theme }), { replace: true });
}

/**
 * The agent's pick: applied now and remembered in this browser. A ?theme= left in the URL
 * would outvote it in the next tab, so it is removed.
 */
export function setUserTheme(theme: Theme) {
  try {
    window.localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
  override = theme;
  writeUrlTheme(null);
  applyTheme();
}

/** The portal's pick (`set-theme`): written into the frame's URL, not remembered. */
export function setPortalTheme(theme: Theme) {
  override = theme;
  writeUrlTheme(theme);
  applyTheme();
}

/** Applies the theme now and follows the system's preference as it changes. */
export function startTheme(): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => applyTheme();
  applyTheme();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemeChoice(): Theme {
  const server = useServerRender();
  const paintedWithout = useContext(PaintedWithoutAgentContext);
  // The theme the page was painted with, which the browser's first render must match: the
  // server's prefs, or none on a first visit's paint (the link's theme, else the system's).
  const serverChoice = server
    ? () => themeOn(server.agent, readViewParams(new URL(server.href, server.origin).search).theme)
    : paintedWithout
      ? () => themeOn(null, currentRoute().view.theme)
      : themeChoice;
  return useSyncExternalStore(subscribe, themeChoice, serverChoice);
}
