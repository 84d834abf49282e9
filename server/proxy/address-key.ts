/**
 * The per-user limit's key for a client's address. One IPv6 client is handed a whole /64 and
 * can take a new address in it for every request, so an IPv6 address is keyed by its /64; an
 * IPv4-mapped one (::ffff:192.0.2.33, how a dual-stack socket sees an IPv4 client) by the IPv4
 * address it holds, and so is one behind NAT64 (64:ff9b::192.0.2.33). Anything else (IPv4, or text that is not an address) is its own key.
 */
export function addressKey(address: string): string {
  const groups = ipv6Groups(address);
  if (groups === null) return address;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  const mapped = a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff;
  // NAT64's well-known prefix (RFC 6052): every IPv4 client behind it shares this /64.
  const nat64 = a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0;
  if (mapped || nat64) return [g >> 8, g & 0xff, h >> 8, h & 0xff].join('.');
  return `${[a, b, c, d].map((n) => n.toString(16)).join(':')}::/64`;
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const OCTET = '(0|[1-9]\\d{0,2})';
const TRAILING_IPV4 = new RegExp(`:${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** The eight 16-bit groups of an IPv6 address ("::" expanded, a trailing IPv4 read), else null. */
function ipv6Groups(address: string): number[] | null {
  // A link-local address may carry its zone ("%eth0"): it names the interface, not the host.
  let text = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!text.includes(':')) return null;
  const ipv4 = TRAILING_IPV4.exec(text);
  if (ipv4) {
    const bytes = ipv4.slice(1).map(Number);
    if (bytes.some((n) => n > 255)) return null;
    const [w = 0, x = 0, y = 0, z = 0] = bytes;
    text = `${text.slice(0, ipv4.index)}:${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const [head = '', tail] = halves;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const before = split(head);
  const after = tail === undefined ? [] : split(tail);
  const missing = 8 - before.length - after.length;
  // "::" stands for one group of zeros or more; without it there are exactly eight groups.
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...before, ...Array<string>(missing).fill('0'), ...after];
  if (!groups.every((group) => HEX_GROUP.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}
