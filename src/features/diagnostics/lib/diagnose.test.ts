import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type PeerEventRecord, peerEventRecords, spanInputs } from '../../../api/peer-events';
import {
  type PeerReportParticipant,
  peerReportResponseSchema,
} from '../../../api/peer-report-schema';
import { peerTotals } from '../../../lib/peer-spans';
import {
  leftParticipant,
  MIN,
  PEER_A,
  PEER_B,
  PEER_C,
  parseParticipant,
  T0,
  wireEvent,
} from '../../../test/peer-event-fixtures';
import { summarize } from '../../participant';
import { type DiagnosisInput, diagnose, type LoadedReports } from './diagnose';
import { reconnectsOf } from './reconnects';

/** The engine's input as the page builds it (app/participant-model.ts), from a body. */
function inputOf(fields: Record<string, unknown>): DiagnosisInput {
  const participant = parseParticipant({ ...leftParticipant, ...fields });
  const records = peerEventRecords(participant);
  const inputs = spanInputs(records ?? []);
  return {
    participant,
    records,
    totals: peerTotals(inputs, { at: T0 + 60 * MIN, stillConnected: false }),
    reconnects: reconnectsOf(inputs),
    summary: summarize(participant),
  };
}

let nextId = 0;
/** A connection of a peer from `join` to `leave`, in minutes from T0. */
const connection = (peerId: string, join: number, leave: number) => {
  nextId += 3;
  const socket = `socket-${peerId}`;
  return [
    wireEvent(`e${nextId}`, 'PEER_JOINING', T0 + join * MIN, peerId, socket),
    wireEvent(`e${nextId + 1}`, 'PEER_LEAVING', T0 + leave * MIN, peerId, socket, leave - join),
  ];
};

/** A peer report read as the browser reads one. */
function report(quality: unknown, metadata: Record<string, unknown> = {}): PeerReportParticipant {
  const parsed = z.parse(peerReportResponseSchema, {
    success: true,
    data: { participant: { id: 'p', peer_report: { metadata, quality } } },
  });
  const participant =
    parsed.data && 'participant' in parsed.data ? parsed.data.participant : undefined;
  if (!participant || 'invalid' in participant) throw new Error('unreadable');
  return participant;
}

/** Samples every 10 s from `fromMin` to `toMin`, clean unless told otherwise. */
const sent = (fromMin: number, toMin: number, values: Record<string, unknown> = {}) =>
  Array.from({ length: ((toMin - fromMin) * MIN) / 10_000 + 1 }, (_, i) => ({
    timestamp: new Date(T0 + fromMin * MIN + i * 10_000).toISOString(),
    rtt: 40,
    jitter: 5,
    mos_quality: 4.4,
    packets_sent: 500,
    packets_lost: 0,
    ...values,
  }));

const relayTcp = {
  candidate_pairs: {
    producing_transport: [
      { nominated: true, local_candidate_type: 'relay', local_candidate_protocol: 'tcp' },
    ],
  },
};

describe('diagnose', () => {
  const reconnecting = inputOf({
    peer_events: [
      ...connection(PEER_A, 0, 10),
      ...connection(PEER_B, 11, 20),
      ...connection(PEER_C, 21, 40),
    ],
    peer_stats: { precall_network_information: { rtt: 40, jitter: 5, fractional_loss: 0 } },
  });

  it('finds nothing but the reconnects before any quality is known, and says it is not done', () => {
    const d = diagnose(reconnecting, new Map(), { reportsPending: true });
    expect(d.complete).toBe(false);
    expect(d.reconnects.total).toBe(2);
    expect(d.incidents.map((i) => i.headline)).toEqual(['Reconnected 2 times']);
    expect(d.wholeCall).toEqual([]);
  });

  it('merges what the reports say into incidents, cause first, and keeps the whole call apart', () => {
    const reports: LoadedReports = new Map([
      [PEER_A, report({ audio_producer: sent(0, 10, { jitter: 60 }) }, relayTcp)],
      [
        PEER_B,
        report({ audio_producer: sent(11, 20, { jitter: 60, mos_quality: 1.2 }) }, relayTcp),
      ],
      [PEER_C, report({ audio_producer: sent(21, 40) }, relayTcp)],
    ]);
    const d = diagnose(reconnecting, reports);
    expect(d.complete).toBe(true);
    expect(d.incidents.map((i) => [i.cause, i.direction, i.severity])).toEqual([
      ['network', 'uplink', 'poor'],
      ['connection', 'unknown', 'degraded'],
    ]);
    const [network] = d.incidents;
    // The two peers' bad stretches, a minute apart, are one incident.
    expect(network?.window).toEqual({ startMs: T0, endMs: T0 + 20 * MIN });
    expect(network?.peerIds).toEqual([PEER_A, PEER_B]);
    expect(network?.figures).toEqual([
      'audio jitter up to 60 ms (sent)',
      'audio MOS down to 1.2 (sent)',
    ]);
    expect(d.wholeCall.map((f) => f.title)).toEqual([
      'TURN over TCP on 3 peers',
      'Pre-call test passed, but the call degraded',
    ]);
  });

  it('orders incidents worst first, then the longest', () => {
    const reports: LoadedReports = new Map([
      [PEER_A, report({ audio_producer: sent(0, 10, { jitter: 35 }) })],
      [PEER_C, report({ audio_producer: sent(21, 40, { jitter: 35 }) })],
    ]);
    const d = diagnose(reconnecting, reports);
    expect(d.incidents.map((i) => [i.cause, i.window.startMs])).toEqual([
      ['network', T0 + 21 * MIN],
      ['network', T0],
      ['connection', T0 + 11 * MIN],
    ]);
  });

  it('finds nothing on a clean call with every report loaded', () => {
    const clean = inputOf({ peer_events: connection(PEER_A, 0, 10) });
    const d = diagnose(clean, new Map([[PEER_A, report({ audio_producer: sent(0, 10) })]]));
    expect(d).toMatchObject({ incidents: [], wholeCall: [], complete: true });
  });

  it('keeps the SDK events of the reports, in time order, once each', () => {
    const at = (m: number) => new Date(T0 + m * MIN).toISOString();
    const events = [
      { name: 'disconnect', timestamp: at(10) },
      { name: 'ice_connection_state', timestamp: at(1) },
    ];
    const d = diagnose(
      reconnecting,
      new Map([
        [PEER_A, report({}, { events })],
        [PEER_B, report({}, { events: events.slice(0, 1) })],
      ]),
    );
    expect(d.sdkEvents).toEqual([
      { atMs: T0 + MIN, name: 'ice_connection_state' },
      { atMs: T0 + 10 * MIN, name: 'disconnect' },
    ]);
  });

  it('diagnoses the 100,002-event history in linear time', () => {
    // Built directly as records: the schema's own speed is tested with the mock.
    const records: PeerEventRecord[] = [];
    let at = T0;
    for (let i = 0; i < 33_334; i++) {
      const peerId = `peer-${i}`;
      const record = (name: string, ms: number): PeerEventRecord => ({
        index: records.length,
        id: `e${records.length}`,
        at: { ms, raw: ms },
        name,
        knownName: null,
        peerId,
        socketId: null,
        view: null,
        minutes: null,
        duplicateOf: null,
        problems: [],
      });
      records.push(record('PEER_CREATED', at - 1_000), record('PEER_JOINING', at));
      at += 8_000;
      records.push(record('PEER_LEAVING', at));
      at += 4_000;
    }
    const participant = parseParticipant(leftParticipant);
    const inputs = spanInputs(records);
    const input: DiagnosisInput = {
      participant,
      records,
      totals: peerTotals(inputs, null),
      reconnects: reconnectsOf(inputs),
      summary: summarize(participant),
    };
    // Linear is tens of milliseconds here; one scan per event over the events would be minutes.
    const started = performance.now();
    const d = diagnose(input, new Map());
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(d.reconnects.total).toBe(33_333);
    expect(d.incidents[0]?.headline).toBe('Reconnected 33,333 times');
    // One JOINING every 12 s: 50 reconnects within any 10 minutes (both ends included).
    expect(d.incidents[0]?.figures).toEqual(['51 of them within 10 min']);
  });
});
