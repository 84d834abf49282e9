/**
 * Three finished calls on the demo day (Sat 21 Nov 2026, UTC) whose trouble can only be placed
 * by setting one participant against the others of the same session: everyone degraded at once
 * in six countries (the service), one sender whose uplink failed (another participant), and a
 * call with nobody to compare with (not enough data). Every participant has one connection and
 * a peer report; the samples are offered in /api/config, the others are listed beside them.
 */
import { buildPeerReport, type MediaOptions, type PeerReportInput, sendersOf } from './peer-report';
import { DEVICES, LOCATIONS, NETWORKS } from './profiles';
import { seeded } from './random';
import type { Built, ParticipantScenario } from './scenarios';
import { buildParticipant, type Span } from './timeline';

const ids = seeded(20261124);
const OUTAGE_CALL = ids.uuid();
const SENDER_CALL = ids.uuid();
const SOLO_CALL = ids.uuid();

/** A time of the demo day, as `hh:mm:ss` UTC. */
const at = (time: string) => Date.parse(`2026-11-21T${time}Z`);

/** One direction of a connection congested from `from` to `to` (hh:mm:ss UTC). */
const congested = (from: string, to: string) => [
  { fromMs: at(from), toMs: at(to), network: NETWORKS.congested },
];

/** Both directions congested: what the participant sent and what it received. */
const bothWays = (from: string, to: string): MediaOptions => ({
  uplink: congested(from, to),
  downlink: congested(from, to),
});

type Attendee = {
  /** The demo sample's key and label; the others are keyed by their place in the session. */
  readonly sample?: { readonly key: string; readonly label: string };
  readonly seed: number;
  readonly name: string;
  readonly customId: string;
  readonly host?: boolean;
  readonly join: string;
  readonly leave: string;
  readonly device: keyof typeof DEVICES;
  readonly location: keyof typeof LOCATIONS;
  readonly media?: MediaOptions;
};

/** One participant on a good network but for `media`, with one connection and its report. */
function attendee(sessionId: string, a: Attendee, index: number): ParticipantScenario {
  const participantId = seeded(a.seed * 7919).uuid();
  return {
    kind: 'participant',
    key: a.sample?.key ?? `${sessionId}-other-${index}`,
    label: a.sample?.label ?? a.name,
    sessionId,
    participantId,
    live: false,
    build: (now): Built => {
      const r = seeded(a.seed);
      const spans: Span[] = [{ join: at(a.join), leave: at(a.leave) }];
      const built = buildParticipant(
        r,
        {
          sessionId,
          participantId,
          userId: r.uuid(),
          customParticipantId: a.customId,
          displayName: a.name,
          presetName: a.host ? 'group_call_host' : 'group_call_participant',
          view: 'GROUP_CALL',
        },
        spans,
      );
      const input: PeerReportInput = {
        participant: built.participant,
        peerIds: built.peerIds,
        spans,
        device: DEVICES[a.device],
        location: LOCATIONS[a.location],
        network: NETWORKS.good,
        now,
        media: a.media,
      };
      return {
        participant: built.participant,
        peerReport: (peerId, remotes) => buildPeerReport(input, peerId, remotes),
        senders: sendersOf(input),
      };
    },
  };
}

const OUTAGE = bothWays('10:05:00', '10:10:00');

/** Six countries, six networks, one bad five minutes for all of them: the service's fault. */
const outage: readonly Attendee[] = [
  {
    sample: { key: 'service-outage', label: 'Service problem: everyone degraded 10:05–10:10' },
    seed: 1201,
    name: 'Beatriz Antunes',
    customId: 'crm-12041',
    host: true,
    join: '09:58:14',
    leave: '10:31:40',
    device: 'macChrome',
    location: 'lisbon',
    media: OUTAGE,
  },
  ...(
    [
      ['Yuki Hayashi', 'crm-12058', '09:58:47', '10:27:05', 'windowsEdge', 'osaka'],
      ['Owen MacLeod', 'crm-12063', '09:59:02', '10:34:18', 'linuxFirefox', 'toronto'],
      ['Wanjiru Kamau', 'crm-12077', '09:59:20', '10:25:52', 'iphoneSafari', 'nairobi'],
      ['Rafael Moura', 'crm-12089', '09:59:41', '10:29:33', 'windowsChrome', 'saoPaulo'],
      ['Elsa Lundgren', 'crm-12092', '09:59:58', '10:33:07', 'budgetLaptop', 'stockholm'],
    ] as const
  ).map(
    ([name, customId, join, leave, device, location], i): Attendee => ({
      seed: 1202 + i,
      name,
      customId,
      join,
      leave,
      device,
      location,
      media: OUTAGE,
    }),
  ),
];

/** One sender's upload choked 11:10–11:20: only what the others received from him degrades. */
const sender: readonly Attendee[] = [
  {
    sample: {
      key: 'could-not-hear-sender',
      label: 'Another participant: could not hear Kwame Mensah',
    },
    seed: 1301,
    name: 'Lucía Ferrer',
    customId: 'crm-11512',
    host: true,
    join: '11:00:05',
    leave: '11:39:30',
    device: 'macChrome',
    location: 'mexico',
  },
  {
    sample: { key: 'sender-uplink-failed', label: 'Sender whose uplink failed (Kwame Mensah)' },
    seed: 1302,
    name: 'Kwame Mensah',
    customId: 'crm-11503',
    join: '11:00:21',
    leave: '11:38:44',
    device: 'windowsChrome',
    location: 'lagos',
    media: { uplink: congested('11:10:00', '11:20:00') },
  },
  ...(
    [
      ['Felix Braun', 'crm-11526', '11:00:48', '11:37:12', 'linuxFirefox', 'berlin'],
      ['Amani Njoroge', 'crm-11534', '11:01:10', '11:39:55', 'windowsEdge', 'nairobi'],
      ['Claire Tremblay', 'crm-11547', '11:01:36', '11:36:20', 'iphoneSafari', 'toronto'],
    ] as const
  ).map(
    ([name, customId, join, leave, device, location], i): Attendee => ({
      seed: 1303 + i,
      name,
      customId,
      join,
      leave,
      device,
      location,
    }),
  ),
];

/** Alone in the call: a bad ten minutes, and nobody else's report to tell whose it was. */
const solo: readonly Attendee[] = [
  {
    sample: { key: 'solo-session', label: 'Alone in the call: one-person session' },
    seed: 1401,
    name: 'Nils Ekström',
    customId: 'crm-13001',
    host: true,
    join: '12:00:00',
    leave: '12:30:00',
    device: 'linuxFirefox',
    location: 'stockholm',
    media: bothWays('12:10:00', '12:20:00'),
  },
];

const calls = [
  [OUTAGE_CALL, outage],
  [SENDER_CALL, sender],
  [SOLO_CALL, solo],
] as const;
const everyone = calls.flatMap(([sessionId, people]) =>
  people.map((a, i) => ({ sample: a.sample !== undefined, scenario: attendee(sessionId, a, i) })),
);

/** The demo samples of the three calls (in SCENARIOS, so /api/config offers them). */
export const VERDICT_SAMPLES = everyone.filter((p) => p.sample).map((p) => p.scenario);
/** The others in those calls (in the crowd, listed beside the samples). */
export const VERDICT_OTHERS = everyone.filter((p) => !p.sample).map((p) => p.scenario);
