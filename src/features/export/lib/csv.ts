/**
 * CSV exports: RFC 4180 (CRLF line ends; a field holding `"`, `,`, CR or LF is quoted, its
 * quotes doubled) and safe to open in a spreadsheet (OWASP "CSV injection").
 *
 * Plain UTF-8 with no byte-order mark: scripts and most CSV readers would take a BOM as part of
 * the first column name. The cost: Excel opening the file by double-click may guess a legacy
 * encoding for non-ASCII text; its Data › From Text/CSV import reads UTF-8 correctly.
 */
import type { Problem } from '../../../api/peer-events';
import { formatRaw } from '../../../lib/format';
import { redactJson, redactText } from '../../../lib/redact';
import { type Diagnosis, incidentText } from '../../diagnostics';
import type { TimelineRow } from '../../timeline';

export type CsvValue = string | number | null;

// OWASP's list: a text cell starting with one of these runs as a formula. Leading whitespace,
// controls and invisible characters (format characters such as U+200B, U+2060, U+00AD, U+FEFF
// and other default-ignorables) are looked through: some spreadsheets skip them, and a reader
// cannot see them. The full-width forms count (Excel in Japanese locales reads them as ASCII).
const FORMULA_START =
  /^(?:[\t\r\n]|[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;
// RFC 4180 needs quotes for `"`, `,`, CR and LF; `;` and TAB are quoted for spreadsheets that
// split on them, and edge whitespace because some readers trim unquoted fields.
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/u;

/**
 * One field. null is empty. A number is written as a number (NaN and ±Infinity, which are not
 * data, as empty); text that a spreadsheet would run as a formula gets a leading `'` and quotes,
 * so the string "-4" becomes `"'-4"` while the number -4 stays `-4`.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, each ended by CRLF. Every row has the header's width. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells, i) => {
    if (cells.length !== header.length) {
      throw new RangeError(
        `CSV row ${i} has ${cells.length} cells; the header has ${header.length}`,
      );
    }
    const line = cells.map(csvCell).join(',');
    // An empty line is skipped by many readers: a lone empty field is written as "".
    return line === '' && cells.length === 1 ? '""' : line;
  });
  return `${lines.join('\r\n')}\r\n`;
}

export const PEER_EVENT_COLUMNS = [
  'row',
  'time_utc',
  'created_at_raw',
  'offset_s',
  'gap_s',
  'event_name',
  'peer_id',
  'socket_session_id',
  'preset_view_type',
  'minutes_consumed',
  'duplicate_of_row',
  'problems',
] as const;

/** Milliseconds as seconds rounded to the millisecond: a number, so spreadsheets can sum it. */
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

/** A raw API value as sent: strings and numbers as they are, anything else as JSON. */
function rawValue(raw: unknown): string | number {
  if (typeof raw === 'string' || typeof raw === 'number') return raw;
  return JSON.stringify(raw) ?? String(raw);
}

const problemText = (p: Problem, hide: (raw: unknown) => unknown) =>
  `${p.field}: ${p.reason}; got ${formatRaw(hide(p.raw), 200)}`;

/**
 * The peer events, one line per row in the order given, with the columns of
 * PEER_EVENT_COLUMNS. `created_at_raw` is the value exactly as sent, in full; the raw values in
 * `problems` are cut at 200 characters. With `redact`, the columns hold no personal data by
 * design, but raw values may: objects among them lose the values of personal keys (redactJson),
 * and every text cell has its IP addresses masked (redactText).
 */
export function peerEventsCsv(
  rows: readonly TimelineRow[],
  options: { readonly redact: boolean },
): string {
  const hide = options.redact ? redactJson : (raw: unknown) => raw;
  const mask = options.redact ? redactText : (text: string) => text;
  const lines = rows.map((row): CsvValue[] => {
    const sentAt = row.at?.raw ?? row.problems.find((p) => p.field === 'created_at')?.raw;
    const cells: CsvValue[] = [
      row.index + 1,
      row.atMs === null ? null : new Date(row.atMs).toISOString(),
      sentAt === undefined ? null : rawValue(hide(sentAt)),
      seconds(row.offsetMs),
      seconds(row.gapMs),
      row.name,
      row.peerId,
      row.socketId,
      row.view,
      row.minutes,
      row.duplicateOf === null ? null : row.duplicateOf + 1,
      row.problems.map((p) => problemText(p, hide)).join(' | '),
    ];
    return cells.map((cell) => (typeof cell === 'string' ? mask(cell) : cell));
  });
  return toCsv(PEER_EVENT_COLUMNS, lines);
}

export const FINDING_COLUMNS = [
  'kind',
  'severity',
  'start_utc',
  'end_utc',
  'cause',
  'direction',
  'summary',
  'explanation',
  'thresholds',
  'peer_ids',
] as const;

const utc = (ms: number) => new Date(ms).toISOString();

/**
 * What the Health strip lists, one line each: the incidents (worst first, times in UTC), then
 * the whole-call findings. With `redact`, IP addresses in any text are masked.
 */
export function findingsCsv(diagnosis: Diagnosis, options: { readonly redact: boolean }): string {
  const mask = options.redact ? redactText : (text: string) => text;
  const time = (ms: number) => utc(ms).slice(11, 19);
  const incidents = diagnosis.incidents.map((i): CsvValue[] => [
    'incident',
    i.severity,
    utc(i.window.startMs),
    utc(i.window.endMs),
    i.cause,
    i.direction,
    mask(incidentText(i, time)),
    mask(i.explanation),
    i.thresholds.join('; '),
    i.peerIds.join(' '),
  ]);
  const wholeCall = diagnosis.wholeCall.map((f): CsvValue[] => [
    'whole call',
    f.severity,
    null,
    null,
    null,
    null,
    mask(f.title),
    mask(f.explanation),
    f.threshold ?? null,
    f.peerId ?? null,
  ]);
  return toCsv(FINDING_COLUMNS, [...incidents, ...wholeCall]);
}
