/**
 * "Hide personal data": the values of keys that hold personal data are replaced wherever they
 * occur, and IP addresses written inside free text (a user agent, an ICE candidate, an event's
 * metadata) are masked. Used on screen and by every export, so all of them hide the same things.
 */

export const REDACTED = '[hidden]';

// Keys are compared lower-cased with `_`, `-` and spaces dropped, so `userAgent`, `User-Agent`
// and `user_agent` are one key. `loc`, `postal` and `hostname` are not in the list: IP
// lookups that fill ip_information (ipinfo-style) send them next to city and region, and a
// reverse-DNS hostname often spells the IP out.
const normalizeKey = (key: string) => key.toLowerCase().replace(/[_\-\s]/g, '');

const PERSONAL_KEYS = new Set(
  [
    'custom_participant_id',
    'ipv4',
    'ipv6',
    'ip',
    'ip_address',
    'city',
    'region',
    'country',
    'ip_location',
    'timezone',
    'org',
    'portal',
    'user_agent',
    'latitude',
    'longitude',
    'address',
    'loc',
    'postal',
    'hostname',
  ].map(normalizeKey),
);

export const isPersonalKey = (key: string) => {
  const normal = normalizeKey(key);
  // "ua", "useragent", "useragentdata"…: every spelling of the user agent seen in SDK payloads.
  return PERSONAL_KEYS.has(normal) || normal === 'ua' || normal.startsWith('useragent');
};

/**
 * Sections that are personal as a whole: every value inside is hidden, whatever its key
 * (ip_information accepts unknown keys — country_code, lat, isp… — and all of them locate
 * the participant). The structure stays, so a reader still sees what was there.
 */
const PERSONAL_SECTIONS = new Set(
  ['ipinformation', 'geo', 'geolocation', 'location'].map(normalizeKey),
);
const isPersonalSection = (key: string) => PERSONAL_SECTIONS.has(normalizeKey(key));

const isIpv4 = (text: string) => text.split('.').every((octet) => Number(octet) <= 255);

// A run that could be an IPv6 address (optionally ending in an embedded IPv4), not glued to
// letters, digits or dots; `isIpv6` then decides. Times such as 14:01:35 fail that check.
const IPV6_CANDIDATE =
  /(?<![\w.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:]|\.\d)/giu;
// Digits and dots only around it: a version such as "Chrome/120.0.0.0" is masked too, which
// is the safe side to err on when hiding data.
const IPV4_CANDIDATE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/gu;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const TRAILING_IPV4 = /(?:\d{1,3}\.){3}\d{1,3}$/u;

function isIpv6(candidate: string): boolean {
  // A bare "::" is punctuation far more often than the unspecified address.
  if (!/[0-9a-f]/i.test(candidate)) return false;
  let text = candidate;
  const v4 = TRAILING_IPV4.exec(text);
  if (v4) {
    if (!isIpv4(v4[0])) return false;
    // An embedded IPv4 address takes the place of two groups.
    text = `${text.slice(0, v4.index)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/** The text with every IPv4 and IPv6 address in it replaced by REDACTED. */
export function redactText(text: string): string {
  return text
    .replace(IPV6_CANDIDATE, (match) => (isIpv6(match) ? REDACTED : match))
    .replace(IPV4_CANDIDATE, (match) => (isIpv4(match) ? REDACTED : match));
}

/** Sets an own property, even one named `__proto__` (JSON.parse makes those). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The key with IPs masked; a masked key that collides with one already copied gets " (2)"… */
function copiedKey(target: Record<string, unknown>, key: string): string {
  const masked = redactText(key);
  let candidate = masked;
  for (let n = 2; Object.hasOwn(target, candidate); n += 1) candidate = `${masked} (${n})`;
  return candidate;
}

/**
 * A deep copy of a JSON value with personal data hidden: the value of every personal key (at
 * any depth, case-insensitive) becomes REDACTED, and IPs inside every other string — object
 * keys included — are masked. A null stays null: there is nothing to hide. The input is never
 * changed. Containers are copied from an explicit stack, so neither a very deep nor a very
 * long body can overflow the call stack.
 */
export function redactJson(body: unknown): unknown {
  const pending: Array<() => void> = [];
  const shallow = (value: unknown, hideAll = false): unknown => {
    if (hideAll && value !== null && typeof value !== 'object') return REDACTED;
    if (typeof value === 'string') return redactText(value);
    if (Array.isArray(value)) {
      const source: readonly unknown[] = value;
      const target: unknown[] = [];
      pending.push(() => {
        for (const item of source) target.push(shallow(item, hideAll));
      });
      return target;
    }
    if (typeof value === 'object' && value !== null) {
      const target: Record<string, unknown> = {};
      pending.push(() => {
        for (const [key, item] of Object.entries(value)) {
          const section = hideAll || isPersonalSection(key);
          const hidden = isPersonalKey(key) && item !== null;
          setOwn(target, copiedKey(target, key), hidden ? REDACTED : shallow(item, section));
        }
      });
      return target;
    }
    return value;
  };
  const copy = shallow(body);
  for (let fill = pending.pop(); fill !== undefined; fill = pending.pop()) fill();
  return copy;
}
