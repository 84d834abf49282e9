import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type Filter, participantSchema } from '../../api/participant-schema';
import { peerReportQueryOptions } from '../../api/peer-report-query';
import type { PeerTotal } from '../../lib/peer-spans';
import { answerFetch } from '../../test/fetch-stub';
import { testQueryClient } from '../../test/render-route';
import { DiagnosticsPanels } from './diagnostics-panels';

afterEach(cleanup);

const PEER = 'e202ed7e-5b1c-4c5e-9a4e-0d6f1c2b3a40';
const TOTALS: readonly PeerTotal[] = [
  {
    peerId: PEER,
    firstSeen: 0,
    minutes: 5,
    connectedMs: 300_000,
    spans: [{ peerId: PEER, start: 0, end: 300_000, open: false, unterminated: false }],
  },
];
const REPORT = {
  success: true,
  data: {
    participant: {
      id: 'p',
      peer_report: {
        metadata: {
          device_info: { os: 'iOS', os_version: '18.6.2', is_mobile: true },
          browser_metadata: { browser: 'Safari', browser_version: '18.6' },
          ip_information: { city: 'Lagos', country: 'NG', timezone: 'Africa/Lagos' },
          pc_metadata: [{ effective_network_type: '4g', relay_connectivity: true }],
        },
      },
    },
  },
};

const participant = (peer_stats?: unknown) => z.parse(participantSchema, { id: 'p', peer_stats });

type Asked = { filtersRefused?: boolean; requested?: readonly Filter[] };

function show(
  stats: unknown,
  client = testQueryClient(),
  { filtersRefused = false, requested = [] }: Asked = {},
) {
  render(
    <QueryClientProvider client={client}>
      <DiagnosticsPanels
        participant={participant(stats)}
        receivedAt={Date.UTC(2026, 10, 21, 15)}
        requested={requested}
        requestHref={(filter) => `/?filters=${filter}`}
        totals={TOTALS}
        filtersRefused={filtersRefused}
      />
    </QueryClientProvider>,
  );
  return {
    device: screen.getByRole('region', { name: 'Device & client' }),
    network: screen.getByRole('region', { name: 'Network & location' }),
    precall: screen.getByRole('region', { name: 'Pre-call network test' }),
  };
}

describe('DiagnosticsPanels', () => {
  it('reads the device and network from the loaded peer report when peer_stats is absent', async () => {
    answerFetch(200, REPORT);
    const client = testQueryClient();
    await client.fetchQuery(peerReportQueryOptions(PEER));
    const { device, network, precall } = show(undefined, client);
    expect(device.textContent).toContain('from the peer report of peer e202ed7e…');
    expect(within(device).getByText('iOS 18.6.2')).toBeTruthy();
    expect(network.textContent).toContain('from the peer report of peer e202ed7e…');
    expect(within(network).getByText('Lagos, NG')).toBeTruthy();
    expect(precall.textContent).toContain(
      'only older deployments send the pre-call test (filters=precall_network_information)',
    );
  });

  it('reads filters=device_info when the older answer sent it', async () => {
    answerFetch(200, REPORT);
    const client = testQueryClient();
    await client.fetchQuery(peerReportQueryOptions(PEER));
    const { device, network } = show({ device_info: { browser: 'Chrome' } }, client);
    expect(device.textContent).toContain('from filters=device_info');
    expect(network.textContent).toContain('from the peer report of peer e202ed7e…');
  });

  it('says what is missing while the report loads, and why filters gave nothing', async () => {
    // The report's request never settles: it is still loading.
    answerFetch(200, REPORT, {}, { only: 'nothing-matches' });
    const client = testQueryClient();
    void client.prefetchQuery(peerReportQueryOptions(PEER));
    const { device } = show(undefined, client, {
      filtersRefused: true,
      requested: ['device_info', 'ip_information'],
    });
    expect(device.textContent).toBe(
      'Device & clientNo device information yet: the peer reports are still loading. RealtimeKit refused filters=device_info.',
    );
    expect(screen.getByRole('note').textContent).toBe(
      'RealtimeKit refused filters=device_info,ip_information; diagnostics come from the peer reports.',
    );
  });

  it('offers the filter when no report is loaded and nothing was asked for', () => {
    const { device } = show(undefined);
    expect(device.textContent).toContain('no peer report is loaded yet');
    expect(within(device).getByRole('link', { name: 'Request device information' })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });
});
