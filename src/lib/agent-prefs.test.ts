import { describe, expect, it } from 'vitest';
import {
  AGENT_PREFS_COOKIE,
  type AgentPrefs,
  encodeAgentPrefs,
  paintedTheme,
  readAgentPrefs,
} from './agent-prefs';

const prefs: AgentPrefs = {
  timeZone: 'America/Sao_Paulo',
  locale: 'pt-BR',
  theme: 'dark',
  systemDark: false,
};

describe('the agent’s prefs cookie', () => {
  it('reads back what was written, among other cookies', () => {
    const header = `a=1; ${AGENT_PREFS_COOKIE}=${encodeAgentPrefs(prefs)}; CF_Authorization=x`;
    expect(readAgentPrefs(header)).toEqual(prefs);
  });

  it('reads nothing it could not use as written', () => {
    const read = (value: string) => readAgentPrefs(`${AGENT_PREFS_COOKIE}=${value}`);
    expect(readAgentPrefs(undefined)).toBeNull();
    expect(readAgentPrefs('')).toBeNull();
    expect(read('')).toBeNull();
    expect(read('tz=Nowhere%2FLand&locale=en&theme=light&dark=0')).toBeNull();
    expect(read(`tz=${'A'.repeat(100)}&locale=en&theme=light&dark=0`)).toBeNull();
    expect(read('tz=UTC&locale=not_a_locale!&theme=light&dark=0')).toBeNull();
    expect(read('tz=UTC&locale=en&theme=sepia&dark=0')).toBeNull();
    expect(read('tz=UTC&locale=en&theme=light&dark=maybe')).toBeNull();
  });

  it('reads zones and locales in their canonical forms, so the server keeps few formatters', () => {
    const read = (tz: string, locale: string) =>
      readAgentPrefs(
        `${AGENT_PREFS_COOKIE}=${new URLSearchParams({ tz, locale, theme: 'light', dark: '1' })}`,
      );
    expect(read('UTC', 'EN-gb')).toEqual({
      timeZone: 'UTC',
      locale: 'en-GB',
      theme: 'light',
      systemDark: true,
    });
    expect(read('europe/berlin', 'de-DE-u-nu-arab')).toMatchObject({
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
    });
    // Private-use and extension tags, each a new value, come down to the language.
    const many = new Set(
      Array.from({ length: 50 }, (_, i) => read('UTC', `en-x-a${i}`)?.locale ?? 'unread'),
    );
    expect([...many]).toEqual(['en']);
  });

  it('says how the page looks as the app would: the link, then the choice, then the system', () => {
    const system = { ...prefs, theme: 'system' as const };
    expect(paintedTheme({ ...system, systemDark: true }, null)).toBe('dark');
    expect(paintedTheme({ ...system, systemDark: false }, null)).toBe('light');
    expect(paintedTheme(prefs, null)).toBe('dark');
    expect(paintedTheme(prefs, 'light')).toBe('light');
    expect(paintedTheme({ ...system, systemDark: true }, 'system')).toBe('dark');
  });

  it('leaves the system’s theme to the browser on a first visit (no prefs)', () => {
    expect(paintedTheme(null, null)).toBe('system');
    expect(paintedTheme(null, 'system')).toBe('system');
    expect(paintedTheme(null, 'dark')).toBe('dark');
    expect(paintedTheme(null, 'light')).toBe('light');
  });
});
