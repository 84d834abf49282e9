import { describe, expect, it } from 'vitest';
import { leftParticipant, PEER_A, SESSION_ID } from '../test/peer-event-fixtures';
import { isPersonalKey, REDACTED, redactJson, redactText } from './redact';

const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

/** A body as the API sends it with every filter on, personal data at several depths. */
const body = {
  success: true,
  data: {
    session_id: SESSION_ID,
    participant: {
      ...leftParticipant,
      peer_stats: {
        config: 'default',
        status: 'LEFT',
        device_info: { browser: 'Chrome', os: 'Windows', user_agent: USER_AGENT, cpus: 8 },
        ip_information: {
          ipv4: '203.0.113.77',
          city: 'Pune',
          region: 'Maharashtra',
          country: 'IN',
          timezone: 'Asia/Kolkata',
          org: 'AS9829 National Internet Backbone',
          ip_location: '18.5196,73.8554',
          portal: '411001',
          loc: '18.5196,73.8554',
        },
        events: [
          {
            type: 'ice_candidate',
            timestamp: 1_763_733_695_000,
            metadata: {
              candidate: 'candidate:842163049 1 udp 1677729535 203.0.113.77 54321 typ srflx',
              relay: '[2001:db8:85a3::8a2e:370:7334]:3478',
              peer_id: PEER_A,
            },
          },
        ],
      },
    },
  },
};

describe('redactJson', () => {
  it('hides every personal value in a full body and keeps the rest as sent', () => {
    expect(redactJson(body)).toEqual({
      success: true,
      data: {
        session_id: SESSION_ID,
        participant: {
          ...leftParticipant,
          custom_participant_id: REDACTED,
          peer_stats: {
            config: 'default',
            status: 'LEFT',
            device_info: { browser: 'Chrome', os: 'Windows', user_agent: REDACTED, cpus: 8 },
            ip_information: {
              ipv4: REDACTED,
              city: REDACTED,
              region: REDACTED,
              country: REDACTED,
              timezone: REDACTED,
              org: REDACTED,
              ip_location: REDACTED,
              portal: REDACTED,
              loc: REDACTED,
            },
            events: [
              {
                type: 'ice_candidate',
                timestamp: 1_763_733_695_000,
                metadata: {
                  candidate: 'candidate:842163049 1 udp 1677729535 [hidden] 54321 typ srflx',
                  relay: '[[hidden]]:3478',
                  peer_id: PEER_A,
                },
              },
            ],
          },
        },
      },
    });
  });

  it('never changes its input', () => {
    const before = structuredClone(body);
    redactJson(body);
    expect(body).toEqual(before);
  });

  it('returns a copy, not the same objects', () => {
    const input = { a: { b: [1] } };
    const copy = redactJson(input);
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
    if (typeof copy !== 'object' || copy === null || !('a' in copy)) throw new Error('no copy');
    expect(copy.a).not.toBe(input.a);
  });

  it('matches keys whatever their case or separator, at any depth, inside arrays', () => {
    expect(
      redactJson([
        { IP: '10.0.0.1', userAgent: 'x', 'User-Agent': 'y', IP_ADDRESS: 'z' },
        [[{ nested: { Latitude: 18.5, longitude: 73.8, Address: { street: 'MG Road' } } }]],
      ]),
    ).toEqual([
      { IP: REDACTED, userAgent: REDACTED, 'User-Agent': REDACTED, IP_ADDRESS: REDACTED },
      [[{ nested: { Latitude: REDACTED, longitude: REDACTED, Address: REDACTED } }]],
    ]);
  });

  it('hides a personal value of any type but leaves a null as null', () => {
    expect(
      redactJson({ city: null, country: 0, region: false, ipv6: ['::1'], org: {}, portal: '' }),
    ).toEqual({
      city: null,
      country: REDACTED,
      region: REDACTED,
      ipv6: REDACTED,
      org: REDACTED,
      portal: REDACTED,
    });
  });

  it('leaves keys that only contain a personal word alone', () => {
    const input = { ip_information: {}, user_id: 'user-77', display_name: 'Ada', mac_address: 'x' };
    expect(redactJson(input)).toEqual(input);
  });

  it('passes primitives through, masking IPs in a top-level string', () => {
    expect(redactJson(null)).toBeNull();
    expect(redactJson(42)).toBe(42);
    expect(redactJson(true)).toBe(true);
    expect(redactJson('from 192.168.1.20')).toBe(`from ${REDACTED}`);
  });

  it('masks IPs in keys, keeping keys that collide after masking apart', () => {
    expect(redactJson({ '10.0.0.1': 1, '10.0.0.2': 2, [REDACTED]: 3 })).toEqual({
      [REDACTED]: 1,
      [`${REDACTED} (2)`]: 2,
      [`${REDACTED} (3)`]: 3,
    });
  });

  it('copies a "__proto__" key from JSON.parse as data, not as a prototype', () => {
    const copy = redactJson(JSON.parse('{"__proto__": {"ip": "10.0.0.1", "polluted": true}}'));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    // JSON.stringify writes own properties only.
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"ip":"[hidden]","polluted":true}}');
    expect('polluted' in {}).toBe(false);
  });

  it('copies 10 000-item lists and 100 000-deep nesting without overflowing the stack', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => ({ ip: `10.0.${i % 256}.1`, n: i }));
    const copy = redactJson({ list: wide });
    expect(copy).toEqual({ list: wide.map((item) => ({ ip: REDACTED, n: item.n })) });

    let deep: unknown = { ip: '10.0.0.1' };
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    let level = redactJson(deep);
    let depth = 0;
    while (Array.isArray(level)) {
      level = level[0];
      depth += 1;
    }
    expect(depth).toBe(100_000);
    expect(level).toEqual({ ip: REDACTED });
  });
});

describe('redactText', () => {
  it.each([
    ['connected from 203.0.113.77:54321', `connected from ${REDACTED}:54321`],
    ['ip=10.0.0.1, 255.255.255.255.', `ip=${REDACTED}, ${REDACTED}.`],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', REDACTED],
    ['via fe80::1%eth0 and ::1', `via ${REDACTED}%eth0 and ${REDACTED}`],
    ['addr:2001:db8::1', `addr:${REDACTED}`],
    ['mapped ::ffff:192.0.2.128 here', `mapped ${REDACTED} here`],
    ['[2001:db8::7]:443', `[${REDACTED}]:443`],
    [USER_AGENT, USER_AGENT.replace('120.0.0.0', REDACTED)],
  ])('masks the addresses in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    '2026-11-21T14:01:35.000Z',
    '14:01:35',
    'aa:bb:cc:dd:ee:ff',
    'std::vector and Foo::bar',
    'a :: b',
    '256.1.1.1 and 1.2.3.999',
    '1.2.3 and 1.2.3.4.5',
    'version 10.0.19045.3693',
    SESSION_ID,
    'ev-1 · PEER_JOINING · 47.31 min',
  ])('leaves %j alone', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('runs in linear time on long hostile text', () => {
    const hostile = `${'1:'.repeat(50_000)}${'9.'.repeat(50_000)}`;
    const started = performance.now();
    redactText(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('isPersonalKey', () => {
  it('knows the issue list and its spellings', () => {
    expect(
      ['custom_participant_id', 'customParticipantId', 'IPV4', 'ip-address'].map(isPersonalKey),
    ).toEqual([true, true, true, true]);
    expect(
      ['peer_id', 'participant_id', 'display_name', 'ip_information'].map(isPersonalKey),
    ).toEqual([false, false, false, false]);
  });
});

describe('redactJson, whole personal sections and user-agent spellings', () => {
  it('hides every value inside ip_information, whatever the keys, keeping the structure', () => {
    const body = {
      peer_stats: {
        ip_information: {
          ipv4: '203.0.113.7',
          country_code: 'PT',
          region_name: 'Lisboa',
          city_name: 'Lisbon',
          lat: 38.72,
          lon: -9.14,
          zip: '1000-001',
          isp: 'Example Telecom',
          asn: { number: 64500, name: 'EXAMPLE' },
        },
        device_info: { ua: 'Mozilla/5.0 (X11)', userAgentData: { brands: ['Chromium'] }, cpus: 8 },
      },
    };
    expect(redactJson(body)).toEqual({
      peer_stats: {
        ip_information: {
          ipv4: REDACTED,
          country_code: REDACTED,
          region_name: REDACTED,
          city_name: REDACTED,
          lat: REDACTED,
          lon: REDACTED,
          zip: REDACTED,
          isp: REDACTED,
          asn: { number: REDACTED, name: REDACTED },
        },
        device_info: { ua: REDACTED, userAgentData: REDACTED, cpus: 8 },
      },
    });
  });
});
