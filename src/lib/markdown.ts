/**
 * User-supplied text for a ticket that is rendered as Markdown or read as plain text. Nothing
 * in it may start a link, image, heading, list, table, code span, emphasis, HTML tag, entity
 * or autolink; no character may hide or reorder what follows; it stays on one line; and a huge
 * value cannot flood the ticket.
 */
import { revealHidden } from './hidden-characters';

/** Longer values are cut, and the cut says how long they were. */
export const MAX_CHARS = 120;

const BREAKS = /[\r\n\v\f\t\u0085\u2028\u2029]+/gu;
const CONTROLS = /\p{Cc}/gu;
// Every ASCII punctuation mark CommonMark, GFM or a common extension gives a meaning to:
// `&` (entities such as &#x202E;), `.`, `:` and `@` (bare URL, www. and e-mail autolinks,
// @mentions), `~` (strikethrough), `$` (math), `^`, `=`, `{}` (superscript, highlight,
// attributes). CommonMark lets any ASCII punctuation be escaped, so this renders as typed.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>&~$:@^=]/g;

const codePoint = (ch: string) =>
  `⟦U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟧`;

/** Line breaks and tabs, in any run, become one space: the text stays on its line. */
const oneLine = (text: string) => text.replace(BREAKS, ' ');

/** Other control characters and the hidden ones of hidden-characters.ts are written out. */
const reveal = (text: string) => revealHidden(text.replace(CONTROLS, codePoint));

/** The first `max` characters (code points, so no emoji is split) and the full length. */
function cut(text: string, max: number): { head: string; suffix: string } {
  const chars = Array.from(text);
  if (chars.length <= max) return { head: text, suffix: '' };
  return { head: chars.slice(0, max).join(''), suffix: ` … (${chars.length} characters)` };
}

/** Text to sit among Markdown: escaped, on one line, hidden characters written out, cut. */
export function markdownText(text: string, max = MAX_CHARS): string {
  const { head, suffix } = cut(text, max);
  // Escaped before characters are written out: the ⟦U+…⟧ markers are ours, not input.
  return `${reveal(oneLine(head).trim().replace(MARKDOWN_PUNCTUATION, '\\$&'))}${suffix}`;
}

/**
 * Text as a code span, shown exactly as typed (ids: no backslashes in them), on one line with
 * hidden characters written out, cut. The fence is one backtick longer than any run inside, so
 * nothing in the text can close it; an empty text gives an empty string.
 */
export function markdownCode(text: string, max = MAX_CHARS): string {
  const { head, suffix } = cut(text, max);
  const content = reveal(oneLine(head));
  if (content === '') return '';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both are there, and a backtick next to the
  // fence would lengthen it: pad in both cases.
  const spaced = content.startsWith(' ') && content.endsWith(' ') && /[^ ]/u.test(content);
  const pad = spaced || content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}${suffix}`;
}
