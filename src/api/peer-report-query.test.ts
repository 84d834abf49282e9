import { describe, expect, it } from 'vitest';
import { answerFetch } from '../test/fetch-stub';
import { ApiError } from './errors';
import { findInvalid } from './lenient';
import { getPeerReport, peerReportQueryOptions, peerReportUrl } from './peer-report-query';
import { readPeerReportQuery } from './peer-report-schema';

const report = (quality: unknown) => ({
  success: true,
  data: {
    participant: {
      id: 'p-1',
      future_field: { nested: true },
      peer_report: { metadata: { sdk_name: 'web-core' }, quality },
    },
  },
});

describe('getPeerReport', () => {
  it('asks this server for the encoded peer id and reads the report', async () => {
    const urls = answerFetch(
      200,
      report({
        audio_producer: [{ timestamp: '2026-11-21T14:00:10Z', mos_quality: 4.3, rtt: 40 }],
      }),
    );
    const { participant, shape } = await getPeerReport('peer_1');
    expect(urls).toEqual(['/api/sessions/peer-report/peer_1']);
    expect(shape).toBe('wrapped');
    expect(participant.id).toBe('p-1');
    expect(participant.future_field).toEqual({ nested: true });
    const quality = participant.peer_report;
    expect(quality && 'quality' in quality ? quality.quality : null).toMatchObject({
      audio_producer: [
        { mos_quality: 4.3, rtt: 40, timestamp: { ms: Date.UTC(2026, 10, 21, 14, 0, 10) } },
      ],
    });
  });

  it('keeps every readable sample and flags each bad value with its raw value', async () => {
    answerFetch(
      200,
      report({
        audio_producer: [
          { timestamp: '2026-11-21T14:00:10Z', mos_quality: '4.1', rtt: 40 },
          'not a sample',
          { timestamp: 'yesterday', mos_quality: 3.9, rtt: -5 },
        ],
        audio_producer_cumulative: { quality_mos: { avg: 'high' }, rtt: { avg: 41 } },
      }),
    );
    const { participant } = await getPeerReport('p');
    const flagged = Object.fromEntries(findInvalid(participant).map((f) => [f.path, f.value.raw]));
    expect(flagged).toEqual({
      'peer_report.quality.audio_producer[0].mos_quality': '4.1',
      'peer_report.quality.audio_producer[1]': 'not a sample',
      'peer_report.quality.audio_producer[2].timestamp': 'yesterday',
      'peer_report.quality.audio_producer_cumulative.quality_mos.avg': 'high',
    });
  });

  it('reads the flat shape, data{…} itself, the same way and says so', async () => {
    const wrapped = report({ audio_producer: [{ timestamp: '2026-11-21T14:00:10Z', rtt: 40 }] });
    answerFetch(200, { success: true, data: wrapped.data.participant });
    const flat = await getPeerReport('p');
    expect(flat.shape).toBe('flat');
    answerFetch(200, wrapped);
    const { participant } = await getPeerReport('p');
    expect(flat.participant).toEqual(participant);
    expect(findInvalid(flat.participant)).toEqual([]);
  });

  it('reads what SDK 7.3.0 added: limitation durations, device updates, native metadata', async () => {
    const at = '2026-11-21T14:00:10Z';
    const device = { device_id: 'a1', kind: 'audioinput', label: 'USB headset' };
    answerFetch(200, {
      success: true,
      data: {
        participant: {
          id: 'p-1',
          peer_report: {
            metadata: {
              audio_devices_updates: [{ timestamp: at, added: [device], removed: [] }],
              video_devices_updates: [{ timestamp: at, added: [], removed: [{ kind: 7 }] }],
              speaker_devices_updates: [],
              selected_device_updates: [{ timestamp: at, device }],
              native_metadata: { audio_encoder: 'opus', video_encoder: 'libvpx' },
              pc_metadata: [{ timestamp: at, sdp: ['v=0'] }],
              browser_metadata: { webgl_support: 'webgl2' },
            },
            quality: {
              video_producer: [
                {
                  timestamp: at,
                  quality_limitation_reason: 'cpu',
                  quality_limitation_durations: { cpu: 8.5, bandwidth: 0, none: 1.5, other: 0 },
                },
                { timestamp: at, quality_limitation_reason: 'thermal' },
              ],
              audio_consumer: [{ timestamp: at, peer_id: 'remote-1', producer_id: 'prod-1' }],
            },
          },
        },
      },
    });
    const { participant } = await getPeerReport('p');
    expect(participant.peer_report).toMatchObject({
      metadata: {
        audio_devices_updates: [{ timestamp: { ms: Date.UTC(2026, 10, 21, 14, 0, 10) } }],
        selected_device_updates: [{ device }],
        native_metadata: { video_encoder: 'libvpx' },
        pc_metadata: [{ sdp: ['v=0'] }],
        browser_metadata: { webgl_support: 'webgl2' },
      },
      quality: {
        video_producer: [
          { quality_limitation_reason: 'cpu', quality_limitation_durations: { cpu: 8.5 } },
          {},
        ],
        audio_consumer: [{ peer_id: 'remote-1', producer_id: 'prod-1' }],
      },
    });
    expect(findInvalid(participant).map((f) => [f.path, f.value.raw])).toEqual([
      ['peer_report.metadata.video_devices_updates[0].removed[0].kind', 7],
      ['peer_report.quality.video_producer[1].quality_limitation_reason', 'thermal'],
    ]);
  });

  it('turns a 404 into not_found and a 429 into rate_limited with its Retry-After', async () => {
    answerFetch(404, {
      success: false,
      error: { code: 404, message: 'Peer not found', kind: 'not_found' },
    });
    await expect(getPeerReport('p')).rejects.toMatchObject({ kind: 'not_found' });
    answerFetch(
      429,
      { success: false, error: { code: 429, message: 'Slow down' } },
      { 'retry-after': '20' },
    );
    const limited = await getPeerReport('p').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ApiError);
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 20 } });
  });

  it('treats success: false and a missing participant as errors, not reports', async () => {
    answerFetch(200, { success: false, error: { code: 500, message: 'Could not fetch' } });
    await expect(getPeerReport('p')).rejects.toMatchObject({ kind: 'upstream' });
    answerFetch(200, { success: true, data: {} });
    await expect(getPeerReport('p')).rejects.toMatchObject({ kind: 'malformed' });
    answerFetch(200, { success: true, data: { participant: 'p-1' } });
    await expect(getPeerReport('p')).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('data.participant could not be read'),
    });
    answerFetch(200, { success: true, data: { unrelated: 1 } });
    await expect(getPeerReport('p')).rejects.toMatchObject({ kind: 'malformed' });
    answerFetch(200, '[1,2]');
    await expect(getPeerReport('p')).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('peerReportQueryOptions', () => {
  it('keys on the peer id, its only input', () => {
    expect(peerReportQueryOptions('a').queryKey).toEqual(['peer-report', 'a']);
    expect(peerReportQueryOptions('b').queryKey).not.toEqual(peerReportQueryOptions('a').queryKey);
    expect(peerReportUrl('a/b')).toBe('/api/sessions/peer-report/a%2Fb');
  });
});

describe('readPeerReportQuery', () => {
  const read = (query: string) => readPeerReportQuery(new URLSearchParams(query));

  it('takes the documented filters and include_peer_events', () => {
    expect(read('')).toEqual({ ok: true, filters: [], includePeerEvents: undefined });
    expect(read('filters=events,device_info&include_peer_events=true')).toEqual({
      ok: true,
      filters: ['device_info', 'events'],
      includePeerEvents: true,
    });
  });

  it('refuses unknown and repeated keys and undocumented values', () => {
    for (const query of [
      'x=1',
      'filters=a',
      'filters=events&filters=events',
      'include_peer_events=1',
    ]) {
      expect(read(query).ok, query).toBe(false);
    }
    const unknown = read('account_id=1');
    expect(unknown.ok ? '' : unknown.message).toContain('"account_id"');
  });
});
