/**
 * Indonesian-aware text normalisation for pickup matching: partner media rewrite our releases
 * with their own dateline ("MEDAN, SUMUTPOS.CO -"), new leads and reordered sentences, so
 * matching works on content words, not on characters.
 */

/**
 * Function words that carry no meaning of their own in Indonesian news prose. Dropping them
 * makes "diamankan di wilayah Pancoran" and "diamankan dari wilayah Pancoran" the same phrase.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'yang', 'dan', 'di', 'ke', 'dari', 'pada', 'untuk', 'dengan', 'ini', 'itu', 'dalam', 'oleh', 'akan',
  'telah', 'sudah', 'juga', 'para', 'serta', 'bahwa', 'atau', 'adalah', 'ialah', 'sebagai', 'karena',
  'agar', 'supaya', 'bagi', 'tersebut', 'tak', 'tidak', 'bukan', 'pun', 'lah', 'kah', 'nya', 'se',
  'sebuah', 'seorang', 'saat', 'ketika', 'kepada', 'terhadap', 'antara', 'hingga', 'sampai', 'sejak',
  'setelah', 'sebelum', 'masih', 'lagi', 'saja', 'hanya', 'bisa', 'dapat', 'harus', 'ada', 'yakni',
  'yaitu', 'namun', 'tetapi', 'tapi', 'sedangkan', 'maupun', 'pula', 'kami', 'kita', 'mereka', 'ia',
  'dia', 'saya', 'anda', 'kamu', 'beliau', 'pihak', 'secara', 'lebih', 'sangat', 'tengah', 'per',
  'si', 'sang', 'the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'for',
  // reporting verbs partners swap freely ("kata", "ujar", "ungkap", "tegas")
  'kata', 'ujar', 'ungkap', 'ujarnya', 'katanya', 'ungkapnya', 'tegasnya', 'jelasnya', 'sebutnya',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of an HTML fragment (partner feeds carry HTML in content/description). */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+/gi;

/** Absolute http(s) URLs in a text or HTML fragment (hrefs included), without trailing punctuation. */
export function extractUrls(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
}

/** FNV-1a, fed one (folded) character code at a time. */
const FNV_OFFSET = 0x811c9dc5;
const fnv = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);

/** A text's content words: their 32-bit hashes (for shingles), and the words themselves when asked. */
export interface Tokens {
  hashes: Uint32Array;
  words: string[];
}

const SEPARATOR = -1;
const MARK = -2;
const SLOW = -3;
const LETTER = /[\p{L}\p{N}]/u;
/** Case and diacritics folded the slow, general way: NFKD, combining marks dropped, lower case. */
const foldSlow = (chars: string) => chars.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * Folded form of every Latin character (U+0000-U+024F, all Indonesian text uses), precomputed
 * with foldSlow: a letter or digit maps to its folded code, punctuation to SEPARATOR, a combining
 * mark to MARK; anything that folds to several characters, and anything above, takes SLOW.
 */
const FOLD = (() => {
  const table = new Int32Array(0x250);
  for (let code = 0; code < table.length; code++) {
    const folded = foldSlow(String.fromCharCode(code));
    if (folded.length === 0) table[code] = MARK;
    else if (folded.length > 1) table[code] = SLOW;
    else table[code] = LETTER.test(folded) ? folded.charCodeAt(0) : SEPARATOR;
  }
  return table;
})();

const wordHashOf = (word: string) => {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = fnv(h, word.charCodeAt(i));
  return h >>> 0 || 1;
};
const STOP_HASHES = new Set([...STOP_WORDS].map(wordHashOf));

/**
 * Splits a text into content words in one pass without building strings (unless `withWords`):
 * case and diacritics folded (é -> e), punctuation separates, URLs are skipped, stop words
 * dropped (by hash). Numbers stay: times and counts ("08.12", "65 personel") are distinctive.
 * This is the hot loop of matching 25,000 items against 100,000 stories.
 */
export function tokens(parts: string | readonly string[], withWords = false, scratch?: Scratch): Tokens {
  const texts = typeof parts === 'string' ? [parts] : parts;
  let capacity = texts.length;
  for (const text of texts) capacity += (text.length >> 1) + 1;
  const hashes = scratch ? scratch.take(capacity) : new Uint32Array(capacity);
  const words: string[] = [];
  let n = 0;
  let h = FNV_OFFSET;
  let length = 0;
  let word = '';
  const end = () => {
    if (length > 0) {
      const hash = h >>> 0 || 1;
      if (!STOP_HASHES.has(hash)) {
        hashes[n++] = hash;
        if (withWords) words.push(word);
      }
    }
    h = FNV_OFFSET;
    length = 0;
    word = '';
  };
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (length === 0 && (code | 0x20) === 0x68 && isUrlAt(text, i)) {
        while (i < text.length && !URL_END.has(text.charCodeAt(i))) i++;
        continue;
      }
      const folded = code < 0x250 ? FOLD[code] : SLOW;
      if (folded >= 0) {
        h = fnv(h, folded);
        length++;
        if (withWords) word += String.fromCharCode(folded);
      } else if (folded === SEPARATOR) end();
      else if (folded === SLOW) {
        const point = text.codePointAt(i)!;
        if (point > 0xffff) i++;
        for (const c of foldSlow(String.fromCodePoint(point))) {
          if (!LETTER.test(c)) {
            end();
            continue;
          }
          for (let k = 0; k < c.length; k++) h = fnv(h, c.charCodeAt(k));
          length++;
          if (withWords) word += c;
        }
      }
    }
    end();
  }
  return { hashes: scratch ? hashes.subarray(0, n) : hashes.slice(0, n), words };
}

/** Characters that end a URL in running text or HTML. */
const URL_END = new Set([...' \t\n\r\f\v<>"\')]'].map((c) => c.charCodeAt(0)));

/** "http://" or "https://" (any case) at position i. */
function isUrlAt(text: string, i: number): boolean {
  if ((text.charCodeAt(i + 1) | 0x20) !== 0x74 || (text.charCodeAt(i + 2) | 0x20) !== 0x74 || (text.charCodeAt(i + 3) | 0x20) !== 0x70) return false;
  const j = (text.charCodeAt(i + 4) | 0x20) === 0x73 ? i + 5 : i + 4;
  return text.charCodeAt(j) === 0x3a && text.charCodeAt(j + 1) === 0x2f && text.charCodeAt(j + 2) === 0x2f;
}

/** The content words of a text, as strings (titles, evidence). */
export function contentWords(text: string): string[] {
  return tokens(text, true).words;
}

/**
 * A reusable buffer: the hot paths (100,000 stories) fill views of one growing array instead of
 * allocating typed arrays per text, which would keep the garbage collector busy. A view stays
 * valid until the next take().
 */
export class Scratch {
  private buffer = new Uint32Array(4096);

  take(size: number): Uint32Array {
    if (size > this.buffer.length) this.buffer = new Uint32Array(Math.max(size, this.buffer.length * 2));
    return this.buffer;
  }
}
