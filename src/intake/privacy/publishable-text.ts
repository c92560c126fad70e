/**
 * From stored (masked) text to text that may be published (issue 16): no placeholder is ever
 * published. A reader who sees "[nomor telepon disamarkan]" sees the police hiding something, so
 * the clause that needed the mask is rephrased or dropped instead:
 *
 *  - a parenthesis holding a mask goes: "Pelapor (HP [...], NIK [...]) datang" -> "Pelapor datang";
 *  - an address after a place word becomes the neighbourhood: "menginap di [alamat disamarkan]"
 *    -> "menginap di kawasan Gandaria Utara" (or "di kediamannya" without one);
 *  - a number with the words that announce it goes: "dapat dihubungi di nomor HP [...]" ->
 *    "dapat dihubungi", "motor bernopol [...]" -> "motor";
 *  - what still holds a mask loses its clause (between commas), or else its sentence.
 *
 * Quotes are the citizen's own words: they are never rewritten, so a sentence of a quote that
 * needed a mask is left out, and a quote with too little left is left out whole.
 *
 * Pure functions, no I/O.
 */

const MASK = '\\[(?:NIK|nomor telepon|email|nomor polisi|alamat|nomor rekening|nama) disamarkan\\]';
const HAS_MASK = new RegExp(MASK);
const MASK_G = new RegExp(MASK, 'g');
const ADDRESS_MASK = /\[alamat disamarkan\]/;

/** "(HP [..], NIK [..])", "[..]" inside any parenthesis. */
const PARENTHESIS_WITH_MASK = new RegExp(`\\s*\\([^()]*${MASK}[^()]*\\)`, 'g');
/** The masks of numbers and e-mail addresses: what the words before them announce. */
const NUMBER_MASK = '\\[(?:NIK|nomor telepon|email|nomor polisi|nomor rekening) disamarkan\\]';
/** Words that announce a number, with the number's mask: they go together ("dengan nomor HP [..]", "bernopol [..]"). */
const ANNOUNCED_MASK = new RegExp(
  `(?:\\s*,)?\\s*(?:(?:yang\\s+)?(?:dapat|bisa)\\s+dihubungi\\s+)?(?:(?:di|ke|melalui|lewat|via|dengan|dgn|pada)\\s+)?` +
    `(?:(?:nomor|no\\.?|nmr)\\s+)?` +
    `(?:(?:hp|handphone|telepon|telp\\.?|tlp|ponsel|wa|whatsapp|kontak|nik|ktp|e-?mail|surel|rekening|rek\\.?|dana|ovo|gopay|` +
    `shopeepay|linkaja|(?:nomor|no\\.?)\\s+polisi|nopol|pelat(?:\\s+nomor)?|plat(?:\\s+nomor)?|tnkb)\\s*:?\\s*)?` +
    `(?:ber(?:nopol|pelat|plat)(?:\\s+nomor)?\\s*)?` +
    `(?:(?:milik|atas nama|a\\.n\\.)\\s+)?${NUMBER_MASK}(?:\\s+(?:a\\.n\\.|atas nama)\\s+${NUMBER_MASK})?`,
  'gi',
);
/** A place word before an address: the address becomes the neighbourhood. */
const PLACE_BEFORE_ADDRESS = /\b((?:rumah|kediaman)(?:nya)?(?:\s+di)?|tinggal di|beralamat(?: di)?|di|ke|dari|menuju|sekitar|depan|dekat)\s+\[alamat disamarkan\]/gi;

export interface PublishableOptions {
  /** The kelurahan of the report, when it may be named (not for sensitive stories). */
  neighbourhood?: string | null;
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/,\s*,/g, ',')
    .replace(/([,;:])\s*([.!?])/g, '$2')
    .replace(/(^|[.!?]\s+),\s*/g, '$1')
    .replace(/\s+,/g, ',')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\s+/, '');
}

/**
 * A full stop that does not end a sentence: after an initial ("B.S."), a title or a common
 * abbreviation ("No.", "Jl.", "a.n.", "Rp.", "dll."), or inside a number.
 */
const NOT_AN_END = /(?:^|[\s(.])(?:\p{Lu}|no|jl|jln|gg|kel|kec|kab|kp|dr|drs|ir|h|hj|sdr|sdri|bpk|ny|tn|a\.n|dll|dsb|dst|rp|pol|st|km|tgl|pkl|ps|plt|an)\.$|\d\.$/iu;

/** Sentences of a text, each with its closing punctuation and the space after it. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["”’)]*(?:\s+|$)|\n+/g)) {
    const end = m.index! + m[0].length;
    const upToStop = text.slice(start, m.index! + 1);
    // "B.S. melaporkan", "No. 5": not an end; nor before a lower-case word
    const next = text.slice(end, end + 1);
    if (m[0][0] === '.' && m[0].trim().length === 1 && (NOT_AN_END.test(upToStop) || /\p{Ll}/u.test(next))) continue;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function capitaliseFirst(sentence: string): string {
  return sentence.replace(/^(\s*["“(]?)(\p{Ll})/u, (_m, before: string, ch: string) => before + ch.toLocaleUpperCase('id-ID'));
}

/** Drops the clause (between commas) of a sentence that holds a mask, or the whole sentence. */
function dropMaskedClauses(sentence: string): string {
  if (!HAS_MASK.test(sentence)) return sentence;
  const end = sentence.match(/[.!?]+["”’)]*\s*$|\n+$/)?.[0] ?? '';
  const body = sentence.slice(0, sentence.length - end.length);
  const clauses = body.split(/,\s*/);
  const kept = clauses.filter((c) => !HAS_MASK.test(c));
  // the first clause carries the subject and verb: without it, what is left does not stand
  if (kept.length === 0 || HAS_MASK.test(clauses[0])) return '';
  return kept.join(', ') + (end || '. ');
}

/** A sentence whose point was how to reach the person: nothing of it is worth keeping. */
const CONTACT_SENTENCE = /\b(?:hubungi|dihubungi|menghubungi|kontak|nomor yang bisa|hp-?nya|no\.? hp)\b/i;
/** Fewer words than this left of a sentence: it no longer says anything ("Korban."). */
const MIN_SENTENCE_WORDS = 2;

/**
 * An address after a place word becomes the neighbourhood ("menginap di kawasan Gandaria Utara"),
 * or without one the person's home ("di depan kediamannya", "rumahnya"); "beralamat di [..]"
 * without a neighbourhood keeps its mask, and its clause goes.
 */
function neighbourhoodFor(match: string, word: string, neighbourhood: string | null | undefined): string {
  const home = /^(rumah|kediaman|tinggal|beralamat)/i.test(word);
  const bare = word.replace(/\s+di$/i, '');
  if (neighbourhood) return home ? `${bare} di kawasan ${neighbourhood}` : `${word} kawasan ${neighbourhood}`;
  if (/^(beralamat|tinggal)/i.test(word)) return match;
  return home ? bare : `${word} kediamannya`;
}

/** Leaves out the clauses of a sentence that give a way to reach someone and held a mask ("..., hubungi [...]"). */
function dropContactClauses(sentence: string): string {
  const clauses = sentence.split(/(?<=,)\s*/);
  if (CONTACT_SENTENCE.test(clauses[0]) && HAS_MASK.test(sentence)) return '';
  const kept = clauses.filter((c) => !(CONTACT_SENTENCE.test(c) && HAS_MASK.test(c)));
  if (kept.length === clauses.length) return sentence;
  const end = sentence.match(/[.!?]+["”’)]*\s*$/)?.[0] ?? '';
  return kept.join(' ').replace(/,\s*$/, '') + (end || '');
}

function publishableSentence(sentence: string, opts: PublishableOptions): string {
  if (!HAS_MASK.test(sentence)) return sentence;
  let out = dropContactClauses(sentence);
  if (!out) return '';
  out = out.replace(PARENTHESIS_WITH_MASK, '');
  out = out.replace(PLACE_BEFORE_ADDRESS, (match: string, word: string) => neighbourhoodFor(match, word, opts.neighbourhood));
  out = dropMaskedClauses(out.replace(ANNOUNCED_MASK, ''));
  const words = out.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words < MIN_SENTENCE_WORDS ? '' : capitaliseFirst(out);
}

/** Narrative text (summary, resolution, stage labels, narrative) as it may be published. */
export function publishableText(text: string, opts: PublishableOptions = {}): string {
  if (!text || !HAS_MASK.test(text)) return text;
  const kept = splitSentences(text).map((s) => publishableSentence(s, opts)).join('');
  return tidy(kept.replace(MASK_G, ''));
}

/** The fewest words a quote keeps to be worth quoting once sentences are left out. */
const MIN_QUOTE_WORDS = 4;

/**
 * A citizen's quote as it may be published: sentences that needed a mask are left out (their
 * words are never rewritten); null when too little is left.
 */
export function publishableQuote(quote: string | null | undefined): string | null {
  if (!quote) return null;
  if (!HAS_MASK.test(quote)) return quote;
  const kept = splitSentences(quote).filter((s) => !HAS_MASK.test(s) && !ADDRESS_MASK.test(s)).join('').trim();
  return kept.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= MIN_QUOTE_WORDS ? kept : null;
}

/** True when the text still holds a mask placeholder (it must never be published). */
export function holdsMask(text: string): boolean {
  return HAS_MASK.test(text);
}
