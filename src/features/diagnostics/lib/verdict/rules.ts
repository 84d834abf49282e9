/**
 * Whose side an incident was on, decided by comparing the participant with the others in the
 * session at the same time: their network, their device, another participant, the service, or
 * not enough data to say. Pure rules; the thresholds are VERDICT_RULES, documented in
 * docs/VERDICT.md. Nothing is called "not the service" without the comparison behind it.
 */
import { formatCount, shortId } from '../../../../lib/format';
import { inWindow, overlaps, type TimeWindow } from '../../../../lib/time-window';
import { type Incident, SEVERITY_RANK, windowText } from '../finding';
import type { Symptom } from '../symptom';
import { inCallDuring, type Member, type Network } from './member';

export const VERDICT_LABELS = [
  'Their network',
  'Their device',
  'Another participant',
  'The service',
  'Not enough data',
  'No problem found',
] as const;
export type VerdictLabel = (typeof VERDICT_LABELS)[number];

export const VERDICT_RULES = {
  /** At most this many others are compared, those most in the call during the incidents first. */
  maxCompared: 12,
  /** The service: at least this share of the others compared degraded at the same time… */
  serviceShare: 0.5,
  /** …at least this many of them… */
  serviceMin: 2,
  /** …on at least this many different networks (owner, else country), the participant's included. */
  serviceNetworks: 2,
  /** Their own side: at most this share of the others compared degraded at the same time. */
  aloneShare: 0.25,
} as const;

/** The participant inspected. */
export type Subject = {
  readonly peerIds: ReadonlySet<string>;
  readonly network: Network | null;
};

/** What was known of the session when the verdict was made. */
export type Comparison = {
  /** Everyone else in the session (the list's count). */
  readonly others: number;
  /** Everyone else's presence, from the list: who was in the call when. */
  readonly presence: readonly TimeWindow[];
  /** Those compared (VERDICT_RULES.maxCompared at most), with what their answers say. */
  readonly members: readonly Member[];
  /** Reads of their answers or reports that failed (other than "none sent"). */
  readonly failures: number;
};

/** A short incident (one drop) is compared over this much time on either side of it. */
export const COMPARE_PAD_MS = 60_000;

/** The stretch the others are compared over: the incident's, at least two minutes long. */
export function comparedWindow(w: TimeWindow): TimeWindow {
  if (w.endMs - w.startMs >= 2 * COMPARE_PAD_MS) return w;
  const middle = (w.startMs + w.endMs) / 2;
  return { startMs: middle - COMPARE_PAD_MS, endMs: middle + COMPARE_PAD_MS };
}

export type IncidentVerdict = {
  readonly incident: Incident;
  readonly label: VerdictLabel;
  /** One sentence: what was compared and what it showed. */
  readonly evidence: string;
  /** "Another participant": whose media it was. */
  readonly sender: Member | null;
};

const count = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;
export const memberName = (m: Member) => m.name || `participant ${shortId(m.participantId)}`;

const touches = (s: Symptom, w: TimeWindow) => overlaps(s.window, w);

/**
 * A member's trouble on their own side during a window: what they sent, and what they received
 * from most senders; not what they received from the participant, nor from one other sender.
 */
export function ownTrouble(m: Member, w: TimeWindow, subject: Subject): Symptom[] {
  return (m.symptoms ?? []).filter(
    (s) =>
      touches(s, w) &&
      s.cause === 'network' &&
      s.direction !== 'remote' &&
      !(s.remote && subject.peerIds.has(s.remote.peerId)),
  );
}

/** What a member received badly from the given peers during a window. */
export function receivedBadly(m: Member, w: TimeWindow, from: ReadonlySet<string>): Symptom[] {
  return (m.symptoms ?? []).filter(
    (s) => touches(s, w) && s.remote !== undefined && from.has(s.remote.peerId),
  );
}

/** What a member sent badly during a window (their uplink). */
export function sentBadly(m: Member, w: TimeWindow): Symptom[] {
  return (m.symptoms ?? []).filter(
    (s) => touches(s, w) && s.cause === 'network' && s.direction === 'uplink',
  );
}

/** Which figure tells a customer most: loss, then MOS, jitter, round trip. */
const TELLING = ['loss', 'MOS', 'jitter', 'round trip'];
const telling = (s: Symptom) => {
  const at = TELLING.findIndex((word) => s.figure.key.includes(word));
  return at < 0 ? TELLING.length : at;
};

/** The figure to quote: the poorest, the most telling kind, the worst of it. */
const worstText = (symptoms: readonly Symptom[]) =>
  [...symptoms].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      telling(a) - telling(b) ||
      b.figure.badness - a.figure.badness,
  )[0]?.figure.text ?? '';

/** How many different networks, among those known. */
export function networksOf(networks: ReadonlyArray<Network | null>) {
  const known = networks.filter((n): n is Network => n !== null);
  const key = (n: Network) => n.owner ?? n.country ?? '';
  return {
    known: known.length,
    distinct: new Set(known.map(key)).size,
    countries: new Set(known.flatMap((n) => (n.country ? [n.country] : []))).size,
    first: known[0] ?? null,
  };
}

const SIDE: Record<Incident['direction'], string> = {
  uplink: 'uplink (what they sent)',
  downlink: 'downlink (what they received)',
  both: 'connection (both ways)',
  remote: 'media from one sender',
  device: 'device',
  unknown: 'call quality',
};

type Context = {
  readonly incident: Incident;
  readonly subject: Subject;
  readonly comparison: Comparison | null;
  readonly when: string;
};

const notEnough = (incident: Incident, evidence: string): IncidentVerdict => ({
  incident,
  label: 'Not enough data',
  evidence,
  sender: null,
});

/** Who else was in the call then, by the list: "3 of 9 others were in the call at 15:04–15:14". */
function presence(c: Comparison, w: TimeWindow, when: string) {
  const present = c.presence.filter((p) => overlaps(p, w)).length;
  return {
    present,
    text: `${formatCount(present)} of ${count(c.others, 'other')} ${present === 1 ? 'was' : 'were'} in the call at ${when}`,
  };
}

/** ", on 3 browsers": a problem that no one client shares. */
function browsersOf(members: readonly Member[]): string {
  const names = new Set(members.flatMap((m) => (m.client ? [m.client.split(' ')[0]] : [])));
  return names.size >= 2 ? ` and ${formatCount(names.size)} browsers` : '';
}

/** Too many others were hit to call it theirs, too few to call it the service. */
function undecided(hit: number, compared: number, when: string, what: string): string {
  const head = `${formatCount(hit)} of ${count(compared, 'other')} compared ${what} at ${when} too`;
  return hit / compared >= VERDICT_RULES.serviceShare
    ? `${head}: too few people to call it the service (at least ${VERDICT_RULES.serviceMin} must be hit), too many to call it theirs alone.`
    : `${head}: more than ${percent(VERDICT_RULES.aloneShare)} and fewer than ${percent(VERDICT_RULES.serviceShare)}, so neither their side nor the service is shown.`;
}

/** Many degraded at once: the service when across networks, a shared network when on one. */
function together(ctx: Context, degraded: readonly Member[], compared: number, what: string) {
  const { incident, subject, when } = ctx;
  const nets = networksOf([subject.network, ...degraded.map((m) => m.network)]);
  const head = `${formatCount(degraded.length)} of ${count(compared, 'other')} compared ${what} at ${when} too`;
  if (nets.known >= 2 && nets.distinct >= VERDICT_RULES.serviceNetworks) {
    return {
      incident,
      label: 'The service' as const,
      evidence: `${head}, across ${count(nets.distinct, 'network')} in ${count(nets.countries, 'country', 'countries')}${browsersOf(degraded)}.`,
      sender: null,
    };
  }
  if (nets.distinct === 1 && nets.known === degraded.length + 1) {
    return {
      incident,
      label: 'Their network' as const,
      evidence: `${head}, all on this participant's network (${nets.first?.owner ?? nets.first?.country}): a network they share, not the service.`,
      sender: null,
    };
  }
  return notEnough(
    incident,
    `${head}, but their networks are not known, so a shared network cannot be told from the service.`,
  );
}

function networkRule(ctx: Context, c: Comparison): IncidentVerdict {
  const { incident, subject, when } = ctx;
  const w = incident.window;
  const around = presence(c, w, when);
  const compared = c.members.filter((m) => m.symptoms !== null && inCallDuring(m, w));
  if (compared.length === 0) {
    return notEnough(
      incident,
      around.present === 0
        ? `None of the ${count(c.others, 'other')} in the session was in the call at ${when}, so there is nobody to compare with.`
        : `${around.text}, but none of them has call statistics to compare with.`,
    );
  }
  const degraded = compared.filter((m) => ownTrouble(m, w, subject).length > 0);
  const share = degraded.length / compared.length;
  if (degraded.length >= VERDICT_RULES.serviceMin && share >= VERDICT_RULES.serviceShare) {
    return together(ctx, degraded, compared.length, 'degraded');
  }
  if (share > VERDICT_RULES.aloneShare) {
    return notEnough(incident, undecided(degraded.length, compared.length, when, 'degraded'));
  }
  const fine =
    degraded.length === 0
      ? compared.length === 1
        ? 'the one compared was fine'
        : `all ${formatCount(compared.length)} compared were fine`
      : `${formatCount(compared.length - degraded.length)} of ${formatCount(compared.length)} compared were fine`;
  const receivers = compared.filter((m) => receivedBadly(m, w, subject.peerIds).length > 0);
  const heard =
    (incident.direction === 'uplink' || incident.direction === 'both') && receivers.length > 0
      ? `; ${formatCount(receivers.length)} of them received this participant badly`
      : '';
  const figure = incident.figures[0] ? ` (${incident.figures[0]})` : '';
  return {
    incident,
    label: 'Their network',
    evidence: `${around.text}; ${fine}; only this participant's ${SIDE[incident.direction]} suffered${figure}${heard}.`,
    sender: null,
  };
}

function senderRule(ctx: Context, c: Comparison, senderPeer: string): IncidentVerdict {
  const { incident, when } = ctx;
  const w = incident.window;
  const sender = c.members.find((m) => m.peerIds.includes(senderPeer)) ?? null;
  if (!sender || sender.symptoms === null) {
    return notEnough(
      incident,
      `Only media from peer ${shortId(senderPeer)} was received badly at ${when}, but that participant's call statistics could not be read.`,
    );
  }
  const theirs = new Set(sender.peerIds);
  const receivers = c.members.filter(
    (m) => m !== sender && m.symptoms !== null && inCallDuring(m, w),
  );
  const alsoBad = receivers.filter((m) => receivedBadly(m, w, theirs).length > 0);
  const sent = sentBadly(sender, w);
  const name = memberName(sender);
  if (sent.length > 0) {
    const others =
      receivers.length > 0
        ? `, and ${formatCount(alsoBad.length)} of ${count(receivers.length, 'other')} received them badly too`
        : '';
    const rest =
      incident.direction === 'remote'
        ? '; what this participant received from everyone else was fine'
        : '';
    return {
      incident,
      label: 'Another participant',
      evidence: `Only media from ${name} was bad at ${when}: their uplink suffered then (${worstText(sent)})${others}${rest}.`,
      sender,
    };
  }
  if (receivers.length > 0 && alsoBad.length === 0) {
    return {
      incident,
      label: 'Their network',
      evidence: `${name}'s uplink was fine at ${when} and ${count(receivers.length, 'other')} received them well; only this participant's download from them suffered.`,
      sender: null,
    };
  }
  return notEnough(
    incident,
    `Only media from ${name} was received badly at ${when}, yet their uplink was fine then and ${formatCount(alsoBad.length)} of ${count(receivers.length, 'other')} received them badly too: the path between them cannot be placed.`,
  );
}

function reconnectRule(ctx: Context, c: Comparison): IncidentVerdict {
  const { incident, when } = ctx;
  const w = incident.window;
  const compared = c.members.filter((m) => inCallDuring(m, w));
  if (compared.length === 0) {
    return notEnough(
      incident,
      `None of the ${count(c.others, 'other')} in the session was in the call at ${when}, so there is nobody to compare with.`,
    );
  }
  const dropped = compared.filter((m) => m.rejoins.some((t) => inWindow(w, t)));
  const share = dropped.length / compared.length;
  if (dropped.length >= VERDICT_RULES.serviceMin && share >= VERDICT_RULES.serviceShare) {
    return together(ctx, dropped, compared.length, 'dropped out and came back');
  }
  if (share > VERDICT_RULES.aloneShare) {
    return notEnough(incident, undecided(dropped.length, compared.length, when, 'dropped out'));
  }
  const stayed =
    dropped.length === 0
      ? `none of the ${count(compared.length, 'other')} compared dropped out then`
      : `${formatCount(dropped.length)} of ${count(compared.length, 'other')} compared dropped out then`;
  return {
    incident,
    label: 'Their network',
    evidence: `${presence(c, w, when).text}; ${stayed}; this participant ${incident.headline.toLowerCase()}.`,
    sender: null,
  };
}

function deviceRule(ctx: Context): IncidentVerdict {
  const { incident, comparison, subject, when } = ctx;
  const w = incident.window;
  const compared = (comparison?.members ?? []).filter(
    (m) => m.symptoms !== null && inCallDuring(m, w),
  );
  const fine = compared.filter((m) => ownTrouble(m, w, subject).length === 0).length;
  const others =
    compared.length > 0
      ? `; ${formatCount(fine)} of ${count(compared.length, 'other')} compared were fine then`
      : '';
  return {
    incident,
    label: 'Their device',
    evidence: `At ${when} their device held their video back (${incident.figures[0] ?? 'its frame rate fell'}) while their network was clean${others}.`,
    sender: null,
  };
}

/** Not enough data because reads failed says so: trying again may settle it. */
function withFailures(v: IncidentVerdict, c: Comparison | null): IncidentVerdict {
  if (!c || c.failures === 0 || v.label !== 'Not enough data') return v;
  const reads = count(c.failures, 'read');
  return {
    ...v,
    evidence: `${v.evidence} ${reads} of the session failed (a rate limit or an outage): try again later.`,
  };
}

/**
 * One incident's cause. `comparison` is null when the session could not be read: then only the
 * device, which needs no comparison, is named.
 */
export function classify(
  incident: Incident,
  subject: Subject,
  comparison: Comparison | null,
  time: (ms: number) => string,
): IncidentVerdict {
  const ctx: Context = {
    incident: { ...incident, window: comparedWindow(incident.window) },
    subject,
    comparison,
    when: windowText(incident.window, time),
  };
  return { ...withFailures(judge(ctx), comparison), incident };
}

function judge(ctx: Context): IncidentVerdict {
  const { incident, comparison } = ctx;
  if (incident.cause === 'device') return deviceRule(ctx);
  if (comparison === null) {
    return notEnough(
      incident,
      `The rest of the session could not be read, so nothing was compared for ${ctx.when}.`,
    );
  }
  if (comparison.others === 0) {
    return notEnough(
      incident,
      'Nobody else was in this session, so there is nobody to compare with.',
    );
  }
  if (incident.cause === 'connection') return reconnectRule(ctx, comparison);
  if (incident.sender !== undefined) return senderRule(ctx, comparison, incident.sender);
  return networkRule(ctx, comparison);
}
