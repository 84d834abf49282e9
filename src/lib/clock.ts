/**
 * Which clock the page's times are read on: the agent's own, UTC, or the participant's (their
 * IANA zone from ip_information). One Clock formats every timestamp on the page.
 */
export const CLOCK_ZONES = ['mine', 'utc', 'participant'] as const;
export type ClockZone = (typeof CLOCK_ZONES)[number];

export type Clock = {
  /** The zone asked for. */
  readonly zone: ClockZone;
  /** The zone actually used: undefined is the agent's own. */
  readonly timeZone: string | undefined;
  /** "your time", "UTC", "their time (America/Mexico_City)". */
  readonly label: string;
  /** "Nov 21, 2026, 14:00:12" on this clock. */
  readonly format: (ms: number) => string;
  /** "14:00:12" on this clock. */
  readonly time: (ms: number) => string;
  /** This clock's offset from UTC at an instant, in ms (for axes that label round times). */
  readonly offset: (ms: number) => number;
  /** Why the asked zone could not be used (their zone unknown), or null. */
  readonly fallback: string | null;
  /**
   * The other side's clock, shown beside each time: theirs while the page shows mine or UTC,
   * mine while it shows theirs; null when their zone is not known.
   */
  readonly companion: { readonly label: string; readonly time: (ms: number) => string } | null;
};

/**
 * Formatters are kept for reuse, at most this many of each kind: the server paints pages for
 * any agent's zone and locale (from a cookie), and must not keep one for every value it is sent.
 */
const MAX_KEPT = 64;

function kept(
  store: Map<string, Intl.DateTimeFormat>,
  key: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let found = store.get(key);
  if (!found) {
    if (store.size >= MAX_KEPT) store.clear();
    found = make();
    store.set(key, found);
  }
  return found;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetAt(ms: number, timeZone: string | undefined): number {
  const format = kept(
    partsFormat,
    timeZone ?? '',
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  const get = (type: string) =>
    Number(format.formatToParts(ms).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** "Nov 21, 2026, 14:00:12" in the agent's locale; "14:00:12" everywhere. */
const FORMATS = {
  date: {
    locale: undefined,
    options: {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
  },
  time: {
    locale: 'en-GB',
    options: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  },
} as const satisfies Record<
  string,
  { locale: string | undefined; options: Intl.DateTimeFormatOptions }
>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per kind and zone, made the first time it is used: making one costs a few
 * milliseconds, and a page start needs only two or three of them.
 */
function formatterFor(
  kind: keyof typeof FORMATS,
  timeZone: string | undefined,
  agentLocale?: string,
) {
  const { locale = agentLocale, options } = FORMATS[kind];
  return kept(
    formatters,
    `${kind} ${timeZone ?? ''} ${locale ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  );
}

/**
 * What a time shows while the agent's zone or locale is not known yet (a first visit's page,
 * painted by the server before the browser has said them): figure dashes, each as wide as a
 * digit, so the real value takes the same room when the app fills it in.
 */
export const PENDING_TIME = '\u2012\u2012:\u2012\u2012:\u2012\u2012';
const PENDING_DATE = `\u2012\u2012\u2012 \u2012\u2012, \u2012\u2012\u2012\u2012, ${PENDING_TIME}`;

/** Formats on one kind and zone; the formatter is made at the first call. */
function formatting(kind: keyof typeof FORMATS, timeZone: string | undefined, locale?: string) {
  let format: Intl.DateTimeFormat | undefined;
  return (ms: number) => {
    format ??= formatterFor(kind, timeZone, locale);
    return format.format(ms);
  };
}

/** The zone's canonical name ("europe/berlin" → "Europe/Berlin"), or null if not a known zone. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether this browser knows the IANA zone (the formatter made to find out is kept). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor('time', timeZone);
    return true;
  } catch {
    return false;
  }
}

export function isClockZone(value: string | null): value is ClockZone {
  return value !== null && (CLOCK_ZONES as readonly string[]).includes(value);
}

/**
 * The agent's own zone and locale. In the browser they are its own (undefined: the browser's
 * default); the server, painting a page for an agent, is told them (lib/agent-prefs), or, on a
 * first visit, not (null): what depends on them is then pending.
 */
export type AgentClock = { readonly timeZone: string; readonly locale: string } | undefined | null;

/**
 * A time on a zone, or pending when it needs what the agent's browser has not said: their own
 * zone (no zone given), or their locale (dates).
 */
function timeOn(kind: keyof typeof FORMATS, timeZone: string | undefined, agent: AgentClock) {
  if (agent === null && (timeZone === undefined || FORMATS[kind].locale === undefined)) {
    return () => (kind === 'date' ? PENDING_DATE : PENDING_TIME);
  }
  return formatting(kind, timeZone, agent?.locale);
}

function build(
  zone: ClockZone,
  timeZone: string | undefined,
  label: string,
  fallback: string | null,
  agent: AgentClock,
  companion: Clock['companion'] = null,
): Clock {
  return {
    zone,
    timeZone,
    label,
    fallback,
    companion,
    format: timeOn('date', timeZone, agent),
    time: timeOn('time', timeZone, agent),
    offset: (ms) => offsetAt(ms, timeZone),
  };
}

const companionIn = (
  timeZone: string | undefined,
  label: string,
  agent: AgentClock,
): Clock['companion'] => ({ label, time: timeOn('time', timeZone, agent) });

/** The clock for a zone; the participant's zone falls back to the agent's when unknown. */
export function makeClock(
  zone: ClockZone,
  participantZone: string | null,
  agent?: AgentClock,
): Clock {
  const mine = agent?.timeZone;
  const theirs =
    participantZone && isKnownTimeZone(participantZone)
      ? companionIn(participantZone, 'their time', agent)
      : null;
  if (zone === 'utc') return build('utc', 'UTC', 'UTC', null, agent, theirs);
  if (zone === 'participant') {
    if (theirs && participantZone) {
      return build(
        'participant',
        participantZone,
        `their time (${participantZone})`,
        null,
        agent,
        companionIn(mine, 'your time', agent),
      );
    }
    return build(
      'participant',
      mine,
      'your time',
      participantZone
        ? `their time zone "${participantZone}" is unknown to this browser`
        : 'their time zone is not known (request IP information)',
      agent,
    );
  }
  return build('mine', mine, 'your time', null, agent, theirs);
}

/** The agent's own clock: what the page uses until told otherwise. */
export const MY_CLOCK: Clock = makeClock('mine', null);
