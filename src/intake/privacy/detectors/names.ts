/**
 * Names: the story's own citizens (the complainant, the feedback author), whom the service knows,
 * wherever their name appears: every part of three letters or more, with or without a form of
 * address (Bapak, Ibu, Pak, Bu, Mama, Daeng ...), in any case. And an account holder's name after
 * "a.n." / "atas nama".
 *
 * A known name is replaced as consent allows, never with a placeholder: initials ("B.S."), or the
 * role word ("pelapor") when nothing of the person may be published; with full-name consent it
 * stays. An officer who shares a name part ("Bripka Budi Hartono" beside a citizen "Budi
 * Santoso") keeps it: a rank or position before the name says it is not the citizen.
 */
import { initialsOf, nameWords } from '../consent';
import type { DetectionContext, Hit, KnownCitizen } from './detector';
import { ORDINARY_WORDS } from './ordinary-words';

/** Forms of address written before a name; they go with it. */
export const FORMS_OF_ADDRESS = [
  'bapak', 'pak', 'bpk', 'ibu', 'bu', 'mama', 'mamah', 'mamak', 'papa', 'daeng', 'dg', 'mas', 'mbak', 'mba', 'kak', 'kakak', 'bang', 'abang',
  'uda', 'uni', 'teteh', 'teh', 'akang', 'kang', 'bli', 'mbok', 'om', 'tante', 'opung', 'ompung', 'inang', 'amang', 'cak', 'ning', 'sdr',
  'sdri', 'saudara', 'saudari', 'tuan', 'tn', 'nyonya', 'ny', 'nona', 'nn', 'haji', 'h', 'hj', 'hajjah', 'ustadz', 'ustad', 'ust',
  'ustazah', 'dr', 'drs', 'dra', 'ir', 'prof', 'almarhum', 'alm', 'almh', 'nenek', 'kakek', 'mbah', 'eyang', 'oma', 'opa', 'ama', 'ina',
];
/** Words a role is told by: "pelapor Budi Santoso" keeps "pelapor" and loses the name. */
const ROLE_BEFORE = /(?:^|[^\p{L}])(pelapor|korban|warga|saudara|saudari|sdr|sdri|pemilik|penumpang|pengendara|pengemudi|nasabah|ibunda|ayahanda|suami|istri|anak)\s+$/iu;
/** Ranks and positions: a name after them is an officer's. */
const OFFICER_BEFORE =
  /(?:kompol|akp|iptu|ipda|aiptu|aipda|bripka|brigadir|brigpol|briptu|bripda|abrip|abriptu|abripda|bharaka|bharatu|bharada|akbp|kombes|brigjen|irjen|komjen|jenderal|pol\.?|kapolsek|kapolres|kapolresta|kapolrestabes|kapolda|wakapolsek|wakapolres|kanit|kasat|kasi|kasubsi|panit|bhabinkamtibmas|penyidik|petugas|anggota|personel|ps\.?|plt\.?)\s+$/iu;
/**
 * Name parts that are also ordinary words: they count only beside another part of the name or a
 * form of address, or capitalised inside a sentence ("budi pekerti", "jalan raya", "bulan ini").
 */
const COMMON_WORDS = new Set([
  'indah', 'jaya', 'raya', 'agung', 'mulia', 'putra', 'putri', 'sari', 'bunga', 'cahaya', 'bayu', 'rahmat', 'budi', 'sehat', 'bahagia',
  'lestari', 'setia', 'harapan', 'intan', 'mawar', 'melati', 'permata', 'murni', 'suci', 'tulus', 'ikhlas', 'sabar', 'bagus', 'kurnia',
  'rezeki', 'iman', 'fajar', 'bintang', 'bulan', 'surya', 'embun', 'angin', 'hujan', 'pelangi', 'langit', 'mentari', 'laut', 'samudra',
  'gunung', 'ratu', 'raja', 'kasih', 'sayang', 'rindu', 'cinta', 'manis', 'ayu', 'adi', 'besar', 'baru', 'utama', 'sejati', 'abadi',
  'wangi', 'sinar', 'terang', 'pertiwi', 'nusantara', 'merdeka', 'perdana', 'pratama', 'kencana', 'emas', 'perak', 'rani', 'dewa', 'jati',
  'made', 'putu', 'kadek', 'komang', 'gede', 'gusti', 'anak', 'ida', 'bagus', 'ngurah', 'wayan', 'nyoman', 'ketut', 'cokorda',
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FORM_SOURCE = `(?:${FORMS_OF_ADDRESS.map(escape).sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** What a known citizen's name becomes where it appears, as their consent allows. */
function replacementFor(citizen: KnownCitizen): string | null {
  if (citizen.consentLevel === 'name') return null;
  if (citizen.consentLevel === 'initials') {
    const initials = initialsOf(nameWords(citizen.name ?? ''));
    if (initials) return initials;
  }
  return citizen.roleWord;
}

function namePartsOf(name: string): string[] {
  const parts = (name.normalize('NFKC').match(/[\p{L}][\p{L}'’\-]*/gu) ?? [])
    .map((p) => p.replace(/['’\-]+$/, ''))
    .filter((p) => [...p].length >= 3 && !FORMS_OF_ADDRESS.includes(p.toLowerCase()) && !/^(?:bin|binti|van|von|de|der)$/i.test(p));
  return [...new Set(parts.map((p) => p.toLowerCase()))];
}

/** A name's parts in a row, with a form of address before them: group 1 the form, group 2 the name. */
function nameRegex(name: string): RegExp {
  const parts = namePartsOf(name);
  // a name without a part of three letters ("Al") is not looked for: it would hit ordinary words
  if (parts.length === 0) return /(?!)/g;
  const part = `(?:${parts.map(escape).sort((a, b) => b.length - a.length).join('|')})`;
  return new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9])(?:(${FORM_SOURCE})\\s+)?(${part}(?:\\s+(?:${part}|[A-Z]\\.))*)(?![A-Za-z\\u00c0-\\u024f0-9])`, 'gi');
}

function startsSentence(text: string, at: number): boolean {
  return /(?:^|[.!?]["”’)]?\s+|\n\s*|["“(]\s*)$/.test(text.slice(Math.max(0, at - 4), at));
}

function knownNameHits(text: string, citizen: KnownCitizen, inQuote: boolean, out: Hit[]): void {
  const replacement = replacementFor(citizen);
  if (replacement === null || !citizen.name) return;
  for (const m of text.matchAll(nameRegex(citizen.name))) {
    const form = m[1];
    const names = m[2];
    const at = m.index!;
    const namesAt = at + m[0].length - names.length;
    const before = text.slice(Math.max(0, at - 30), at);
    if (OFFICER_BEFORE.test(before)) continue;
    const words = names.split(/\s+/);
    // an ordinary word of press texts on its own is the word ("warga"), not the citizen "Warga Demo"
    if (!form && words.length === 1 && ORDINARY_WORDS.has(words[0].toLowerCase())) continue;
    if (!form && words.length === 1 && COMMON_WORDS.has(words[0].toLowerCase())) {
      // a lone common word counts only written as a name: capitalised, not in an all-capitals line
      if (!/^\p{Lu}\p{Ll}/u.test(words[0])) continue;
    }
    if (inQuote) {
      out.push({ kind: 'name', start: at, end: at + m[0].length });
      continue;
    }
    const role = ROLE_BEFORE.exec(before);
    if (citizen.consentLevel !== 'initials' && role) {
      // "pelapor Budi Santoso" -> "pelapor": the role word already says who
      const spaceAt = at - (before.length - before.trimEnd().length);
      out.push({ kind: 'name', start: spaceAt, end: at + m[0].length, replacement: '' });
      continue;
    }
    if (citizen.consentLevel === 'initials' && form) {
      out.push({ kind: 'name', start: namesAt, end: namesAt + names.length, replacement });
      continue;
    }
    const text0 = startsSentence(text, at) ? replacement.charAt(0).toLocaleUpperCase('id-ID') + replacement.slice(1) : replacement;
    out.push({ kind: 'name', start: at, end: at + m[0].length, replacement: text0 });
  }
}

/**
 * "a.n. Budi Santoso", "an. Dedi Kurniawan", "AN: TOMMY GUNAWAN", "a/n budi hartono", "atas nama
 * toko_berkah88", and "5271234569 / Fikri Maulana": the holder of an account, not a position
 * ("a.n. Kapolres", "atas nama pimpinan").
 */
const HOLDER_WORD = '(?:a\\.\\s?n(?:\\.|(?![A-Za-z]))|a\\/n|an\\.|an\\s*:|atas nama)';
const HOLDER_NAME = "(?:[A-Za-z\\u00c0-\\u024f][A-Za-z\\u00c0-\\u024f'’\\-]*\\.?|[A-Za-z0-9_.]*[_0-9][A-Za-z0-9_.]*)";
const HOLDER = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9])${HOLDER_WORD}\\s*:?\\s*(${HOLDER_NAME}(?:[ \\t]+${HOLDER_NAME}){0,3})`, 'gi');
/** "an" alone is a holder only right after a number ("137-00-1234567-8 an Dewi Sartika"). */
const HOLDER_AFTER_NUMBER = /(?<=\d)\s+an\s+((?:[A-Za-z][A-Za-z'’\-]*[ \t]*){1,4})/g;
const HOLDER_AFTER_SLASH = /(?<=\d)\s+\/\s+([A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,3})/g;
const NOT_A_HOLDER = /^(?:inisial|tersangka|tsk|korban|pelapor|kapolsek|kapolres|kapolresta|kapolrestabes|kapolda|kapolri|wakapolres|wakapolda|kasat|kanit|pimpinan|polri|polres|polsek|polda|institusi|kepala|direktur|ketua|sekretaris|menteri|gubernur|bupati|walikota|wali|camat|lurah|presiden|negara|pemerintah|satuan|kesatuan|keluarga besar)/i;
/** Words that end a holder's name when it is written in lower case ("a/n budi hartono lalu ..."). */
const AFTER_NAME = /\s+(?:lalu|dan|yang|yg|untuk|sebesar|senilai|sejumlah|pada|di|ke|dari|via|lewat|dengan|tapi|namun|kemudian|karena|sebagai|sdh|sudah)\b[\s\S]*$/i;

function holderHits(text: string, out: Hit[]): void {
  if (!/a\.\s?n|a\/n|atas nama|\ban[.:\s]|\d\s+\/\s+[A-Z]/i.test(text)) return;
  for (const m of text.matchAll(HOLDER)) {
    const name = m[1].replace(AFTER_NAME, '').trimEnd();
    if (!name || NOT_A_HOLDER.test(name)) continue;
    const end = m.index! + m[0].length - m[1].length + name.length;
    out.push({ kind: 'bank', start: m.index!, end });
  }
  for (const re of [HOLDER_AFTER_NUMBER, HOLDER_AFTER_SLASH]) {
    for (const m of text.matchAll(re)) {
      const name = m[1].replace(AFTER_NAME, '').trimEnd();
      if (!name || NOT_A_HOLDER.test(name)) continue;
      out.push({ kind: 'bank', start: m.index!, end: m.index! + m[0].length - m[1].length + name.length });
    }
  }
}

export function detectNames(text: string, ctx: DetectionContext, out: Hit[]): void {
  for (const citizen of ctx.citizens ?? []) knownNameHits(text, citizen, ctx.namesInQuotes === true, out);
  holderHits(text, out);
}
