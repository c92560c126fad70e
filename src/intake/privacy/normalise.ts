/**
 * Normalise-then-detect (issue 16): personal data is written in forms meant to slip past a
 * pattern ("0812\u200b3456", "０８１２", "O8l2", "nol delapan satu dua ..."). Detection runs on a
 * normalised copy of the text and maps every hit back to the original characters, so the
 * original (with whatever was hidden inside) is what gets masked.
 *
 * The normalised copy:
 *  - drops invisible and bidi control characters (zero-width, joiners, soft hyphen, LRM/RLM,
 *    embeddings and isolates, BOM, variation selectors, the keycap mark);
 *  - folds compatibility forms by NFKC, character by character (full-width and mathematical
 *    digits, ligatures), and any other script's decimal digits to ASCII;
 *  - reads O/o as 0 and I/l/| as 1 where they sit inside a run of digits;
 *  - writes a run of four or more Indonesian (or English) digit words as digits.
 */

/** Characters with no width that only hide or reorder: removed before detection and from stored text. */
export const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u20e3\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udcff]/g;

/**
 * Anything NFKC or digit folding may change: outside ASCII, Latin-1, general punctuation and the
 * emoji planes (U+1F000-U+1FFFF: high surrogates D83C-D83E; those never fold to letters or digits,
 * while mathematical digits, D835, do). Most texts have none of it.
 */
const NEEDS_FOLDING = /[^\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u00b1\u00b4-\u00b8\u00bb\u00bf-\u00ff\u2010-\u2027\u2030-\u205e\u20ac\u2190-\u21ff\u2600-\u27bf\ud83c-\ud83e\udc00-\udfff]|[\u200b-\u200f\u202a-\u202e\u2060-\u206f]|[0-9][\u2010-\u2015\u2212][0-9]/;

/** A letter that stands for a digit, next to a digit: "O8l2", "0812-345O"; or a symbol between digits: "0812~3456", "0812🔹3456". */
const CONFUSABLE_NEAR_DIGIT = /[0-9][OoIl]|[OoIl][0-9]|[0-9] ?[^\p{L}\p{N}\s.,:;!?'"()[\]{}\-\/_+] ?[0-9]/u;
const CONFUSABLE_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1' };
/** Symbols people put between the groups of a number to slip past a filter ("~", "|", "*", "•", emoji). */
const SYMBOL = /^[^\p{L}\p{N}\s.,:;!?'"()[\]{}\-\/_+]+$/u;

const DIGIT_WORDS: Record<string, string> = {
  nol: '0', kosong: '0', zero: '0', satu: '1', one: '1', dua: '2', two: '2', tiga: '3', three: '3', empat: '4', four: '4',
  lima: '5', five: '5', enam: '6', six: '6', tujuh: '7', seven: '7', delapan: '8', lapan: '8', eight: '8', sembilan: '9', nine: '9',
};
const DIGIT_WORD = `(?:${Object.keys(DIGIT_WORDS).join('|')}|\\d+)`;
/** Four or more digit words or digit groups in a row, at least one a word: a number read out ("0812 tiga empat ..."). */
const DIGIT_WORD_RUN = new RegExp(`(?<![A-Za-z0-9])${DIGIT_WORD}(?:[\\s,.\\-/]{1,3}${DIGIT_WORD}){3,}(?![A-Za-z0-9])`, 'gi');
const MAY_HAVE_DIGIT_WORDS = new RegExp(`\\b(?:${Object.keys(DIGIT_WORDS).join('|')})\\b`, 'i');
/** Three or more single letters with single spaces: a name spelled out to dodge a filter ("B u d i"). */
const SPACED_LETTERS = /(?<![A-Za-z])(?:[A-Za-z] ){2,}[A-Za-z](?![A-Za-z])/g;

export interface NormalisedText {
  /** The text number detection runs on: letters that stand for digits inside numbers read as digits. */
  text: string;
  /**
   * The same text with those letters kept (same length and offsets): what words, addresses,
   * plates and e-mail addresses are read from ("A10I" is a plate, not "A101").
   */
  letters: string;
  /** Offset in the original of each character of `text` (start), and the original end of it. */
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
  /** False when `text` is the original itself (offsets are then the identity). */
  readonly changed: boolean;
}

class Builder {
  chars: string[] = [];
  start: number[] = [];
  end: number[] = [];
  push(s: string, from: number, to: number): void {
    for (const c of s) {
      this.chars.push(c);
      this.start.push(from);
      this.end.push(to);
    }
  }
}

/**
 * The value of a decimal digit of any script (Arabic-Indic, Devanagari, Thai ...). Unicode keeps
 * each script's 0-9 contiguous and starting at a zero, so the value is the distance from the
 * start of the run of digits, modulo ten.
 */
function decimalDigit(ch: string): string | null {
  if (!/^\p{Nd}$/u.test(ch)) return null;
  const cp = ch.codePointAt(0)!;
  let steps = 0;
  while (steps < 60 && /^\p{Nd}$/u.test(String.fromCodePoint(cp - steps - 1))) steps++;
  return String(steps % 10);
}

/** Step 1: invisible characters out, compatibility forms and other scripts' digits folded. */
function fold(text: string, b: Builder): void {
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    INVISIBLE.lastIndex = 0;
    if (INVISIBLE.test(ch)) continue;
    if (ch.charCodeAt(0) < 0x80) {
      b.push(ch, at, i);
      continue;
    }
    // NFKC first (full-width, mathematical and circled digits, ligatures), then other scripts'
    // digits, and every dash and minus to '-' (NFKC keeps U+2010..U+2015 and U+2212 as they are)
    const folded = ch.normalize('NFKC').replace(INVISIBLE, '').replace(/[\u2010-\u2015\u2212\u2043]/g, '-');
    let out = '';
    for (const f of folded) out += decimalDigit(f) ?? f;
    b.push(out, at, i);
  }
}

/**
 * Step 2: runs of O/o and I/l/| that sit inside a number (digits, or a separator and a digit, on
 * both sides), or lead or end one beside a digit, read as digits, in a copy: "O8l2", "0885 OOO3".
 */
function confusables(b: Builder): string[] {
  const c = [...b.chars];
  // symbols between digits (with at most a space on either side) are separators: same length, as '-'
  for (let k = 1; k < c.length - 1; k++) {
    if (!SYMBOL.test(c[k])) continue;
    const before = /[0-9]/.test(c[k - 1]) || (c[k - 1] === ' ' && /[0-9]/.test(c[k - 2] ?? ''));
    const after = /[0-9]/.test(c[k + 1]) || (c[k + 1] === ' ' && /[0-9]/.test(c[k + 2] ?? ''));
    if (before && after) c[k] = '-'.repeat(c[k].length);
  }
  const isDigit = (k: number) => k >= 0 && k < c.length && c[k] >= '0' && c[k] <= '9';
  const isSep = (k: number) => k >= 0 && k < c.length && /[ .\-]/.test(c[k]);
  const isAlnum = (k: number) => k >= 0 && k < c.length && /[\p{L}\p{N}]/u.test(c[k]);
  const digitBefore = (k: number) => isDigit(k - 1) || (isSep(k - 1) && isDigit(k - 2));
  const digitAfter = (k: number) => isDigit(k + 1) || (isSep(k + 1) && isDigit(k + 2));
  // twice: a run read as digits can make its neighbour's run sit inside a number ("O8I2")
  for (let pass = 0; pass < 2; pass++) for (let k = 0; k < c.length; k++) {
    if (!CONFUSABLE_DIGIT[c[k]]) continue;
    let end = k;
    while (end + 1 < c.length && CONFUSABLE_DIGIT[c[end + 1]]) end++;
    const inside = digitBefore(k) && digitAfter(end);
    const leading = !isAlnum(k - 1) && isDigit(end + 1) && isDigit(end + 2);
    const trailing = isDigit(k - 1) && (isDigit(k - 2) || (isSep(k - 2) && isDigit(k - 3))) && !isAlnum(end + 1);
    if (inside || leading || trailing) for (let j = k; j <= end; j++) c[j] = CONFUSABLE_DIGIT[c[j]];
    k = end;
  }
  return c;
}

/**
 * Step 2b: a name spelled out letter by letter ("B u d i S a n t o s o") read as words ("Budi
 * Santoso"): the spaces go, and a capital after a small letter starts a new word.
 */
function spacedLetters(b: Builder): Builder {
  const text = b.chars.join('');
  if (!/[A-Za-z] [A-Za-z] [A-Za-z]/.test(text)) return b;
  const out = new Builder();
  let last = 0;
  for (const m of text.matchAll(SPACED_LETTERS)) {
    for (let k = last; k < m.index!; k++) out.push(b.chars[k], b.start[k], b.end[k]);
    let previous = '';
    for (let k = m.index!; k < m.index! + m[0].length; k++) {
      const ch = b.chars[k];
      if (ch === ' ') continue;
      if (/[A-Z]/.test(ch) && /[a-z]/.test(previous)) out.push(' ', b.start[k - 1], b.end[k - 1]);
      out.push(ch, b.start[k], b.end[k]);
      previous = ch;
    }
    last = m.index! + m[0].length;
  }
  if (last === 0) return b;
  for (let k = last; k < b.chars.length; k++) out.push(b.chars[k], b.start[k], b.end[k]);
  return out;
}

/** Step 3: "nol delapan satu dua ..." read as "0812...". */
function digitWords(b: Builder): Builder {
  const text = b.chars.join('');
  if (!MAY_HAVE_DIGIT_WORDS.test(text)) return b;
  const out = new Builder();
  let last = 0;
  for (const m of text.matchAll(DIGIT_WORD_RUN)) {
    const words = [...m[0].matchAll(new RegExp(DIGIT_WORD, 'gi'))];
    if (words.every((w) => /^\d+$/.test(w[0]))) continue;
    for (let k = last; k < m.index!; k++) out.push(b.chars[k], b.start[k], b.end[k]);
    for (const w of words) {
      const from = m.index! + w.index!;
      const to = from + w[0].length;
      out.push(DIGIT_WORDS[w[0].toLowerCase()] ?? w[0], b.start[from], b.end[to - 1]);
    }
    last = m.index! + m[0].length;
  }
  if (last === 0) return b;
  for (let k = last; k < b.chars.length; k++) out.push(b.chars[k], b.start[k], b.end[k]);
  return out;
}

const identity = (text: string): NormalisedText => {
  const offsets = { length: text.length };
  return {
    text,
    letters: text,
    changed: false,
    start: new Proxy(offsets, { get: (t, k) => (k === 'length' ? t.length : Number(k)) }) as ArrayLike<number>,
    end: new Proxy(offsets, { get: (t, k) => (k === 'length' ? t.length : Number(k) + 1) }) as ArrayLike<number>,
  };
};

/** True when the text holds something normalisation would change (then no cheap pre-check can clear it). */
export function mayNeedNormalising(text: string): boolean {
  return NEEDS_FOLDING.test(text) || CONFUSABLE_NEAR_DIGIT.test(text) || MAY_HAVE_DIGIT_WORDS.test(text) || /[A-Za-z] [A-Za-z] [A-Za-z]/.test(text);
}

/** The normalised copy of `text` for detection, with the way back to original offsets. */
export function normaliseForDetection(text: string): NormalisedText {
  const folding = NEEDS_FOLDING.test(text);
  const confusing = CONFUSABLE_NEAR_DIGIT.test(text);
  const words = MAY_HAVE_DIGIT_WORDS.test(text);
  const spaced = /[A-Za-z] [A-Za-z] [A-Za-z]/.test(text);
  if (!folding && !confusing && !words && !spaced) return identity(text);
  let b = new Builder();
  if (folding) fold(text, b);
  else {
    // by code point: an emoji between digits is one separator, not two halves
    let at = 0;
    for (const ch of text) {
      b.push(ch, at, at + ch.length);
      at += ch.length;
    }
  }
  if (spaced) b = spacedLetters(b);
  if (words || folding) b = digitWords(b);
  const digitsRead = confusing || folding ? confusables(b) : b.chars;
  const letters = b.chars.join('');
  const normalised = digitsRead.join('');
  if (normalised === text && letters === text) return identity(text);
  // `chars` may hold multi-unit strings (an NFKC expansion, an astral letter): expand to UTF-16 units
  const start: number[] = [];
  const end: number[] = [];
  for (let k = 0; k < b.chars.length; k++) {
    for (let u = 0; u < b.chars[k].length; u++) {
      start.push(b.start[k]);
      end.push(b.end[k]);
    }
  }
  return { text: normalised, letters, start, end, changed: true };
}

/** Maps a span of the normalised text back to the original text. */
export function originalSpan(n: NormalisedText, from: number, to: number): [number, number] {
  if (!n.changed) return [from, to];
  return [n.start[from], n.end[to - 1]];
}

/**
 * Text as it is stored and published: Unicode NFC, without invisible or bidi controls, so what a
 * reader sees is what every check saw (a right-to-left override can make a quote card read
 * backwards, a zero-width space can split a number in two).
 */
export function cleanText(text: string): string {
  // the emoji joiner and presentation selectors stay inside emoji sequences ("❤️", "👨‍👩‍👧"), where
  // they can hide nothing; everywhere else they go with the rest
  return text.normalize('NFC').replace(INVISIBLE, (ch, at: number, all: string) =>
    (ch === '\u200d' || ch === '\ufe0f' || ch === '\ufe0e') && at > 0 && EMOJI_BEFORE.test(all.slice(Math.max(0, at - 2), at)) ? ch : '',
  );
}

const EMOJI_BEFORE = /\p{Extended_Pictographic}\p{Emoji_Modifier}?$|\p{Emoji_Modifier}$/u;
