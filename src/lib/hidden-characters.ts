/**
 * Characters that change how text reads without being seen: direction overrides and isolates
 * (a "\u202Eevil" name shows as "live"), zero-width spaces and joiners outside emoji, BOMs.
 * User-typed names are shown as text; these are pointed out so nobody is misled.
 */
const HIDDEN = /[\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function countHidden(text: string): number {
  return text.match(HIDDEN)?.length ?? 0;
}

/** The text with each hidden character written out as ⟦U+202E⟧. */
export function revealHidden(text: string): string {
  return text.replace(
    HIDDEN,
    (ch) => `⟦U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟧`,
  );
}
