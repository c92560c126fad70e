/**
 * Small text helpers for templates that the Indonesian formatting helpers do not cover:
 * sentence and title case, quotes with their punctuation, sentences from operator labels.
 */

/** Function words that stay lower case inside an Indonesian headline. */
const MINOR_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'dalam', 'yang', 'untuk', 'pada', 'dengan', 'atau', 'oleh', 'bagi', 'kepada', 'sejak', 'hingga', 'sampai', 'kurang', 'lebih']);

const isAcronym = (word: string) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);

/** "dalam 8 jam 28 menit" -> "dalam 8 Jam 28 Menit" (headline case; acronyms untouched). */
export function judul(text: string): string {
  return text
    .split(' ')
    .map((word, i) => {
      if (!word || isAcronym(word) || /^[@#]/.test(word) || /\d/.test(word[0])) return word;
      if (i > 0 && MINOR_WORDS.has(word.toLowerCase())) return word.toLowerCase();
      return word[0].toLocaleUpperCase('id-ID') + word.slice(1);
    })
    .join(' ');
}

/** Lower-cases the first letter for use mid-sentence, unless the first word is an acronym (SPKT, CCTV). */
export function awalKecil(text: string): string {
  const first = text.split(/\s/)[0] ?? '';
  if (!text || isAcronym(first.replace(/\W/g, ''))) return text;
  return text[0].toLocaleLowerCase('id-ID') + text.slice(1);
}

export function awalKapital(text: string): string {
  return text ? text[0].toLocaleUpperCase('id-ID') + text.slice(1) : text;
}

/** A sentence ends with exactly one full stop (or its own ! or ?). */
export function kalimat(text: string): string {
  const trimmed = text.trim().replace(/[\s.,;:]+$/u, '');
  return /[!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** “words,” before a speech verb: the closing comma goes inside; ! and ? are kept instead. */
export function kutip(text: string): string {
  const trimmed = text.trim().replace(/^["“”']+|["“”']+$/gu, '').trim();
  if (/[!?]$/.test(trimmed)) return `“${trimmed}”`;
  return `“${trimmed.replace(/[\s.,;:]+$/u, '')},”`;
}

export function kecil(text: string): string {
  return text.toLocaleLowerCase('id-ID');
}

export function besar(text: string): string {
  return text.toLocaleUpperCase('id-ID');
}
