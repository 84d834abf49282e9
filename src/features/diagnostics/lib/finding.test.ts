import { describe, expect, it } from 'vitest';
import { incidentText, reconnectIncident, tally, upFrontDiagnosis } from './finding';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 15, 4);
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('reconnectIncident', () => {
  const of = (total: number, count: number) =>
    reconnectIncident({ total, densest10Min: { count, startMs: T0, endMs: T0 + 9 * MIN } });

  it('states the total, with the densest 10 minutes as detail', () => {
    const incident = of(7, 4);
    expect(incident && incidentText(incident, hhmm)).toBe(
      'Reconnected 7 times; 4 of them within 10 min (15:04–15:13)',
    );
    expect(incident?.severity).toBe('poor');
    expect(of(2, 2)?.figures).toEqual(['both within 10 min']);
    expect(of(3, 3)?.figures).toEqual(['all within 10 min']);
    expect(of(1, 1)?.headline).toBe('Reconnected once');
    expect(of(0, 0)).toBeNull();
  });

  it('is poor from three reconnects within 10 minutes, degraded below', () => {
    expect(of(5, 2)?.severity).toBe('degraded');
    expect(of(5, 3)?.severity).toBe('poor');
  });
});

describe('the words every view shares', () => {
  it('writes a network incident with its window and figures', () => {
    const [incident] = upFrontDiagnosis({
      total: 1,
      densest10Min: { count: 1, startMs: T0, endMs: T0 },
    }).incidents;
    expect(incident && incidentText(incident, hhmm)).toBe('Reconnected once (15:04)');
  });

  it('tallies incidents by severity and the whole-call findings', () => {
    const poor = reconnectIncident({
      total: 7,
      densest10Min: { count: 4, startMs: T0, endMs: T0 },
    });
    if (!poor) throw new Error('expected an incident');
    const info = { id: 'x', severity: 'info', title: 't', explanation: 'e' } as const;
    expect(tally({ incidents: [poor], wholeCall: [info, info] })).toBe(
      '1 incident (1 poor) and 2 whole-call findings.',
    );
    expect(tally({ incidents: [], wholeCall: [] })).toBe(
      'No problems found in what the API returned.',
    );
  });
});
