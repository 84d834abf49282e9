/** An SDK event's metadata as short text: `key: value` pairs, long values cut. */
import { revealHidden } from '../../../lib/hidden-characters';

export type MetadataEntry = { readonly key: string; readonly value: string };

/** A value as text: strings as sent, anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Text cut to `max` characters with an ellipsis, invisible and direction-changing characters
 * written out (metadata is free text from the participant's device: it must not mislead).
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return revealHidden(text);
  let end = max - 1;
  // Never split a surrogate pair: half an emoji renders as a replacement box.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${revealHidden(text.slice(0, end))}…`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One entry per key of an object; anything else is one entry without a key. */
export function metadataEntries(metadata: unknown): MetadataEntry[] {
  if (!isObject(metadata)) return [{ key: '', value: valueText(metadata) }];
  return Object.entries(metadata).map(([key, value]) => ({ key, value: valueText(value) }));
}

const pair = (e: MetadataEntry) => (e.key === '' ? e.value : `${e.key}: ${e.value}`);

/**
 * "audio: granted, video: granted" in at most `max` characters. Stops reading entries once
 * the line is full, so a huge metadata object costs no more than a small one.
 */
export function metadataSummary(entries: readonly MetadataEntry[], max: number): string {
  let line = '';
  for (const entry of entries) {
    line += (line === '' ? '' : ', ') + pair(entry).slice(0, max + 1);
    if (line.length > max) break;
  }
  return cut(line, max);
}

/** The text search reads: every key and value, each value cut (a 1 MB value helps nobody find). */
export function metadataSearchText(metadata: unknown, perValue = 1_000): string {
  return metadataEntries(metadata)
    .map((e) => `${e.key} ${e.value.slice(0, perValue)}`)
    .join(' ');
}
