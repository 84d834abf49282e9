/**
 * What a server-painted first frame needs to know of the agent's browser: its time zone and
 * locale (every time on the page is shown on them) and its theme. The app writes them into a
 * cookie as it applies the theme; the server reads the cookie on the next deep link. Without
 * it (a first visit, a browser without the Cookie Store API) the server still paints the page,
 * with its times pending and the system's theme left to the stylesheet; the app fills both in
 * as it takes the page over.
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

/**
 * The class on <html> of a page painted for the system's theme the server cannot know (a first
 * visit): the stylesheet's `dark:` variant follows the system's preference under it, until the
 * app sets the theme itself (src/app/theme.ts).
 */
export const SYSTEM_THEME_CLASS = 'theme-system';

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

/**
 * The theme in force on these prefs: the URL's ?theme= (when set) outvotes the one kept; with
 * no prefs (a first visit) it is the system's.
 */
export const themeOn = (prefs: AgentPrefs | null, urlTheme: Theme | null): Theme =>
  urlTheme ?? prefs?.theme ?? 'system';

/**
 * How a page on these prefs looks: dark, light, or — the system's theme on a first visit,
 * which only the browser knows — "system", left to the stylesheet's media query.
 */
export function paintedTheme(
  prefs: AgentPrefs | null,
  urlTheme: Theme | null,
): 'dark' | 'light' | 'system' {
  const theme = themeOn(prefs, urlTheme);
  if (!prefs && theme === 'system') return 'system';
  return isDarkTheme(theme, prefs?.systemDark ?? false) ? 'dark' : 'light';
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
