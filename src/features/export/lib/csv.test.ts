import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  iso,
  MIN,
  type Overrides,
  PEER_A,
  recordsOf,
  SOCKET_A,
  T0,
  type WireEventName,
  wireEvent,
} from '../../../test/peer-event-fixtures';
import { upFrontDiagnosis } from '../../diagnostics';
import { timelineRows } from '../../timeline';
import {
  csvCell,
  FINDING_COLUMNS,
  findingsCsv,
  PEER_EVENT_COLUMNS,
  peerEventsCsv,
  toCsv,
} from './csv';

/** Rows as the timeline builds them for a participant who joined at T0. */
const rowsOf = (events: unknown[]) => timelineRows(recordsOf(events), T0);

const event = (
  id: string,
  name: WireEventName,
  atMs: number,
  minutes = 0,
  overrides: Overrides = {},
) => wireEvent(id, name, atMs, PEER_A, SOCKET_A, minutes, overrides);

/** The file as a spreadsheet-style reader sees it: one object per line, keyed by the header. */
const readCsv = (csv: string): Record<string, string>[] =>
  parse(csv, { columns: true, bom: true, relax_column_count: false });

describe('csvCell', () => {
  it.each([
    [null, ''],
    ['', ''],
    ['Priya Natarajan', 'Priya Natarajan'],
    ['Natarajan, Priya', '"Natarajan, Priya"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['semi;colon', '"semi;colon"'],
    [' padded ', '" padded "'],
    ['👩🏽‍💻 זאב', '👩🏽‍💻 זאב'],
  ])('writes the text %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['-4', `"'-4"`],
    ['\tTAB', `"'\tTAB"`],
    ['\rCR', `"'\rCR"`],
    ['\nLF', `"'\nLF"`],
    ['  =1+1', `"'  =1+1"`],
    ['\u00A0=1+1', `"'\u00A0=1+1"`],
    ['＝1+1', `"'＝1+1"`],
    ['＠SUM(1)', `"'＠SUM(1)"`],
  ])('neutralises the formula-looking text %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['zero-width space', '\u200B=1+1'],
    ['word joiner', '\u2060=1+1'],
    ['Mongolian vowel separator', '\u180E+1'],
    ['soft hyphen', '\u00AD-2'],
    ['byte-order mark', '\uFEFF@SUM(1)'],
    ['zero-width non-joiner', '\u200C=1+1'],
    ['zero-width joiner', '\u200D=1+1'],
    ['left-to-right mark', '\u200E=1+1'],
    ['variation selector', '\uFE0F=1+1'],
    ['mix of them and whitespace', ' \u200B\u3000\u2060\u00A0\t＝1+1'],
  ])('neutralises a formula behind an invisible leading character (%s)', (_name, value) => {
    expect(csvCell(value)).toBe(`"'${value}"`);
  });

  it('leaves text with a formula character later on alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'=already")).toBe("'=already");
    expect(csvCell('PEER_JOINING')).toBe('PEER_JOINING');
    expect(csvCell('\u200Bplain')).toBe('\u200Bplain');
    expect(csvCell('a\u200B=b')).toBe('a\u200B=b');
  });

  it.each([
    [0, '0'],
    [-0, '0'],
    [47.31, '47.31'],
    [-4, '-4'],
    [-1.5, '-1.5'],
    [1e21, '1e+21'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [Number.NEGATIVE_INFINITY, ''],
  ])('writes the number %d as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('ends every line, the last included, with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, 'y,z'],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
  });

  it('gives a header-only file for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('writes a lone empty field as "" so the line is not skipped', () => {
    const csv = toCsv(['note'], [[null], ['x'], ['']]);
    expect(csv).toBe('note\r\n""\r\nx\r\n""\r\n');
    expect(readCsv(csv)).toEqual([{ note: '' }, { note: 'x' }, { note: '' }]);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [[1, 2], [3]])).toThrow(
      'CSV row 2 has 1 cells; the header has 2',
    );
  });
});

describe('peerEventsCsv', () => {
  const HEADER = PEER_EVENT_COLUMNS.join(',');

  it('writes one exact line per event, in the order received', () => {
    const rows = rowsOf([
      event('ev-2', 'PEER_JOINING', T0),
      event('ev-1', 'PEER_CREATED', T0 - 1_500),
      event('ev-3', 'PEER_LEAVING', T0 + 10 * MIN, 10),
      event('ev-3', 'PEER_LEAVING', T0 + 10 * MIN, 10, { minutes_consumed: '3' }),
    ]);
    expect(peerEventsCsv(rows, { redact: false }).split('\r\n')).toEqual([
      HEADER,
      `1,2026-11-21T14:01:35.000Z,2026-11-21T14:01:35.000Z,0,1.5,PEER_JOINING,${PEER_A},${SOCKET_A},GROUP_CALL,0,,`,
      `2,2026-11-21T14:01:33.500Z,2026-11-21T14:01:33.500Z,-1.5,,PEER_CREATED,${PEER_A},${SOCKET_A},GROUP_CALL,0,,`,
      `3,2026-11-21T14:11:35.000Z,2026-11-21T14:11:35.000Z,600,600,PEER_LEAVING,${PEER_A},${SOCKET_A},GROUP_CALL,10,,`,
      `4,2026-11-21T14:11:35.000Z,2026-11-21T14:11:35.000Z,600,0,PEER_LEAVING,${PEER_A},${SOCKET_A},GROUP_CALL,,3,"minutes_consumed: expected a number of minutes (≥ 0), got a string; got ""3"""`,
      '',
    ]);
  });

  it('keeps unreadable values raw and says what is wrong with them', () => {
    const rows = rowsOf([
      event('ev-1', 'PEER_JOINING', T0, 0, { created_at: 'yesterday', peer_id: 42 }),
      event('ev-2', 'PEER_JOINING', T0, 0, { created_at: 1_763_733_695, event_name: 'PEER_X' }),
      event('ev-3', 'PEER_LEAVING', T0, 0, { created_at: { at: -1 }, minutes_consumed: -2 }),
      'not an event',
    ]);
    expect(readCsv(peerEventsCsv(rows, { redact: false }))).toEqual([
      {
        row: '1',
        time_utc: '',
        created_at_raw: 'yesterday',
        offset_s: '',
        gap_s: '',
        event_name: 'PEER_JOINING',
        peer_id: '',
        socket_session_id: SOCKET_A,
        preset_view_type: 'GROUP_CALL',
        minutes_consumed: '0',
        duplicate_of_row: '',
        problems:
          'created_at: expected a timestamp, not a date and time; got "yesterday" | peer_id: expected a string, got a number; got 42',
      },
      {
        row: '2',
        time_utc: '2025-11-21T14:01:35.000Z',
        created_at_raw: '1763733695',
        offset_s: '-31536000',
        gap_s: '',
        event_name: 'PEER_X',
        peer_id: PEER_A,
        socket_session_id: SOCKET_A,
        preset_view_type: 'GROUP_CALL',
        minutes_consumed: '0',
        duplicate_of_row: '',
        problems:
          'event_name: expected one of PEER_CREATED, PEER_JOINING, PEER_LEAVING, got an unknown value; got "PEER_X"',
      },
      {
        row: '3',
        time_utc: '',
        created_at_raw: '{"at":-1}',
        offset_s: '',
        gap_s: '',
        event_name: 'PEER_LEAVING',
        peer_id: PEER_A,
        socket_session_id: SOCKET_A,
        preset_view_type: 'GROUP_CALL',
        minutes_consumed: '',
        duplicate_of_row: '',
        problems:
          'created_at: expected a timestamp, got an object; got {"at":-1} | minutes_consumed: expected a number of minutes (≥ 0), negative; got -2',
      },
      {
        row: '4',
        time_utc: '',
        created_at_raw: '',
        offset_s: '',
        gap_s: '',
        event_name: '',
        peer_id: '',
        socket_session_id: '',
        preset_view_type: '',
        minutes_consumed: '',
        duplicate_of_row: '',
        problems: 'event: expected a peer event object, got a string; got "not an event"',
      },
    ]);
  });

  it('writes a negative offset as a number, not as neutralised text', () => {
    const csv = peerEventsCsv(rowsOf([event('ev-1', 'PEER_CREATED', T0 - 4_000)]), {
      redact: false,
    });
    expect(csv).toContain(',-4,,PEER_CREATED,');
  });

  it('gives a header-only file for no events', () => {
    expect(peerEventsCsv([], { redact: false })).toBe(`${HEADER}\r\n`);
  });

  describe('with hostile values', () => {
    const long = `${'A'.repeat(9_992)},"\r\n=END`;
    // What was sent, and what the cell must read back as.
    const hostile: Array<[sent: string, cell: string]> = [
      ['Natarajan, "Priya"', 'Natarajan, "Priya"'],
      ['first\r\nsecond\nthird\rfourth', 'first\r\nsecond\nthird\rfourth'],
      ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
      ['@SUM(1)', "'@SUM(1)"],
      ['+1', "'+1"],
      ['-2', "'-2"],
      ['\t=1+1', "'\t=1+1"],
      ['\r\n@cmd', "'\r\n@cmd"],
      ['\u200B\u2060=HYPERLINK("http://evil")', `'\u200B\u2060=HYPERLINK("http://evil")`],
      [long, long],
      ['👩🏽‍💻 Zoë \u202Eevil\u202C مرحبا שלום', '👩🏽‍💻 Zoë \u202Eevil\u202C مرحبا שלום'],
      ['""', '""'],
      [',', ','],
      ['', ''],
    ];

    it('round-trips every one through a spreadsheet-style parser, formulas made inert', () => {
      expect(long).toHaveLength(10_000);
      const events = hostile.map(([sent], i) =>
        event(`ev-${i + 1}`, 'PEER_JOINING', T0 + i * 1_000, 0, {
          peer_id: sent,
          socket_session_id: sent,
          event_name: sent,
          preset_view_type: sent,
        }),
      );
      const parsed = readCsv(peerEventsCsv(rowsOf(events), { redact: false }));
      expect(parsed).toHaveLength(hostile.length);
      hostile.forEach(([, cell], i) => {
        const line = parsed[i];
        expect(line?.row).toBe(String(i + 1));
        expect(line?.time_utc).toBe(iso(T0 + i * 1_000));
        expect(line?.event_name).toBe(cell);
        expect(line?.peer_id).toBe(cell);
        expect(line?.socket_session_id).toBe(cell);
        expect(line?.preset_view_type).toBe(cell);
      });
    });

    it('round-trips hostile raw timestamps the same way', () => {
      const events = hostile.map(([sent], i) =>
        event(`ev-${i + 1}`, 'PEER_JOINING', T0, 0, { created_at: sent }),
      );
      const parsed = readCsv(peerEventsCsv(rowsOf(events), { redact: false }));
      expect(parsed.map((line) => line.created_at_raw)).toEqual(hostile.map(([, cell]) => cell));
      expect(parsed.map((line) => line.time_utc)).toEqual(hostile.map(() => ''));
    });

    it('keeps the row count and columns when a problem quotes a hostile value', () => {
      const parsed = readCsv(
        peerEventsCsv(rowsOf([event('ev-1', 'PEER_JOINING', T0, 0, { minutes_consumed: long })]), {
          redact: false,
        }),
      );
      expect(parsed).toHaveLength(1);
      expect(parsed[0]?.problems).toBe(
        `minutes_consumed: expected a number of minutes (≥ 0), got a string; got "${'A'.repeat(198)}…`,
      );
    });
  });

  describe('with redact', () => {
    it('masks IPs in text cells and personal keys in raw values', () => {
      const rows = rowsOf([
        event('ev-1', 'PEER_JOINING', T0, 0, {
          peer_id: 'peer@10.0.0.7',
          created_at: { ip: '203.0.113.77', at: 'now' },
          socket_session_id: { user_agent: 'Mozilla/5.0', city: 'Pune', ok: 1 },
        }),
      ]);
      expect(readCsv(peerEventsCsv(rows, { redact: true }))).toEqual([
        {
          row: '1',
          time_utc: '',
          created_at_raw: '{"ip":"[hidden]","at":"now"}',
          offset_s: '',
          gap_s: '',
          event_name: 'PEER_JOINING',
          peer_id: 'peer@[hidden]',
          socket_session_id: '',
          preset_view_type: 'GROUP_CALL',
          minutes_consumed: '0',
          duplicate_of_row: '',
          problems:
            'created_at: expected a timestamp, got an object; got {"ip":"[hidden]","at":"now"} | socket_session_id: expected a string, got an object; got {"user_agent":"[hidden]","city":"[hidden]","ok":1}',
        },
      ]);
    });

    it('changes nothing when there is nothing personal', () => {
      const rows = rowsOf([event('ev-1', 'PEER_JOINING', T0), event('ev-2', 'PEER_LEAVING', T0)]);
      expect(peerEventsCsv(rows, { redact: true })).toBe(peerEventsCsv(rows, { redact: false }));
    });

    it('shows the raw values in full without redact', () => {
      const rows = rowsOf([event('ev-1', 'PEER_JOINING', T0, 0, { peer_id: 'peer@10.0.0.7' })]);
      expect(readCsv(peerEventsCsv(rows, { redact: false }))[0]?.peer_id).toBe('peer@10.0.0.7');
    });
  });
});

describe('findingsCsv', () => {
  const diagnosis = {
    ...upFrontDiagnosis({ total: 7, densest10Min: { count: 4, startMs: T0, endMs: T0 + 9 * MIN } }),
    wholeCall: [
      {
        id: 'x',
        severity: 'info' as const,
        title: '=1+1 seen from 10.1.2.3',
        explanation: 'e',
        peerId: PEER_A,
      },
    ],
  };

  it('writes the Health strip’s incidents, then its whole-call findings, one a line', () => {
    const rows = readCsv(findingsCsv(diagnosis, { redact: false }));
    expect(Object.keys(rows[0] ?? {})).toEqual([...FINDING_COLUMNS]);
    expect(rows.map((r) => [r.kind, r.severity, r.start_utc, r.summary])).toEqual([
      [
        'incident',
        'poor',
        iso(T0),
        `Reconnected 7 times; 4 of them within 10 min (${iso(T0).slice(11, 19)}–${iso(T0 + 9 * MIN).slice(11, 19)})`,
      ],
      ['whole call', 'info', '', "'=1+1 seen from 10.1.2.3"],
    ]);
  });

  it('masks IP addresses with redact', () => {
    expect(findingsCsv(diagnosis, { redact: true })).not.toContain('10.1.2.3');
  });
});
