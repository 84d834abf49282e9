/**
 * In-call quality (`filters=quality_stats`, older deployments; docs/UPSTREAM.md), read field by field: the section as a
 * list or a single object, numbers as numbers or numeric strings, any timestamp parseTimestamp
 * reads. Series come out as typed arrays sorted by time, NaN where a value could not be read;
 * what could not be read is counted, with an example, never dropped silently.
 */
import { type Invalid, invalid, isInvalid, valid } from '../../../api/lenient';
import type {
  Participant,
  PeerEvent,
  WireAudioSample,
  WireQualityStat,
  WireVideoSample,
} from '../../../api/participant-schema';
import { perObject } from '../../../lib/per-object';
import { parseTimestamp } from '../../../lib/timestamp';
import { jitterUnit } from './jitter-unit';
import type { Unread } from './section';

export type SeriesKey =
  | 'audioRtt'
  | 'videoRtt'
  | 'audioJitter'
  | 'videoJitter'
  | 'audioScore'
  | 'videoScore'
  | 'audioLost'
  | 'videoLost'
  | 'videoFps'
  | 'videoHeight'
  | 'framesDropped';

export type MediaKind = 'audio' | 'video';

export type SeriesStats = {
  readonly avg: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** Readable values behind the figures. */
  readonly count: number;
};

/** Values that were sent but could not be read, with the first one as an example. */
export type Unreadable = { readonly count: number; readonly example: unknown };

export type Series = {
  readonly key: SeriesKey;
  readonly kind: MediaKind;
  readonly label: string;
  readonly unit: string;
  /** Epoch ms, ascending. */
  readonly times: Float64Array;
  /** Aligned with times; NaN where the value was missing or unreadable. */
  readonly values: Float64Array;
  readonly stats: SeriesStats | null;
  readonly unreadable: Unreadable | null;
  /** What had to be assumed to read it (the jitter unit). */
  readonly note?: string;
  /** For a series read from a peer report: the list it came from ("audio_producer"). */
  readonly source?: string;
};

export type FigureKey =
  | 'average_quality'
  | 'audio_bandwidth'
  | 'video_bandwidth'
  | 'audio_packet_loss'
  | 'video_packet_loss';

export type QualityPeer = {
  readonly peerId: string | null;
  readonly peerIdProblem?: Invalid;
  /** Whole-call figures: a number, an Invalid marker, or undefined when not sent. */
  readonly figures: Readonly<Record<FigureKey, number | Invalid | undefined>>;
  /** Entries in audio_stats / video_stats as sent. */
  readonly sampleCount: Readonly<Record<MediaKind, number>>;
  /** Samples that could not be placed in time (no readable timestamp, or not an object). */
  readonly unplaced: Readonly<Record<MediaKind, Unreadable | null>>;
  /** A sample list that was not a list. */
  readonly listProblems: readonly Invalid[];
  /** Only series with at least one value sent. */
  readonly series: readonly Series[];
};

export type Quality =
  | {
      readonly kind: 'peers';
      readonly peers: readonly QualityPeer[];
      /** The API sent one object instead of a list (seen in the wild). */
      readonly shape: 'list' | 'object';
      /** Entries of the list that were not objects. */
      readonly entryProblems: readonly Invalid[];
    }
  | Unread;

type AudioField = keyof WireAudioSample & string;
type VideoField = keyof WireVideoSample & string;
type FieldSpec = {
  readonly key: SeriesKey;
  readonly kind: MediaKind;
  readonly field: AudioField | VideoField;
  /** The field of one sample; a named property read, fast over tens of thousands of samples. */
  readonly read: (sample: object) => unknown;
  readonly label: string;
  readonly unit: string;
};

const AUDIO: readonly FieldSpec[] = [
  {
    key: 'audioJitter',
    kind: 'audio',
    field: 'jitter',
    read: (s) => ('jitter' in s ? s.jitter : undefined),
    label: 'Audio jitter',
    unit: 'ms',
  },
  {
    key: 'audioScore',
    kind: 'audio',
    field: 'quality',
    read: (s) => ('quality' in s ? s.quality : undefined),
    label: 'Audio quality score',
    unit: '',
  },
  {
    key: 'audioLost',
    kind: 'audio',
    field: 'packets_lost',
    read: (s) => ('packets_lost' in s ? s.packets_lost : undefined),
    label: 'Audio packets lost',
    unit: 'packets',
  },
];

const VIDEO: readonly FieldSpec[] = [
  {
    key: 'videoJitter',
    kind: 'video',
    field: 'jitter',
    read: (s) => ('jitter' in s ? s.jitter : undefined),
    label: 'Video jitter',
    unit: 'ms',
  },
  {
    key: 'videoScore',
    kind: 'video',
    field: 'quality',
    read: (s) => ('quality' in s ? s.quality : undefined),
    label: 'Video quality score',
    unit: '',
  },
  {
    key: 'videoLost',
    kind: 'video',
    field: 'packets_lost',
    read: (s) => ('packets_lost' in s ? s.packets_lost : undefined),
    label: 'Video packets lost',
    unit: 'packets',
  },
  {
    key: 'videoFps',
    kind: 'video',
    field: 'frames_per_second',
    read: (s) => ('frames_per_second' in s ? s.frames_per_second : undefined),
    label: 'Video frame rate',
    unit: 'fps',
  },
  {
    key: 'videoHeight',
    kind: 'video',
    field: 'frame_height',
    read: (s) => ('frame_height' in s ? s.frame_height : undefined),
    label: 'Video resolution',
    unit: 'p',
  },
  {
    key: 'framesDropped',
    kind: 'video',
    field: 'frames_dropped',
    read: (s) => ('frames_dropped' in s ? s.frames_dropped : undefined),
    label: 'Video frames dropped',
    unit: 'frames',
  },
];

/** A field of a value of unknown shape; undefined when there is none. */
const fieldOf = (obj: unknown, key: string): unknown =>
  typeof obj === 'object' && obj !== null ? Reflect.get(obj, key) : undefined;

const MISSING = Number.NaN;

/** A number as sent (number or numeric string); undefined when absent, null when unreadable. */
export function numberOf(raw: unknown): number | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw + 0 : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isFinite(n) ? n + 0 : null;
  }
  return null;
}

/** Whole-series figures over the readable values; null when there are none. */
export function seriesStats(values: ArrayLike<number>): SeriesStats | null {
  const finite = new Float64Array(values.length);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? MISSING;
    if (Number.isNaN(v)) continue;
    finite[n++] = v;
    sum += v;
  }
  if (n === 0) return null;
  const kept = finite.subarray(0, n);
  // Nearest rank: every percentile is a value that was actually measured.
  const rank = (p: number) => Math.max(0, Math.ceil((p / 100) * n) - 1);
  let min = kept[0] ?? MISSING;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = kept[i] ?? MISSING;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    avg: sum / n,
    p50: select(kept, rank(50), 0),
    // After the first selection everything right of it is ≥ it: search only there.
    p95: select(kept, rank(95), rank(50)),
    min,
    max,
    count: n,
  };
}

/** The k-th smallest value (0-based), found by partitioning in place: linear, no full sort. */
function select(a: Float64Array, k: number, from: number): number {
  let lo = from;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? MISSING;
}

function jitterInMs(values: Float64Array): { values: Float64Array; note: string } {
  const unit = jitterUnit(values);
  return { values: unit.toMs === 1 ? values : values.map((v) => v * 1000), note: unit.note };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Sample times, fast: an 8-hour call sends tens of thousands of "…T14:00:12.400Z" stamps that
 * share their minute. Each distinct minute is read once by parseTimestamp (same rules, same
 * refusals); seconds and milliseconds are added on. Any other form goes to parseTimestamp whole.
 */
export function sampleTimeReader(): (raw: unknown) => number | null {
  const minutes = new Map<string, number | null>();
  return (raw) => {
    if (typeof raw === 'string' && raw.length >= 20 && raw.length <= 30) {
      const dot = raw.charCodeAt(19);
      if (
        raw.charCodeAt(16) === 58 &&
        raw.charCodeAt(raw.length - 1) === 90 &&
        isDigit(raw.charCodeAt(17)) &&
        isDigit(raw.charCodeAt(18)) &&
        (dot === 46 || raw.length === 20)
      ) {
        let fraction = 0;
        let scale = 100;
        for (let i = 20; i < raw.length - 1; i++) {
          const code = raw.charCodeAt(i);
          if (!isDigit(code)) return timeOf(raw);
          fraction += (code - 48) * scale;
          scale /= 10;
        }
        const seconds = (raw.charCodeAt(17) - 48) * 10 + (raw.charCodeAt(18) - 48);
        if (seconds > 59) return null;
        const prefix = raw.slice(0, 16);
        let base = minutes.get(prefix);
        if (base === undefined) {
          base = timeOf(`${prefix}:00Z`);
          minutes.set(prefix, base);
        }
        // Milliseconds past the third digit are cut, as parseTimestamp does.
        return base === null ? null : base + seconds * 1000 + Math.floor(fraction);
      }
    }
    return timeOf(raw);
  };
}

function timeOf(raw: unknown): number | null {
  const parsed = parseTimestamp(raw);
  return parsed.ok ? parsed.value.ms : null;
}

/** One kind's samples: their times (sorted) and the order that sorts them. */
function placeSamples(list: readonly unknown[]) {
  const times = new Float64Array(list.length);
  const index = new Uint32Array(list.length);
  let n = 0;
  let unplacedCount = 0;
  let unplacedExample: unknown;
  let sorted = true;
  const timeFrom = sampleTimeReader();
  for (let i = 0; i < list.length; i++) {
    const at = timeFrom(fieldOf(list[i], 'timestamp'));
    if (at === null) {
      if (unplacedCount++ === 0) unplacedExample = list[i];
      continue;
    }
    if (n > 0 && at < (times[n - 1] ?? at)) sorted = false;
    times[n] = at;
    index[n] = i;
    n++;
  }
  const unplaced = unplacedCount > 0 ? { count: unplacedCount, example: unplacedExample } : null;
  if (!sorted) {
    const order = Array.from({ length: n }, (_, k) => k).sort(
      (a, b) => (times[a] ?? 0) - (times[b] ?? 0),
    );
    return {
      times: Float64Array.from(order, (k) => times[k] ?? 0),
      index: Uint32Array.from(order, (k) => index[k] ?? 0),
      unplaced,
    };
  }
  return { times: times.slice(0, n), index: index.subarray(0, n), unplaced };
}

type Column = { values: Float64Array; sent: number; badCount: number; badExample: unknown };

/** Every series of one kind in one pass over its samples, in time order. */
function readKind(
  specs: readonly FieldSpec[],
  list: readonly unknown[],
  placed: ReturnType<typeof placeSamples>,
): Series[] {
  const n = placed.index.length;
  const columns = specs.map(
    (): Column => ({ values: new Float64Array(n), sent: 0, badCount: 0, badExample: undefined }),
  );
  for (let k = 0; k < n; k++) {
    const sample = list[placed.index[k] ?? 0];
    if (typeof sample !== 'object' || sample === null) continue;
    for (let f = 0; f < specs.length; f++) {
      const spec = specs[f];
      const column = columns[f];
      if (!spec || !column) continue;
      const raw = spec.read(sample);
      const value = numberOf(raw);
      if (value !== undefined) column.sent++;
      if (value === null && column.badCount++ === 0) column.badExample = raw;
      column.values[k] = value ?? MISSING;
    }
  }
  const found: Series[] = [];
  specs.forEach((spec, f) => {
    const column = columns[f];
    if (!column || column.sent === 0) return;
    const { values, note } =
      spec.unit === 'ms' ? jitterInMs(column.values) : { values: column.values, note: undefined };
    found.push({
      key: spec.key,
      kind: spec.kind,
      label: spec.label,
      unit: spec.unit,
      times: placed.times,
      values,
      stats: seriesStats(values),
      unreadable:
        column.badCount > 0 ? { count: column.badCount, example: column.badExample } : null,
      note,
    });
  });
  return found;
}

function readFigure(
  entry: object,
  key: FigureKey & keyof WireQualityStat,
): number | Invalid | undefined {
  const raw = fieldOf(entry, key);
  const value = numberOf(raw);
  return value === null ? invalid(raw, 'expected a number') : value;
}

function readPeer(entry: object): QualityPeer {
  const rawId = fieldOf(entry, 'peer_id');
  const peerId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
  const listProblems: Invalid[] = [];
  const sampleCount = { audio: 0, video: 0 };
  const unplaced: Record<MediaKind, Unreadable | null> = { audio: null, video: null };
  const series: Series[] = [];
  for (const [kind, specs] of [
    ['audio', AUDIO],
    ['video', VIDEO],
  ] as const) {
    const raw = fieldOf(entry, `${kind}_stats`);
    if (raw === undefined || raw === null) continue;
    if (!Array.isArray(raw)) {
      listProblems.push(invalid(raw, `expected ${kind}_stats to be a list of samples`));
      continue;
    }
    sampleCount[kind] = raw.length;
    const placed = placeSamples(raw);
    unplaced[kind] = placed.unplaced;
    series.push(...readKind(specs, raw, placed));
  }
  return {
    peerId,
    peerIdProblem:
      rawId !== undefined && rawId !== null && peerId === null
        ? invalid(rawId, 'expected a peer id string')
        : undefined,
    figures: {
      average_quality: readFigure(entry, 'average_quality'),
      audio_bandwidth: readFigure(entry, 'audio_bandwidth'),
      video_bandwidth: readFigure(entry, 'video_bandwidth'),
      audio_packet_loss: readFigure(entry, 'audio_packet_loss'),
      video_packet_loss: readFigure(entry, 'video_packet_loss'),
    },
    sampleCount,
    unplaced,
    listProblems,
    series,
  };
}

const isEntry = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The Health strip and the Quality panel read the same answer: an 8-hour series is read once.
export const readQuality: (participant: Participant) => Quality = perObject(readQualityOnce);

function readQualityOnce(participant: Participant): Quality {
  const raw: unknown = participant.quality_stats;
  if (raw === undefined || raw === null) return { kind: 'missing' };
  if (isEntry(raw))
    return { kind: 'peers', peers: [readPeer(raw)], shape: 'object', entryProblems: [] };
  if (!Array.isArray(raw)) {
    return { kind: 'invalid', raw, reason: 'expected quality_stats to be a list or an object' };
  }
  const peers: QualityPeer[] = [];
  const entryProblems: Invalid[] = [];
  for (const entry of raw) {
    if (isEntry(entry)) peers.push(readPeer(entry));
    else entryProblems.push(invalid(entry, 'expected a quality_stats entry object'));
  }
  return { kind: 'peers', peers, shape: 'list', entryProblems };
}

/** Whether a peer sent any sample at all. */
export const hasSamples = (peer: QualityPeer) =>
  peer.sampleCount.audio + peer.sampleCount.video > 0;

const VIEWER_VIEWS = new Set(['WEBINAR', 'LIVESTREAM']);

/** What the verdicts need to know beyond quality_stats: who joined, and whether they only watch. */
export type QualityContext = {
  /** Peers with a JOINING event; null when peer events were not fetched. */
  readonly joinedPeerIds: readonly string[] | null;
  /** A webinar or livestream viewer: they never publish media. */
  readonly viewer: boolean;
  /** The reason the participant counts as a viewer, for the panel to say. */
  readonly viewerReason: string | null;
};

export function qualityContext(participant: Participant): QualityContext {
  const list = participant.peer_events;
  const events = Array.isArray(list) ? list.filter((e): e is PeerEvent => !isInvalid(e)) : null;
  const joined = events
    ? [
        ...new Set(
          events
            .filter((e) => valid(e.event_name) === 'PEER_JOINING')
            .map((e) => valid(e.peer_id))
            .filter((id): id is string => id !== undefined),
        ),
      ]
    : null;
  const preset = valid(participant.preset_name) ?? '';
  const view = events?.map((e) => valid(e.preset_view_type)).find((v) => v !== undefined);
  const viewerPreset = /viewer|attendee|audience/i.test(preset);
  const viewerView = view !== undefined && VIEWER_VIEWS.has(view);
  const viewer = viewerPreset || (viewerView && preset === '');
  const viewerReason = !viewer
    ? null
    : viewerPreset
      ? `preset "${preset}"${view ? `, view type ${view}` : ''}`
      : `view type ${view}`;
  return { joinedPeerIds: joined, viewer, viewerReason };
}
