/**
 * A device change or a refused permission at the time of an incident (the SDK's own events in
 * a peer report): told beside it, and the cause when nothing else says which way it hurt.
 */
import type { Incident } from './finding';
import type { ReportEvent } from './report-rules';

/** How long before an incident a device change still counts as "at the time". */
export const DEVICE_EVENT_LEAD_MS = 60_000;

export type DeviceEvent = { readonly atMs: number; readonly text: string };

const DEVICE_KIND: Readonly<Record<string, string>> = {
  videoinput: 'camera',
  audioinput: 'microphone',
  audiooutput: 'speaker',
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** The device changes and the refused permissions among a report's events. */
export function deviceEvents(events: readonly ReportEvent[]): DeviceEvent[] {
  const found: DeviceEvent[] = [];
  for (const e of events) {
    const meta = e.metadata ?? {};
    if (/device/i.test(e.name)) {
      const kind = DEVICE_KIND[text(meta.kind) ?? ''] ?? 'device';
      const label = text(meta.label);
      found.push({ atMs: e.atMs, text: `${kind} changed${label ? ` to ${label}` : ''}` });
    } else if (/permission/i.test(e.name)) {
      const refused = Object.entries(meta)
        .filter(([, v]) => /denied|blocked|dismissed/i.test(text(v) ?? ''))
        .map(([k, v]) => `${k} ${text(v)}`);
      if (refused.length > 0)
        found.push({ atMs: e.atMs, text: `permission: ${refused.join(', ')}` });
    }
  }
  return found;
}

/** Incidents with the device events at their time named among their figures. */
export function withDeviceEvents(
  incidents: readonly Incident[],
  events: readonly DeviceEvent[],
): Incident[] {
  return incidents.map((incident) => {
    const { startMs, endMs } = incident.window;
    const near = events.filter((e) => e.atMs >= startMs - DEVICE_EVENT_LEAD_MS && e.atMs <= endMs);
    if (near.length === 0 || incident.cause === 'connection') return incident;
    const unknown = incident.direction === 'unknown';
    return {
      ...incident,
      ...(unknown ? { cause: 'device' as const, direction: 'device' as const } : {}),
      figures: [...incident.figures, ...new Set(near.map((e) => `${e.text} at the time`))],
    };
  });
}
