/**
 * What a server-painted first frame needs to know of the agent's browser: its time zone and
 * locale (every time on the page is shown on them) and its theme. The app writes them into a
 * cookie as it applies the theme; the server reads the cookie on the next deep link. Without
 * it (a first visit, a browser without the Cookie Store API) the server paints nothing and the
 * app paints the page itself, as it always can.
 */
import { canonicalTimeZone } from './clock';
import { isDarkTheme, THEMES, type Theme } from './view-params';

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

/** The locale's base name ("de-DE" of "de-de-u-nu-latn") if formatting supports it, else null. */
function canonicalLocale(locale: string): string | null {
  try {
    const base = new Intl.Locale(locale).baseName;
    return Intl.DateTimeFormat.supportedLocalesOf([base]).length === 1 ? base : null;
  } catch {
    return null;
  }
}

/** The theme in force on these prefs: the URL's ?theme= (when set) outvotes the one kept. */
export const themeOn = (prefs: AgentPrefs, urlTheme: Theme | null): Theme =>
  urlTheme ?? prefs.theme;

/** Whether a page on these prefs is dark. */
export const isDark = (prefs: AgentPrefs, urlTheme: Theme | null): boolean =>
  isDarkTheme(themeOn(prefs, urlTheme), prefs.systemDark);

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
  const zone = fields.get('tz') ?? '';
  const asked = fields.get('locale') ?? '';
  // Canonical names only: each distinct value costs the server a formatter.
  const timeZone = zone.length > MAX_FIELD ? null : canonicalTimeZone(zone);
  const locale = asked.length > MAX_FIELD ? null : canonicalLocale(asked);
  const theme = THEMES.find((t) => t === fields.get('theme'));
  const dark = fields.get('dark');
  if (!timeZone || !locale || !theme || (dark !== '0' && dark !== '1')) return null;
  return { timeZone, locale, theme, systemDark: dark === '1' };
}

/** The cookie's value as last written from this page, so an unchanged one is not written again. */
let written: string | undefined;

/**
 * This browser's prefs, written for the next deep link (kept a year, for this app's path).
 * The theme is applied at start and on every navigation: the cookie is written after that
 * task (reading the browser's zone and locale makes a formatter), and only when it changed.
 */
export function rememberAgentPrefs(theme: Theme, systemDark: boolean, path: string): void {
  // Without the Cookie Store API, or when cookies are refused (a sandboxed frame), nothing is
  // kept: the app then paints every page itself.
  if (typeof cookieStore === 'undefined') return;
  setTimeout(() => {
    const { timeZone, locale } = new Intl.DateTimeFormat().resolvedOptions();
    const value = encodeAgentPrefs({ timeZone, locale, theme, systemDark });
    if (value === written) return;
    written = value;
    cookieStore
      .set({
        name: AGENT_PREFS_COOKIE,
        value,
        path,
        expires: Date.now() + 365 * 24 * 3600 * 1000,
        sameSite: 'lax',
      })
      .catch(() => {
        written = undefined;
      });
  }, 0);
}
