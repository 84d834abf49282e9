import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { quiet } from '../testing/quiet';
import { addressKey } from './address-key';

describe('addressKey', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('keys IPv6 %s by its /64: %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it.each([
    ['::ffff:192.0.2.33', '192.0.2.33'],
    ['::FFFF:192.0.2.33', '192.0.2.33'],
    ['0:0:0:0:0:ffff:c000:0221', '192.0.2.33'],
    ['64:ff9b::192.0.2.33', '192.0.2.33'],
    ['64:ff9b::c000:222', '192.0.2.34'],
    ['192.0.2.33', '192.0.2.33'],
  ])(
    'keys an IPv4 (or IPv4-mapped, or NAT64) address %s as the IPv4 address %s',
    (address, key) => {
      expect(addressKey(address)).toBe(key);
    },
  );

  it.each([
    'unknown',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '12345::1',
    ':1:2:3:4:5:6:7',
    '::ffff:300.1.1.1',
    '::ffff:1.02.3.4',
    '1:2:3:4:5:6:7::8',
  ])('leaves %s, which is not an address it can read, as it is', (text) => {
    expect(addressKey(text)).toBe(text);
  });
});

describe('GET /api/sessions/:session_id/participants/:participant_id per-user limit', () => {
  it('gives two addresses in one IPv6 /64 one budget, and another /64 its own', async () => {
    const app = createApp(
      loadConfig({ RATE_LIMIT_PER_USER: '2', DIST_DIR: '/nonexistent' }),
      quiet({ clientAddress: (c) => c.req.header('x-test-address') ?? null }),
    );
    const from = async (address: string) =>
      (
        await app.request('/api/sessions/s/participants/p', {
          headers: { 'x-test-address': address },
        })
      ).status;
    expect(await from('2001:db8:1:2::1')).not.toBe(429);
    expect(await from('2001:db8:1:2:ffff:ffff:ffff:ffff')).not.toBe(429);
    expect(await from('2001:db8:1:2:abcd::9')).toBe(429);
    expect(await from('2001:db8:1:3::1')).not.toBe(429);
  });
});
