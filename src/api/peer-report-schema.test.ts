import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findInvalid } from './lenient';
import { peerReportOf, peerReportResponseSchema } from './peer-report-schema';
import { withSchemaOnly } from './quick-read';

/** The body as the app reads it, and as the schemas alone read it. */
const bothReads = (text: string) => {
  const quick = z.safeParse(peerReportResponseSchema, JSON.parse(text));
  const slow = withSchemaOnly(() => z.safeParse(peerReportResponseSchema, JSON.parse(text)));
  return { quick, slow };
};

const sample = (fields: Record<string, unknown>) => ({
  success: true,
  data: {
    participant: {
      id: 'p1',
      joined_at: '2026-11-21T14:00:12.400Z',
      peer_report: {
        metadata: { events: [{ name: 'a', timestamp: 1_763_733_612_400, metadata: { x: 1 } }] },
        quality: { audio_producer: [fields] },
      },
    },
  },
});

describe('the peer report read quickly', () => {
  const cases: Array<[string, unknown]> = [
    ['plain samples', sample({ timestamp: '2026-11-21T14:00:12.400Z', rtt: 40, mos_quality: 4.3 })],
    [
      'nulls, wrong types and unknown keys',
      sample({
        zz_first: 1,
        timestamp: null,
        rtt: '40',
        jitter: true,
        packets_lost: 0,
        quality_limitation_reason: 'weather',
        quality_limitation_durations: 'none',
        peer_id: 12,
        extra: { nested: [1, 2] },
      }),
    ],
    [
      'timestamps as epochs, as impossible dates, in other forms',
      {
        data: {
          participant: {
            joined_at: 1_763_733_612,
            left_at: '2026-02-31T00:00:00.000Z',
            created_at: '2026-11-21 14:00:12',
            peer_report: {
              quality: {
                video_producer: [
                  { timestamp: 'yesterday' },
                  { timestamp: '2026-11-21T14:00:12Z', quality_limitation_reason: 'cpu' },
                  null,
                  'a string',
                  [],
                ],
                video_producer_cumulative: { packet_loss: { avg: 1 }, rtt: [] },
              },
            },
          },
        },
      },
    ],
    [
      'a list that is not a list',
      { data: { participant: { peer_report: { quality: { audio_consumer: {} } } } } },
    ],
    [
      'metadata of every kind',
      {
        data: {
          participant: {
            peer_report: {
              metadata: {
                device_info: { cpus: 8, is_mobile: false, os: 'macOS' },
                browser_metadata: { webgl_support: 'webgl2' },
                ip_information: { city: 'Berlin', asn: { asn: 'AS3320' } },
                candidate_pairs: {
                  producing_transport: [{ nominated: true, local_candidate_port: 1.5 }],
                },
                pc_metadata: [{ timestamp: '2026-11-21T14:00:12.400Z', sdp: ['v=0', 1] }],
                selected_device_updates: [{ device: { kind: 'audioinput' } }, { device: 'mic' }],
              },
            },
          },
        },
      },
    ],
    [
      'a flat data object',
      {
        success: true,
        data: { id: 'p1', peer_report: { quality: { audio_producer: [{ rtt: 1 }] } } },
      },
    ],
  ];

  it.each(cases)('%s: exactly what the schemas alone make', (_, body) => {
    const text = JSON.stringify(body);
    const { quick, slow } = bothReads(text);
    expect(quick.success).toBe(true);
    expect(quick.data).toStrictEqual(slow.data);
    // Keys in the same order, Invalid markers (and their reasons) at the same paths.
    expect(JSON.stringify(quick.data)).toBe(JSON.stringify(slow.data));
    expect(findInvalid(quick.data)).toStrictEqual(findInvalid(slow.data));
    if (quick.data?.data && !('invalid' in quick.data.data)) {
      expect(peerReportOf(quick.data.data)).toStrictEqual(
        slow.data?.data && !('invalid' in slow.data.data) ? peerReportOf(slow.data.data) : null,
      );
    }
  });

  it("flags what is wrong as the schemas do, in the fields' order (a string for a number, an unknown reason)", () => {
    const { quick } = bothReads(JSON.stringify(cases[1]?.[1]));
    expect(findInvalid(quick.data).map((f) => f.path)).toEqual([
      'data.participant.peer_report.quality.audio_producer[0].jitter',
      'data.participant.peer_report.quality.audio_producer[0].rtt',
      'data.participant.peer_report.quality.audio_producer[0].quality_limitation_reason',
      'data.participant.peer_report.quality.audio_producer[0].quality_limitation_durations',
      'data.participant.peer_report.quality.audio_producer[0].peer_id',
    ]);
  });

  it('leaves a "__proto__" key, and a value set to undefined by hand, to the schemas', () => {
    const text =
      '{"data":{"participant":{"peer_report":{"quality":{"audio_producer":[{"__proto__":{"rtt":1},"rtt":2}]}}}}}';
    const { quick, slow } = bothReads(text);
    expect(quick.data).toStrictEqual(slow.data);
    // toStrictEqual does not look at prototypes, which a "__proto__" key can set.
    const sampleOf = (read: typeof quick) => {
      const participant =
        read.data?.data && 'participant' in read.data.data ? read.data.data.participant : undefined;
      const list = (participant as { peer_report?: { quality?: { audio_producer?: unknown[] } } })
        ?.peer_report?.quality?.audio_producer;
      return list?.[0] as object;
    };
    expect(Object.getPrototypeOf(sampleOf(quick))).toEqual(Object.getPrototypeOf(sampleOf(slow)));
    expect(Object.getOwnPropertyNames(sampleOf(quick))).toEqual(
      Object.getOwnPropertyNames(sampleOf(slow)),
    );
    const byHand = { data: { participant: { id: undefined, duration: 5 } } };
    const read = z.safeParse(peerReportResponseSchema, byHand);
    const alone = withSchemaOnly(() => z.safeParse(peerReportResponseSchema, byHand));
    expect(read.data).toStrictEqual(alone.data);
    expect(Object.keys(read.data?.data ?? {})).toEqual(Object.keys(alone.data?.data ?? {}));
  });
});
