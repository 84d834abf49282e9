import { describe, expect, it } from 'vitest';
import type { WireQualitySample } from '../../src/api/peer-report-schema';
import { loadConfig } from '../config';
import { createApp } from '../node-app';
import { quiet } from '../testing/quiet';
import { OUTAGE_CALL, SENDER_CALL, SESSIONS, SOLO_CALL } from './crowd';
import { mockAt } from './in-process';
import { SCENARIOS } from './scenarios';

const { get } = mockAt(Date.UTC(2026, 10, 25, 12));

type Entry = { id: string; display_name?: string };
type Quality = Record<string, WireQualitySample[] | undefined>;
type Report = {
  id: string;
  session_id: string;
  peer_report: { metadata: { ip_information: { country: string; org: string } }; quality: Quality };
};

async function participantsOf(sessionId: string): Promise<Entry[]> {
  const { status, body } = await get(`/${sessionId}/participants?per_page=50`);
  expect(status).toBe(200);
  return body.data.participants;
}

/** A participant's peer ids, from its peer events. */
async function peersOf(sessionId: string, participantId: string): Promise<string[]> {
  const { body } = await get(
    `/${sessionId}/participants/${participantId}?include_peer_events=true`,
  );
  const events: Array<{ peer_id: string }> = body.data.participant.peer_events ?? [];
  return [...new Set(events.map((e) => e.peer_id))];
}

/** Each participant of the session, with its one peer's report. */
async function reportsOf(sessionId: string) {
  const reports: Array<{ entry: Entry; peerId: string; report: Report }> = [];
  for (const entry of await participantsOf(sessionId)) {
    const peers = await peersOf(sessionId, entry.id);
    expect(peers, entry.id).toHaveLength(1);
    const [peerId = ''] = peers;
    const { status, body } = await get(`/peer-report/${peerId}`);
    expect(status, peerId).toBe(200);
    const report: Report = body.data.participant;
    expect(report.id).toBe(entry.id);
    expect(report.session_id).toBe(sessionId);
    reports.push({ entry, peerId, report });
  }
  return reports;
}

const lossOf = (s: WireQualitySample) => {
  const lost = s.packets_lost ?? 0;
  return (100 * lost) / Math.max(1, s.packets_sent ?? (s.packets_received ?? 0) + lost);
};
const day = (hhmm: string) => Date.parse(`2026-11-21T${hhmm}:00.000Z`);
const within = (from: string, to: string) => (s: WireQualitySample) => {
  const at = Date.parse(s.timestamp ?? '');
  return at >= day(from) && at < day(to);
};
/** Poor by both readings: 5 % loss or more, and MOS below 3.5. */
const poor = (s: WireQualitySample) => lossOf(s) >= 5 && (s.mos_quality ?? 5) < 3.5;
const clean = (s: WireQualitySample) => lossOf(s) < 1 && (s.mos_quality ?? 0) >= 4;

/** Bad in the window (at least `count` samples of it), clean outside it. */
function expectEpisode(
  samples: readonly WireQualitySample[],
  window: ReturnType<typeof within>,
  count: number,
  what: string,
) {
  const inside = samples.filter(window);
  expect(inside.length, what).toBeGreaterThanOrEqual(count);
  expect(
    inside.filter((s) => !poor(s)),
    what,
  ).toEqual([]);
  expect(
    samples.filter((s) => !window(s) && !clean(s)),
    what,
  ).toEqual([]);
}

describe('GET /api/config in demo mode', () => {
  it('offers one sample of each verdict call', async () => {
    const app = createApp(loadConfig({ DIST_DIR: '/nonexistent' }), quiet());
    const { samples } = await (await app.request('/api/config')).json();
    const offered = (label: string) => samples.find((s: { label: string }) => s.label === label);
    expect(offered('Service problem: everyone degraded 10:05–10:10')).toMatchObject({
      session_id: OUTAGE_CALL,
    });
    for (const label of [
      'Another participant: could not hear Kwame Mensah',
      'Sender whose uplink failed (Kwame Mensah)',
    ]) {
      expect(offered(label), label).toMatchObject({ session_id: SENDER_CALL });
    }
    expect(offered('Alone in the call: one-person session')).toMatchObject({
      session_id: SOLO_CALL,
    });
  });
});

describe('the verdict calls, through the mock API', () => {
  it('are finished calls on the demo day, each with its meeting name', async () => {
    for (const id of [OUTAGE_CALL, SENDER_CALL, SOLO_CALL]) {
      expect(SESSIONS.find((s) => s.id === id)?.status).toBe('ENDED');
      const { body } = await get(`/${id}`);
      const session = body.data.session ?? body.data;
      expect(session.status).toBe('ENDED');
      expect(session.started_at.slice(0, 10)).toBe('2026-11-21');
    }
  });

  it('outage: six countries, everyone degraded both ways 10:05–10:10 and clean otherwise', async () => {
    const reports = await reportsOf(OUTAGE_CALL);
    expect(reports).toHaveLength(6);
    const places = reports.map((r) => r.report.peer_report.metadata.ip_information);
    expect(new Set(places.map((p) => p.country)).size).toBe(6);
    expect(new Set(places.map((p) => p.org)).size).toBe(6);
    const window = within('10:05', '10:10');
    const meanLoss = (samples: readonly WireQualitySample[]) =>
      samples.reduce((sum, s) => sum + lossOf(s), 0) / Math.max(1, samples.length);
    const sentLoss = meanLoss(
      reports.flatMap((r) => (r.report.peer_report.quality.audio_producer ?? []).filter(window)),
    );
    for (const { entry, report } of reports) {
      const { quality } = report.peer_report;
      expectEpisode(quality.audio_producer ?? [], window, 29, `${entry.display_name} sent`);
      const received = quality.audio_consumer ?? [];
      expect(new Set(received.map((s) => s.peer_id)).size).toBe(5);
      expectEpisode(received, window, 5 * 29, `${entry.display_name} received`);
      // Their own downlink was congested too: they lost more than the senders did.
      expect(meanLoss(received.filter(window)), entry.id).toBeGreaterThan(sentLoss + 2);
    }
  });

  it('one sender: only what came from Kwame Mensah degraded 11:10–11:20, and his uplink shows why', async () => {
    const reports = await reportsOf(SENDER_CALL);
    expect(reports).toHaveLength(5);
    const kwame = reports.find((r) => r.entry.display_name === 'Kwame Mensah');
    const lucia = reports.find((r) => r.entry.display_name === 'Lucía Ferrer');
    if (!kwame || !lucia) throw new Error('missing Kwame or Lucía');
    const sample = (label: string) => SCENARIOS.find((s) => s.label === label)?.participantId;
    expect(sample('Sender whose uplink failed (Kwame Mensah)')).toBe(kwame.entry.id);
    expect(sample('Another participant: could not hear Kwame Mensah')).toBe(lucia.entry.id);
    const window = within('11:10', '11:20');
    const sent = kwame.report.peer_report.quality;
    expectEpisode(sent.audio_producer ?? [], window, 59, 'Kwame sent');
    expect((sent.audio_consumer ?? []).every(clean)).toBe(true);
    const heard = lucia.report.peer_report.quality;
    expect((heard.audio_producer ?? []).every(clean)).toBe(true);
    const received = heard.audio_consumer ?? [];
    const remotes = new Set(received.map((s) => s.peer_id));
    expect(remotes.size).toBe(4);
    expectEpisode(
      received.filter((s) => s.peer_id === kwame.peerId),
      window,
      59,
      'Lucía from Kwame',
    );
    expect(received.filter((s) => s.peer_id !== kwame.peerId).every(clean)).toBe(true);
    // Nobody else's upload failed: what each sent stayed clean.
    for (const { entry, report } of reports.filter((r) => r !== kwame)) {
      expect((report.peer_report.quality.audio_producer ?? []).every(clean), entry.id).toBe(true);
    }
  });

  it('solo: one participant, who sent but received nothing, degraded 12:10–12:20', async () => {
    const reports = await reportsOf(SOLO_CALL);
    expect(reports).toHaveLength(1);
    const [alone] = reports;
    if (!alone) throw new Error('nobody in the solo call');
    const { quality } = alone.report.peer_report;
    expectEpisode(quality.audio_producer ?? [], within('12:10', '12:20'), 59, 'sent');
    expect(quality.audio_consumer).toEqual([]);
    expect(quality.video_consumer).toEqual([]);
  });
});
