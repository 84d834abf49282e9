import { describe, expect, it } from 'vitest';
import type { Incident } from '../finding';
import type { Symptom } from '../symptom';
import { sessionGrid } from './grid';
import type { Member } from './member';

const MIN = 60_000;
const window = (from: number, to: number) => ({ startMs: from * MIN, endMs: to * MIN });

const symptom = (over: Partial<Symptom>): Symptom => ({
  severity: 'poor',
  cause: 'network',
  direction: 'uplink',
  window: window(11, 19),
  figure: { key: 'k', text: 't', badness: 1 },
  threshold: '',
  peerId: 'p',
  focus: null,
  ...over,
});

const member = (id: string, over: Partial<Member> = {}): Member => ({
  participantId: id,
  name: id,
  spans: [window(0, 40)],
  peerIds: [`${id}-peer`],
  rejoins: [],
  network: { country: 'PT', owner: 'AS1' },
  client: 'Chrome 142',
  symptoms: [],
  ...over,
});

const incident = { severity: 'poor', window: window(11, 19) } as const satisfies Pick<
  Incident,
  'severity' | 'window'
>;

const incidentOf = (over: Pick<Incident, 'severity' | 'window'>): Incident => ({
  id: 'i',
  cause: 'network',
  direction: 'uplink',
  headline: '',
  figures: [],
  explanation: '',
  thresholds: [],
  focus: null,
  peerIds: [],
  merged: 1,
  ...over,
});

describe('sessionGrid', () => {
  it('puts the participant first and marks the incident’s columns', () => {
    const grid = sessionGrid({
      subject: {
        participantId: 'me',
        name: 'Me',
        peerIds: new Set(['me-peer']),
        network: null,
        spans: [window(0, 40)],
        client: null,
      },
      incidents: [incidentOf(incident)],
      members: [
        member('fine'),
        // What they received from this participant is this participant's trouble, not theirs.
        member('hearing-me', {
          symptoms: [symptom({ direction: 'downlink', remote: { peerId: 'me-peer', senders: 1 } })],
        }),
        member('own-trouble', { symptoms: [symptom({ severity: 'degraded' })] }),
        member('no-stats', { symptoms: null }),
        member('late', { spans: [window(31, 40)] }),
      ],
      columns: 4,
    });
    expect(grid.marked).toEqual([false, true, false, false]);
    expect(grid.rows.map((r) => [r.participantId, r.self, r.worst, r.cells.join(' ')])).toEqual([
      ['me', true, 'poor', 'good poor good good'],
      ['fine', false, 'fine', 'good good good good'],
      ['hearing-me', false, 'fine', 'good good good good'],
      ['own-trouble', false, 'degraded', 'good degraded good good'],
      ['no-stats', false, 'no statistics', 'unknown unknown unknown unknown'],
      ['late', false, 'fine', 'absent absent absent good'],
    ]);
    expect(grid.rows[1]?.network).toBe('PT · AS1');
  });
});
