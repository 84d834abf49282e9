/**
 * How the page is shown, as opposed to what it shows: embed mode, a theme asked for by the
 * portal, redaction and the clock times are shown on. They live in the URL like the lookup itself, and every link the app
 * builds carries them on, so an embedded or redacted view stays so as the agent navigates.
 */
import { type ClockZone, isClockZone } from './clock';

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

/** Whether a theme choice makes the page dark, given the system's preference. */
export const isDarkTheme = (choice: Theme, systemDark: boolean): boolean =>
  choice === 'dark' || (choice === 'system' && systemDark);

export type ViewParams = {
  readonly embed: boolean;
  readonly theme: Theme | null;
  readonly redact: boolean;
  /** The clock every time is shown on: the agent's own unless the URL says otherwise. */
  readonly clock: ClockZone;
};

/** No view params at all: the lookup alone. */
export const PLAIN_VIEW: ViewParams = { embed: false, theme: null, redact: false, clock: 'mine' };

const isTheme = (value: string | null): value is Theme =>
  value !== null && (THEMES as readonly string[]).includes(value);

const flag = (value: string | null) => value === '1' || value === 'true';

export function readViewParams(search: string): ViewParams {
  const query = new URLSearchParams(search);
  const theme = query.get('theme');
  const clock = query.get('tz');
  return {
    embed: flag(query.get('embed')),
    theme: isTheme(theme) ? theme : null,
    redact: flag(query.get('redact')),
    clock: isClockZone(clock) ? clock : 'mine',
  };
}

/** The view params as query pairs, in a fixed order ("embed=1&theme=dark&redact=1"). */
export function viewQuery(view: ViewParams): string[] {
  const pairs: string[] = [];
  if (view.embed) pairs.push('embed=1');
  if (view.theme) pairs.push(`theme=${view.theme}`);
  if (view.redact) pairs.push('redact=1');
  if (view.clock !== 'mine') pairs.push(`tz=${view.clock}`);
  return pairs;
}
