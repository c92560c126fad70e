import { AKRONIM, SINGKATAN_CHAT } from '../rapikan/kamus';
import type { LintFinding } from './lint-finding';

/**
 * What an editor would still correct that the normaliser could not mend by itself (issue 18):
 * chat abbreviations left in a hand edit or an override, a sentence over 60 words, the same
 * sentence twice, a run of words in capitals. Warnings: they inform the officer, they do not block.
 */
// ASCII \b is enough: every abbreviation is ASCII, and a letter such as "é" before one is rare
const CHAT = new RegExp(`\\b(?:${Object.keys(SINGKATAN_CHAT).join('|')})\\b`, 'gi');
const CAPS_RUN = /(?<![\p{L}\p{N}@#])\p{Lu}[\p{Lu}\p{N}]+(?:[\s,.:;-]+\p{Lu}[\p{Lu}\p{N}]+){2,}(?![\p{L}\p{N}])/gu;
const CAPS_HINT = /[A-Z]{2,}[ ,.:;-]+[A-Z]{2,}[ ,.:;-]+[A-Z]{2,}/;
export const MAX_SENTENCE_WORDS = 60;

type Field = 'title' | 'body';

function chatFindings(text: string, field: Field, out: LintFinding[]): void {
  CHAT.lastIndex = 0;
  for (let m = CHAT.exec(text); m; m = CHAT.exec(text)) {
    const before = text[m.index - 1];
    // part of a link, a handle, a hashtag or a domain, or a word with a non-ASCII letter
    if (before !== undefined && /[@#/.\-_\u00C0-\uFFFF]/.test(before)) continue;
    const after = text[m.index + m[0].length];
    if (after !== undefined && /[\u00C0-\uFFFF]/.test(after) && after !== '\u201D' && after !== '\u2019' && after !== '\u2026') continue;
    const full = SINGKATAN_CHAT[m[0].toLowerCase()];
    out.push({ code: 'chat_abbreviation', severity: 'warning', field, start: m.index, end: m.index + m[0].length, message: `Singkatan obrolan “${m[0]}”: tulis lengkap (“${full}”).` });
  }
}

function capsFindings(text: string, field: Field, out: LintFinding[]): void {
  for (const m of text.matchAll(CAPS_RUN)) {
    const words = m[0].split(/[\s,.:;-]+/).filter(Boolean);
    if (words.filter((w) => !AKRONIM.has(w)).length < 3) continue;
    // a dateline ("KOTA JAYAPURA UTARA - ...") is written in capitals on purpose
    if ((m.index === 0 || text[m.index - 1] === '\n') && /^\s*[-–]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    out.push({ code: 'all_caps', severity: 'warning', field, start: m.index, end: m.index + m[0].length, message: 'Deretan kata berhuruf kapital semua: tulis dengan huruf kecil kecuali singkatan dan nama.' });
  }
}

const isUpperOrDigit = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '“' || c === '"' || c === '*' || c === '(');

/**
 * Sentences by a scan, not a regex split (this runs on every draft of every story): a sentence
 * ends at a line break, or at . ! ? … followed by a space and a capital, a digit or a quote.
 */
function sentenceFindings(text: string, field: Field, out: LintFinding[]): void {
  let seen: Set<string> | null = null;
  let start = 0;
  // a word here has two characters or more: initials ("A."), list letters and stray marks are not counted
  let words = 0;
  let wordLength = 0;
  let inWord = false;
  const close = (end: number) => {
    if (words > MAX_SENTENCE_WORDS) {
      out.push({ code: 'long_sentence', severity: 'warning', field, start, end, message: `Kalimat ${words} kata (lebih dari ${MAX_SENTENCE_WORDS}): pecah menjadi kalimat yang lebih pendek.` });
    }
    if (words >= 4) {
      const key = text.slice(start, end).trim().toLowerCase();
      seen ??= new Set<string>();
      if (seen.has(key)) out.push({ code: 'repeated_sentence', severity: 'warning', field, start, end, message: 'Kalimat yang sama muncul dua kali: hapus salah satunya.' });
      seen.add(key);
    }
    words = 0;
    wordLength = 0;
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      close(i);
      start = i + 1;
      continue;
    }
    if (c === ' ') {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      wordLength = 0;
    }
    if (++wordLength === 2) words++;
    if ((c === '.' || c === '!' || c === '?' || c === '…') && text[i + 1] === ' ' && isUpperOrDigit(text[i + 2])) {
      // "Jl. Sudirman", "A.W. (24)": a short word before the stop is an abbreviation or initial
      let w = i;
      while (w > start && text[w - 1] !== ' ') w--;
      if (c === '.' && i - w <= 3) continue;
      close(i + 1);
      start = i + 2;
      i++;
    }
  }
  close(text.length);
}

/** The editorial findings of one field of a draft. */
export function editorialFindings(text: string, field: Field, out: LintFinding[]): void {
  if (!text) return;
  chatFindings(text, field, out);
  // three words in capitals close together, in ASCII first: the Unicode scan is costly
  if (CAPS_HINT.test(text)) capsFindings(text, field, out);
  sentenceFindings(text, field, out);
}
