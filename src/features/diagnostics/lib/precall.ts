/**
 * The pre-call network test (`filters=precall_network_information`), read with every spelling
 * seen in the wild and with its units decided out loud: each row says what was assumed.
 */
import { valid } from '../../../api/lenient';
import type { Participant } from '../../../api/participant-schema';
import { type Reading, statsSection, type Unread, unreadableFields } from './section';
import { levelOf, type Metric } from './thresholds';

export type { Reading } from './section';

const numberOf = (raw: unknown): number | null => {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export type Precall =
  | {
      readonly kind: 'readings';
      readonly readings: readonly Reading[];
      readonly relayOnly: boolean;
    }
  | Unread;

export function readPrecall(participant: Participant): Precall {
  const found = statsSection(participant, (s) => s.precall_network_information);
  if (found.kind !== 'found') return found;
  const p = found.section;
  const throughputSent = valid(p.throughput);
  const throughputSic = valid(p.throughtput);
  const readings: Reading[] = [];
  const ms = (label: string, raw: unknown, metric?: Metric) => {
    const n = numberOf(raw);
    if (n === null) return;
    // Graded as shown: a badge never disagrees with the number beside it.
    const shown = round(n);
    readings.push({
      label,
      value: `${shown} ms`,
      level: metric ? levelOf(metric, shown) : undefined,
      metric,
      note: 'read as milliseconds',
    });
  };
  ms('Round trip (RTT)', valid(p.rtt), 'rttMs');
  ms('Backend RTT', valid(p.backend_rtt), 'rttMs');
  const jitter = numberOf(valid(p.jitter));
  if (jitter !== null) {
    // WebRTC reports jitter in seconds, RealtimeKit's reference suggests milliseconds. A value
    // under 1 fits both: it is graded only when both readings agree.
    const ambiguous = jitter > 0 && jitter < 1;
    const asMs = round(jitter);
    const asSeconds = round(jitter * 1000);
    const agree = levelOf('jitterMs', asMs) === levelOf('jitterMs', asSeconds);
    readings.push({
      label: 'Jitter',
      value: ambiguous ? `${asSeconds} ms if seconds, ${asMs} ms if milliseconds` : `${asMs} ms`,
      level: !ambiguous || agree ? levelOf('jitterMs', ambiguous ? asSeconds : asMs) : undefined,
      metric: 'jitterMs',
      note: ambiguous
        ? `sent as ${jitter}: the unit is ambiguous${agree ? '' : ', so it is not graded'}`
        : 'read as milliseconds',
    });
  }
  const loss = numberOf(valid(p.fractional_loss));
  if (loss !== null) {
    const fraction = loss <= 1;
    const pct = round(fraction ? loss * 100 : loss, 2);
    readings.push({
      label: 'Packet loss',
      value: `${pct} %`,
      level: levelOf('lossPct', pct),
      metric: 'lossPct',
      note: fraction
        ? `sent as ${loss}: read as a fraction`
        : `sent as ${loss}: read as a percentage, not a fraction`,
    });
  }
  const throughput = numberOf(throughputSent ?? throughputSic);
  if (throughput !== null) {
    readings.push({
      label: 'Throughput',
      value: `${Math.round(throughput).toLocaleString('en')} kbps`,
      note: `read as kbps${throughputSent === undefined ? '; sent as "throughtput" (sic)' : ''}`,
    });
  }
  const type = valid(p.effective_network_type) ?? valid(p.effective_networktype);
  if (type) readings.push({ label: 'Network type', value: type });
  const flag = (label: string, value: boolean | undefined) => {
    if (value !== undefined)
      readings.push({
        label,
        value: value ? 'reachable' : 'not reachable',
        level: value ? 'good' : 'degraded',
      });
  };
  const reflexive = valid(p.reflexive_connectivity);
  const relay = valid(p.relay_connectivity);
  flag('Direct (reflexive) connectivity', reflexive);
  flag('Relay connectivity', relay);
  flag('TURN connectivity', valid(p.turn_connectivity));
  readings.push(
    ...unreadableFields(p, {
      rtt: 'Round trip (RTT)',
      backend_rtt: 'Backend RTT',
      jitter: 'Jitter',
      fractional_loss: 'Packet loss',
      throughput: 'Throughput',
      throughtput: 'Throughput',
      effective_network_type: 'Network type',
      effective_networktype: 'Network type',
      reflexive_connectivity: 'Direct (reflexive) connectivity',
      relay_connectivity: 'Relay connectivity',
      turn_connectivity: 'TURN connectivity',
    }),
  );
  const relayOnly = reflexive === false && relay === true;
  return { kind: 'readings', readings, relayOnly };
}
