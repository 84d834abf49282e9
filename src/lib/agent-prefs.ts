/**
 * What a server-painted first frame needs to know of the agent's browser: its time zone and
 * locale (every time on the page is shown on them) and its theme. The app writes them into a
 * cookie as it applies the theme; the server reads the cookie on the next deep link. Without
 * it (a first visit, a frame whose cookies are blocked) the server paints nothing and the app
 * paints the page itself, as it always can.
 */
import { THEMES, type Theme } from './view-params';

export type AgentPrefs = {
  readonly timeZone: string;
  readonly locale: string;
  /** The theme chosen in this browser (the URL's ?theme= outvotes it). */
  readonly theme: Theme;
  /** Whether the system asked for dark (what "system" means). */
  readonly systemDark: boolean;
};

export const AGENT_PREFS_COOKIE = 'inspector-agent';

/** Longer values are not a zone or a locale, and are not read. */
const MAX_FIELD = 64;

export function encodeAgentPrefs(prefs: AgentPrefs): string {
  return new URLSearchParams({
    tz: prefs.timeZone,
    locale: prefs.locale,
    theme: prefs.theme,
    dark: prefs.systemDark ? '1' : '0',
  }).toString();
}

function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function canonicalLocale(locale: string): string | null {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? null;
  } catch {
    return null;
  }
}

/** Whether a page on these prefs is dark, the URL's ?theme= (when set) outvoting them. */
export function isDark(prefs: AgentPrefs, urlTheme: Theme | null): boolean {
  const choice = urlTheme ?? prefs.theme;
  return choice === 'dark' || (choice === 'system' && prefs.systemDark);
}

/** The prefs in a Cookie header, or null when absent or not all readable. */
export function readAgentPrefs(cookieHeader: string | null | undefined): AgentPrefs | null {
  if (!cookieHeader) return null;
  const prefix = `${AGENT_PREFS_COOKIE}=`;
  const raw = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  if (!raw) return null;
  const fields = new URLSearchParams(raw.slice(prefix.length));
  const timeZone = fields.get('tz') ?? '';
  const locale = canonicalLocale((fields.get('locale') ?? '').slice(0, MAX_FIELD));
  const theme = THEMES.find((t) => t === fields.get('theme'));
  const dark = fields.get('dark');
  if (timeZone.length > MAX_FIELD || !knownZone(timeZone)) return null;
  if (!locale || !theme || (dark !== '0' && dark !== '1')) return null;
  return { timeZone, locale, theme, systemDark: dark === '1' };
}

/** This browser's prefs, written for the next deep link (kept a year, for this app's path). */
export function rememberAgentPrefs(theme: Theme, systemDark: boolean, path: string): void {
  const { timeZone, locale } = new Intl.DateTimeFormat().resolvedOptions();
  const value = encodeAgentPrefs({ timeZone, locale, theme, systemDark });
  // Without the Cookie Store API, or when cookies are refused (a sandboxed frame), nothing is
  // kept: the app then paints every page itself.
  if (typeof cookieStore === 'undefined') return;
  cookieStore
    .set({
      name: AGENT_PREFS_COOKIE,
      value,
      path,
      expires: Date.now() + 365 * 24 * 3600 * 1000,
      sameSite: 'lax',
    })
    .catch(() => undefined);
}
