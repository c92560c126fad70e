import { HelperError, describe } from './helper-error';

// One segmenter for the process: creating one costs far more than segmenting a caption.
const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });

// Where a cut is clean: any whitespace. No-break spaces count too: they forbid a line break,
// but "Hadiah Rp…" still reads better than "Hadiah Rp 1.2…".
const BREAKABLE = /^\s+$/u;
// What we drop before the ellipsis so it does not read "kata, …" or "kata …".
const TRAILING_JUNK = /^[\s,;:\u2013\u2014-]+$/u;
// A word boundary is preferred only this close to the limit: cutting earlier wastes space.
const WORD_WINDOW = 0.2;

// Characters that are always a grapheme on their own: ASCII, Latin-1 and Latin Extended
// letters, general punctuation (“ ” … –). Indonesian prose is almost all this, and
// Intl.Segmenter costs about half a microsecond per grapheme in V8, so runs of these are walked
// without ICU. \r is left out (CR LF is one grapheme), and so are combining marks, joiners,
// variation selectors and surrogates. The spec checks every pair of these against ICU.
const SIMPLE_CLASS = '\\t\\n\\x20-\\x7E\\u00A0-\\u02FF\\u2010-\\u2027\\u2030-\\u205E';
export const SIMPLE = new RegExp(`^[${SIMPLE_CLASS}]*$`);
const NEXT_COMPLEX = new RegExp(`[^${SIMPLE_CLASS}]`, 'g');
const NEXT_SIMPLE_PAIR = new RegExp(`[${SIMPLE_CLASS}]{2}`, 'g');

/**
 * UTF-16 offsets where the first `count` graphemes of a text start (all of them for Infinity). Simple runs are taken a
 * character at a time; ICU segments only the islands between them (an emoji, a flag, an accented
 * letter), each from a boundary that needs no earlier context to the next two simple characters
 * in a row, where no grapheme rule can join across. So an emoji in a long quote costs one small
 * ICU call, not one per character of the quote.
 */
function graphemeStarts(text: string, count: number): number[] {
  const starts: number[] = [];
  let i = 0; // always such a context-free boundary
  while (i < text.length && starts.length < count) {
    NEXT_COMPLEX.lastIndex = i;
    const complex = NEXT_COMPLEX.exec(text)?.index ?? text.length;
    // The simple character just before a complex one may carry it (an accent), so ICU gets it too.
    const simpleEnd = complex === text.length ? complex : Math.max(i, complex - 1);
    for (; i < simpleEnd && starts.length < count; i++) starts.push(i);
    if (i === text.length || starts.length === count) break;
    NEXT_SIMPLE_PAIR.lastIndex = complex + 1;
    const resume = (NEXT_SIMPLE_PAIR.exec(text)?.index ?? text.length - 1) + 1;
    for (const { index } of graphemes.segment(text.slice(i, resume))) {
      if (starts.length === count) break;
      starts.push(i + index);
    }
    i = resume;
  }
  return starts;
}

/** Number of user-perceived characters: an emoji, a flag or "é" with a combining accent is one. */
export function jumlahGrafem(text: string): number {
  return SIMPLE.test(text) ? text.length : graphemeStarts(text, Number.POSITIVE_INFINITY).length;
}

/**
 * Cuts a text to at most `maxGraphemes` user-perceived characters, the ellipsis included, never
 * inside an emoji, a flag or a letter with its combining marks. It prefers to cut before a space
 * in the last 20% of the room, and drops trailing spaces and commas before the ellipsis.
 * The result is always a prefix of the text followed by the ellipsis, or the text unchanged when
 * it fits. When the limit is too small for the ellipsis, the text is cut without one.
 */
export function potong(text: unknown, maxGraphemes: unknown, ellipsis: unknown = '…'): string {
  if (typeof text !== 'string') {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `potong: teks harus string, bukan ${describe(text)}`);
  }
  if (typeof maxGraphemes !== 'number' || !Number.isInteger(maxGraphemes) || maxGraphemes < 0) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', 'potong: batas harus bilangan bulat >= 0');
  }
  if (typeof ellipsis !== 'string') {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `potong: elipsis harus string, bukan ${describe(ellipsis)}`);
  }
  // Every grapheme is at least one UTF-16 unit, so a short string fits without segmenting.
  if (text.length <= maxGraphemes) return text;
  // Two graphemes past the limit: whether the text overflows, and the extent of every grapheme
  // a cut may look at (up to number maxGraphemes, the first one past the limit).
  const starts = graphemeStarts(text, maxGraphemes + 2);
  if (starts.length <= maxGraphemes) return text;
  const segment = (n: number): string => text.slice(starts[n], starts[n + 1] ?? text.length);

  const ellipsisLength = jumlahGrafem(ellipsis);
  const room = maxGraphemes - ellipsisLength;
  if (room <= 0) return text.slice(0, starts[maxGraphemes]);

  let end = room; // cut before grapheme number `end`
  for (let i = room; i >= Math.ceil(room * (1 - WORD_WINDOW)) && i > 0; i--) {
    // i === room looks at the first grapheme that is dropped: a space there is a clean cut too.
    if (BREAKABLE.test(segment(i))) {
      end = i;
      break;
    }
  }
  while (end > 0 && TRAILING_JUNK.test(segment(end - 1))) end--;
  return text.slice(0, starts[end]) + ellipsis;
}
