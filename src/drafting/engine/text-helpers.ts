/**
 * Small text helpers for templates that the Indonesian formatting helpers do not cover:
 * sentence and title case, quotes with their punctuation, sentences from operator labels.
 */

import { AKRONIM, KATA_KAPITAL, KATA_TUGAS } from '../rapikan/kamus';

const isAcronym = (word: string) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
const capital = (word: string) => (word ? word[0].toLocaleUpperCase('id-ID') + word.slice(1) : word);
const PLAIN_WORD = /^[A-Za-z][a-z]*$/;
const EDGES = /^([^\p{L}\p{N}@#]*)(.*[\p{L}\p{N}]|)([^\p{L}\p{N}]*)$/u;

/** One word of a headline: function words lower case (except first), acronyms and handles untouched. */
function judulKata(word: string, first: boolean): string {
  // most words are plain letters: no need for the general pattern
  if (PLAIN_WORD.test(word)) {
    const lower = word.toLowerCase();
    if (!first && KATA_TUGAS.has(lower)) return lower;
    return word.charCodeAt(0) >= 97 ? word[0].toUpperCase() + word.slice(1) : word;
  }
  const [, lead, core, trail] = EDGES.exec(word) ?? ['', '', word, ''];
  if (!core || /^[@#\d]/u.test(core) || isAcronym(core.replace(/[-.]/g, '')) || /\p{Lu}/u.test(core.slice(1)) || /[./:]/.test(core)) return word;
  const lower = core.toLocaleLowerCase('id-ID');
  if (!first && KATA_TUGAS.has(lower)) return lead + lower + trail;
  return lead + core.split('-').map(capital).join('-') + trail;
}

/**
 * Indonesian headline case (PUEBI): every word capitalised, prepositions and conjunctions lower
 * case inside the title ("Motor Warga yang Hilang Kembali dalam 9 Jam"), acronyms, handles and
 * numbers as they are. `tengah`: the text continues a title, so its first word is not the title's.
 */
export function judul(text: string, tengah = false): string {
  let first = !tengah;
  return text
    .split(' ')
    .map((word) => {
      if (!word) return word;
      const out = judulKata(word, first);
      first = /[:–—]$/.test(word) || word === '-' || word === '–';
      return out;
    })
    .join(' ');
}

/** Words a label may start with that stay capitalised mid-sentence (units, ranks, names). */
function keepsCapital(first: string, second: string): boolean {
  const bare = first.replace(/[^\p{L}\p{N}]/gu, '');
  if (!bare) return true;
  if (isAcronym(bare) || AKRONIM.has(bare.toUpperCase()) && bare === bare.toUpperCase()) return true;
  void second;
  return KATA_KAPITAL.has(bare.toLowerCase()) || /\p{Lu}/u.test(bare.slice(1));
}

/** Lower-cases the first letter for use mid-sentence, unless it starts a name or an acronym (SPKT, Propam, Kapolsek). */
export function awalKecil(text: string): string {
  if (!text) return text;
  const [first = '', second = ''] = text.split(/\s+/, 2);
  if (keepsCapital(first, second)) return text;
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
  if (/[!?…]$/.test(trimmed)) return `“${trimmed}”`;
  return `“${trimmed.replace(/[\s.,;:]+$/u, '')},”`;
}

export function kecil(text: string): string {
  return text.toLocaleLowerCase('id-ID');
}

export function besar(text: string): string {
  return text.toLocaleUpperCase('id-ID');
}
