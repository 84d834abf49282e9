/**
 * A long history: a participant answer longer than this many characters (some 4,000 peer
 * events and up). The app reads its peer events by hand, with code loaded for it
 * (peer-events-quick.ts), and the server announces that code and the timeline's in the HTML of
 * a deep link whose answer is one (server/long-history-code.ts), so both download with the page.
 */
export const LONG_HISTORY_CHARS = 2_000_000;

/** Whether an answer's text is a long history. */
export const isLongHistory = (text: string) => text.length > LONG_HISTORY_CHARS;
