import { endsSentence } from './kalimat';
import { AKRONIM, AKRONIM_KECIL, EJAAN_BAKU, KATA_KAPITAL, KATA_KAPITAL_SELALU, KATA_TUGAS, PEMICU_NAMA, SINGKATAN_CHAT } from './kamus';

/**
 * `rapikan` ("tidy up"): mends operator and citizen text before templates see it. It changes
 * case, spacing, punctuation and known chat abbreviations only; it never adds, removes or reveals
 * a word of substance (it runs on text already masked at intake, and leaves "[... disamarkan]"
 * and other bracketed parts exactly as they are).
 */
export interface RapikanOptions {
  /** Operator text (not a quote): informal spellings become standard ones ("ilang" -> "hilang"). */
  baku?: boolean;
  /** Proper nouns of the story (unit names, places): their case is restored where it was lost. */
  namaDiri?: readonly string[];
  /** Drop emoji (a release quotes words, not pictures). */
  tanpaEmoji?: boolean;
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F\u20E3]/gu;
/** Parts never touched: links, e-mail addresses, domains, handles, hashtags, bracketed (masked) parts. */
const PROTECTED = /\{\{[^}]{0,200}\}\}|<[^<>]{0,200}>|https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:[\w-]+\.)+(?:id|com|net|org|info|io)\b|\[[^\]]*\]|[@#][\p{L}\p{N}_.]*[\p{L}\p{N}_]/gu;
// Quick tests that spare most texts the passes they do not need (drafting runs this on every field of every story).
const NEEDS_PUNCTUATION = /[!?][!?1]|,,|\.\.|…|[,;:]\s*[.!?]|\s[,.!?;:)]|\(\s|[,;:!?][\p{L}\uE000]|\)\p{L}|\p{Ll}\.\p{L}| {2}/u;
const CHAT_HINT = new RegExp(`\\b(?:${Object.keys(SINGKATAN_CHAT).join('|')})\\b`, 'i');
const BAKU_HINT = new RegExp(`\\b(?:${Object.keys(EJAAN_BAKU).join('|')})\\b`, 'i');
/** Only texts with one of these characters can hold a part to protect. */
const PROTECT_HINT = /[@#[{<]|:\/\/|www\.|\w\.(?:id|com|net|org|info|io)\b/;
/** A letter in lower case where a sentence starts. */
const LOWER_START = /(?:^|[.!?]["”’)]? )["“‘(]?\p{Ll}/u;
const HOLE = '\uE000';
const HOLE_RE = /\uE000(\d+)\uE001/g;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const LOWER_PROPER_HINT = new RegExp(`\\b(?:${[...AKRONIM_KECIL, ...KATA_KAPITAL_SELALU].join('|')})\\b`);
/** An acronym or a police word typed in lower case gets its case ("tkp" -> "TKP", "propam" -> "Propam"). */
function kapitalKata(word: string): string {
  if (AKRONIM_KECIL.has(word)) return word.toUpperCase();
  if (KATA_KAPITAL_SELALU.has(word)) return KATA_KAPITAL.get(word) ?? word[0].toUpperCase() + word.slice(1);
  return word;
}

/** Whether a word is written in capitals (two letters or more, no lower case letter). */
const inCaps = (word: string) => /\p{Lu}.*\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
/** An acronym to keep: a known one, or one with no vowel ("BPN", "KM"). */
const isAkronim = (word: string) => AKRONIM.has(word) || (word.length <= 4 && !/[AEIOU]/.test(word));
const PREPOSISI_TEMPAT = new Set(['di', 'ke', 'dari', 'depan', 'dekat', 'sekitar', 'belakang', 'seberang', 'menuju', 'arah', 'wilayah', 'kawasan']);
const capital = (word: string) => word.charAt(0).toLocaleUpperCase('id-ID') + word.slice(1);

export function rapikan(input: string, options: RapikanOptions = {}): string {
  if (!input) return '';
  let text = options.tanpaEmoji ? input.replace(EMOJI, ' ') : input;
  text = text.replace(/\s+/g, ' ').trim();
  const held: string[] = [];
  if (PROTECT_HINT.test(text)) text = text.replace(PROTECTED, (part) => `${HOLE}${held.push(part) - 1}\uE001`);
  if (NEEDS_PUNCTUATION.test(text)) text = tandaBaca(text);
  if (CHAT_HINT.test(text) || (options.baku === true && BAKU_HINT.test(text))) text = singkatan(text, options.baku === true);
  if (/\p{Lu}{2}/u.test(text)) text = hurufBesar(text, options.namaDiri ?? []);
  if (LOWER_PROPER_HINT.test(text)) text = text.replace(WORD, kapitalKata);
  if (options.baku === true) text = text.replace(/ & /g, ' dan ').replace(/(\d)\s?(rb|ribu)\b/gi, '$1 ribu').replace(/(\d)\s?(jt|juta)\b/gi, '$1 juta');
  text = namaDiri(text, options.namaDiri ?? []);
  text = text.replace(/\b[Jj]l\. (\p{Ll})/gu, (_m, letter: string) => `Jl. ${letter.toLocaleUpperCase('id-ID')}`);
  if (LOWER_START.test(text)) text = awalKalimat(text);
  return held.length > 0 ? text.replace(HOLE_RE, (_m, i: string) => held[Number(i)]).trim() : text.trim();
}

/** Repeated marks, spaces before punctuation, a space after it, a space before "(". */
function tandaBaca(text: string): string {
  return text
    .replace(/[!?][!?1]+/g, (run) => (run.includes('?') ? '?' : '!'))
    .replace(/,{2,}/g, ',')
    .replace(/\.{2,}|…/g, '.')
    .replace(/([,;:])\s*(?=[.!?])/g, '')
    .replace(/\s+([,.!?;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/([,;:!?])(?=[\p{L}\uE000])|(\))(?=\p{L})/gu, '$1$2 ')
    .replace(/(?<!\p{L})(\p{L}{2,40})\.(?=\p{L})/gu, (m, word: string) => (/\p{Ll}/u.test(word) ? `${word}. ` : m))
    .replace(/ {2,}/g, ' ');
}

/** Chat abbreviations (and, in operator text, informal spellings) written in full, in the word's own case. */
function singkatan(text: string, baku: boolean): string {
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const chat = SINGKATAN_CHAT[lower];
    const full = baku ? (EJAAN_BAKU[chat ?? lower] ?? chat) : chat;
    if (full === undefined) return word;
    if (word === lower) return full;
    if (inCaps(word)) return full.toUpperCase();
    return capital(full);
  });
}

/**
 * Runs in capitals become sentence case, keeping acronyms, known capitalised words and names
 * after a place word ("JALAN SISINGAMANGARAJA"). A lone word in capitals is kept when short
 * (an acronym we may not know) and lowered when long ("MANTAP").
 */
function hurufBesar(text: string, names: readonly string[]): string {
  const words = [...text.matchAll(WORD)];
  const caps = words.map((m) => inCaps(m[0]) && !isAkronim(m[0]));
  if (!caps.some(Boolean)) return text;
  const known = new Map<string, string>();
  for (const name of names) for (const w of name.split(/\s+/)) if (w.length > 1 && !inCaps(w)) known.set(w.toLowerCase(), w);
  let out = '';
  let last = 0;
  let afterPlaceWord = 0;
  for (let i = 0; i < words.length; i++) {
    const m = words[i];
    const word = m[0];
    const inRun = caps[i] && (caps[i - 1] || caps[i + 1] || word.length >= 6 || inCaps(words[i - 1]?.[0] ?? '') || inCaps(words[i + 1]?.[0] ?? ''));
    let next = word;
    // a name after a place word ends at punctuation ("JALAN X, PELAKU ...")
    if (/[^\s]/.test(text.slice(last, m.index))) afterPlaceWord = 0;
    if (inRun) {
      const lower = word.toLocaleLowerCase('id-ID');
      // a place word starts a name only after a preposition ("DI JALAN X"), not in "DUA DUSUN"
      const before = words[i - 1]?.[0].toLowerCase();
      const nameFollows = PEMICU_NAMA.has(lower) && caps[i + 1] && !KATA_TUGAS.has(words[i + 1][0].toLowerCase())
        && (before === undefined || PREPOSISI_TEMPAT.has(before));
      next = lower === 'jl' && text[m.index + 2] !== '.' ? 'Jl.'
        : KATA_KAPITAL.get(lower) ?? known.get(lower) ?? ((afterPlaceWord > 0 && !KATA_TUGAS.has(lower)) || nameFollows ? capital(lower) : lower);
    }
    const lowerNext = next.toLowerCase();
    afterPlaceWord = PEMICU_NAMA.has(lowerNext) && /\p{Lu}/u.test(next[0]) ? 3 : afterPlaceWord > 0 && !KATA_TUGAS.has(lowerNext) && /\p{Lu}/u.test(next[0]) ? afterPlaceWord - 1 : 0;
    out += text.slice(last, m.index) + next;
    last = m.index + word.length;
  }
  return out + text.slice(last);
}

/** Names of two words or more written in lower case get their case back ("kebayoran baru"). */
function namaDiri(text: string, names: readonly string[]): string {
  let lower: string | null = null;
  for (const name of names) {
    if (!name.includes(' ') || name.length < 5) continue;
    lower ??= text.toLowerCase();
    const key = name.toLowerCase();
    let at = lower.indexOf(key);
    while (at >= 0) {
      const before = at === 0 ? ' ' : text[at - 1];
      const after = text[at + key.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) text = text.slice(0, at) + name + text.slice(at + key.length);
      at = lower.indexOf(key, at + key.length);
    }
  }
  return text;
}

/** A capital at the start of the text and of every sentence. */
function awalKalimat(text: string): string {
  return text.replace(/(^|[.!?]["”’)]? )(["“‘(]?)(\p{Ll})/gu, (m, end: string, open: string, letter: string, offset: number) => {
    if (end.startsWith('.') && !endsSentence(text, offset)) return m;
    return `${end}${open}${letter.toLocaleUpperCase('id-ID')}`;
  });
}

/**
 * A commander's title: words in capitals lowered (acronyms and known words kept) so that the
 * headline helper can put it in title case.
 */
export function rapikanJudul(input: string, namaDiriCerita: readonly string[] = []): string {
  const text = rapikan(input, { tanpaEmoji: true, namaDiri: namaDiriCerita });
  return text.replace(/[.!]+$/u, '');
}
