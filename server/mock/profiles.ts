/** Devices, places and networks the demo participants use. Addresses are documentation ranges. */
import type { DeviceProfile, Location, NetworkProfile } from './diagnostics';

export const DEVICES = {
  macChrome: {
    browser: 'Chrome',
    browserVersion: '142.0.7444.59',
    engine: 'Blink',
    os: 'macOS',
    osVersion: '15.6',
    mobile: false,
    cpus: 10,
    memory: 16,
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  },
  iphoneSafari: {
    browser: 'Safari',
    browserVersion: '18.6',
    engine: 'WebKit',
    os: 'iOS',
    osVersion: '18.6.2',
    mobile: true,
    cpus: 6,
    memory: 4,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  },
  windowsChrome: {
    browser: 'Chrome',
    browserVersion: '141.0.7390.122',
    engine: 'Blink',
    os: 'Windows',
    osVersion: '10',
    mobile: false,
    cpus: 4,
    memory: 8,
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  },
  windowsEdge: {
    browser: 'Edge',
    browserVersion: '142.0.3595.53',
    engine: 'Blink',
    os: 'Windows',
    osVersion: '11',
    mobile: false,
    cpus: 8,
    memory: 16,
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  },
  linuxFirefox: {
    browser: 'Firefox',
    browserVersion: '145.0',
    engine: 'Gecko',
    os: 'Linux',
    osVersion: 'x86_64',
    mobile: false,
    cpus: 16,
    memory: 32,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0',
  },
} satisfies Record<string, DeviceProfile>;

export const LOCATIONS = {
  lisbon: {
    ipv4: '198.51.100.23',
    city: 'Lisbon',
    region: 'Lisbon',
    country: 'PT',
    timezone: 'Europe/Lisbon',
    org: 'AS3243 MEO',
    latLon: '38.7223,-9.1393',
  },
  lagos: {
    ipv4: '203.0.113.77',
    city: 'Lagos',
    region: 'Lagos',
    country: 'NG',
    timezone: 'Africa/Lagos',
    org: 'AS29465 MTN Nigeria',
    latLon: '6.5244,3.3792',
  },
  mexico: {
    ipv4: '192.0.2.141',
    city: 'Guadalajara',
    region: 'Jalisco',
    country: 'MX',
    timezone: 'America/Mexico_City',
    org: 'AS8151 Uninet',
    latLon: '20.6597,-103.3496',
  },
  berlin: {
    ipv4: '198.51.100.200',
    city: 'Berlin',
    region: 'Berlin',
    country: 'DE',
    timezone: 'Europe/Berlin',
    org: 'AS3320 Deutsche Telekom',
    latLon: '52.52,13.405',
  },
  osaka: {
    ipv4: '203.0.113.9',
    city: 'Osaka',
    region: 'Osaka',
    country: 'JP',
    timezone: 'Asia/Tokyo',
    org: 'AS2516 KDDI',
    latLon: '34.6937,135.5023',
  },
} satisfies Record<string, Location>;

export const NETWORKS = {
  good: {
    lossPct: [0, 0.6],
    jitterMs: [2, 12],
    rttMs: [18, 60],
    relayOnly: false,
    networkType: '4g',
  },
  cellular: {
    lossPct: [0.5, 4],
    jitterMs: [10, 38],
    rttMs: [90, 240],
    relayOnly: false,
    networkType: '4g',
  },
  poor: {
    lossPct: [5, 14],
    jitterMs: [35, 95],
    rttMs: [280, 520],
    relayOnly: true,
    networkType: '3g',
  },
} satisfies Record<string, NetworkProfile>;
