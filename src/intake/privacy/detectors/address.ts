/**
 * Home addresses: a street word (Jl, Jalan, Lorong, Komplek, Perum, Perumnas, Apartemen, Kampung
 * ...) with a name and a house number, written with or without "No." ("Jl Melati 17", "Jalan
 * Melati nomer 17", "Perum Griya Asri Blok C-12", "Tower Jasmine lt. 12 unit 12AB", "nomor tujuh
 * belas"), or with an RT ("Kp. Rawa Bebek RT 005/010"); an alley (Gg./Gang) with its name even
 * without a number (an alley is a handful of houses); RT/RW numbers in any order and spelling;
 * "rumah(nya) (yang) nomor 17".
 *
 * A street named without a number ("Jalan Sudirman", "Jl. Ahmad Yani Km 5") is a place, often
 * the scene of a public event, and stays.
 */
import type { DetectionContext, Hit } from './detector';

const ci = (words: string[]) => `(?:${words.join('|')})`;
const L = 'A-Za-z\\u00c0-\\u024f';
const STREET = ci([
  'jl', 'jln', 'jalan', 'lr', 'lrg', 'lorong', 'komp', 'komplek', 'kompleks', 'perum', 'perumnas', 'perumahan', 'cluster', 'klaster', 'griya',
  'villa', 'vila', 'apartemen', 'apt', 'rusun', 'rusunawa', 'asrama', 'ruko', 'rukan', 'kp', 'kampung', 'dusun', 'dsn',
]);
const ALLEY = ci(['gg', 'gang']);
/** Words that end a street's name: what follows them is not its house number ("Jalan Sudirman pada 17 Agustus"). */
const STOP = ci(['di', 'dan', 'yang', 'yg', 'ke', 'dari', 'untuk', 'pada', 'sejak', 'hingga', 'sekitar', 'pukul', 'tanggal', 'tgl', 'sebanyak',
  'selama', 'sampai', 'dengan', 'oleh', 'atau', 'arah', 'menuju', 'sekira', 'kurang', 'lebih', 'tahun', 'km', 'rp', 'sebesar', 'senilai']);
const HOUSE_WORD_LIST = ['no', 'n0', 'nomor', 'nomer', 'nmr', 'nr', 'nmor', 'unit', 'kamar', 'lantai', 'lt'];
const HOUSE_WORD = ci(HOUSE_WORD_LIST);
/** A name word is never a house word before its number ("No. 12"), nor a block, lot or RT ("Blok C", "RT 05"). */
const HOUSE_WORDS = `(?:${HOUSE_WORD}\\b\\.?\\s*:?\\s*\\d|${ci(['blok', 'kav', 'kavling', 'rt', 'rw'])}\\b)`;
/** A lower-case verb ("menjaring", "berada", "terletak") is no part of a street's name. */
const VERB = /^(?:me|mem|men|meng|meny|ber|ter)[a-z]{3,}$/;
/**
 * A word of a street's name: letters (a digit inside, "M3lati"), apostrophes, hyphens, an
 * abbreviation ("K.H."), roman numerals; "Km 27" on a long road; a number before a name ("17 Agustus").
 */
const NAME_WORD = `(?:(?!${STOP}\\b)(?!${HOUSE_WORDS})(?!(?:jl|jln|jalan)\\b)[${L}][${L}0-9'’\\-]*\\.?|km\\.?\\s*\\d{1,3}(?:[.,]\\d{1,3})?|\\d{1,3}(?=\\s+[${L}]))`;
/** Between name words: a space, a comma, or nothing after an abbreviation's full stop ("K.H.Hasyim"). */
const NAME_SEP = '(?:,?\\s+|,|(?<=\\.))';
/** Numbers written as words, up to ninety-nine: "tujuh belas", "dua puluh satu". */
const ONES = ci(['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan']);
const NUMBER_WORDS = `(?:${ONES}\\s+puluh(?:\\s+${ONES})?|${ONES}\\s+belas|sepuluh|sebelas|${ONES})`;
/** A house number in digits; not the start of a longer number ("nomor 62 813 1122 3344" is a phone). */
const DIGITS = `[A-Za-z]?\\d{1,4}[A-Za-z]{0,2}(?:\\s*[/\\-]\\s*[A-Za-z]?\\d{1,4}[A-Za-z]?)?(?![ \\u00a0.,\\-/]?\\d)`;
/** After a house word, also in words ("nomor tujuh belas"); bare, only in digits ("Jl Kelapa Dua" is a name). */
const NUMBER = `(?:${DIGITS}|${NUMBER_WORDS}\\b)`;
const RT_RW =
  `(?:rt\\s*/\\s*rw\\.?\\s*:?\\s*\\d{1,3}\\s*/\\s*\\d{1,3}` +
  `|rt\\.?\\s*:?\\s*\\d{1,3}\\s*/\\s*\\d{1,3}` +
  `|rt\\.?\\s*:?\\s*\\d{1,3}(?:\\s*[/,]?\\s*rw\\.?\\s*:?\\s*\\d{1,3})?` +
  `|rw\\.?\\s*:?\\s*\\d{1,3}\\s*[/,]?\\s*rt\\.?\\s*:?\\s*\\d{1,3})`;
const HOUSE_PART =
  `(?:${HOUSE_WORD}\\.?\\s*:?\\s*${NUMBER}` +
  `|#\\s*${NUMBER}` +
  `|blok\\s*\\.?\\s*[A-Za-z0-9]{1,3}(?:\\s*[-./]?\\s*\\d{1,4}[A-Za-z]?)?` +
  `|kav(?:ling)?\\.?\\s*${NUMBER}` +
  `|${RT_RW})`;
/** The house: its first part (or a bare number), then up to two more ("Blok 5 lantai 3 no 305"). */
const HOUSE = `(?:${HOUSE_PART}|${DIGITS})(?:,?\\s*${HOUSE_PART}){0,2}`;
/** What a bare number after a street name must not be: a distance, a count, a time, a date. */
const NOT_A_HOUSE =
  /^\s*(?:km|kilo|meter|m\b|menit|jam|orang|unit|personel|tahun|kali|hari|pukul|wib|wita|wit|%|jan|feb|mar|apr|mei|jun|jul|agu|ags|sep|okt|nov|des)/i;
/** After an address: not more of a word or number, and not inside an e-mail address ("Gg. Mawar nomor a0.b@x.id"). */
const END = `(?![${L}0-9])(?![ \\u00a0.,\\-/]?\\d)(?![\\w.%+\\-]*@)`;

const STREET_ADDRESS = new RegExp(
  `(?<![${L}0-9])${STREET}(?:\\.\\s*|\\s+)(?!km\\b)((?:${NAME_WORD}${NAME_SEP}){1,6}),?\\s*(${HOUSE})${END}(?:,?\\s*${RT_RW}${END})?`,
  'gid',
);
const ALLEY_ADDRESS = new RegExp(
  `(?<![${L}0-9])${ALLEY}(?:\\.\\s*|\\s+)(${NAME_WORD}|\\d{1,3})(?:\\s+(?!(?:di|dan|yang|yg|ke|dari|untuk|pada|rt|rw|no|nomor)\\b)(?:${NAME_WORD}|[IVX]{1,4}|\\d{1,3}))?(?:\\s+[IVX]{1,4}\\b)?(?:,?\\s*(?:${HOUSE})${END})?(?:,?\\s*${RT_RW}${END})?`,
  'gi',
);
const RT_RW_ALONE = new RegExp(`(?<![${L}0-9])${RT_RW}${END}`, 'gi');
/** "rumah nomor 17", "rumahnya yg no 17", "rumah korban no. 45B". */
const HOME_NUMBER = new RegExp(
  `(?<![${L}0-9])(?:rumah|kediaman|kontrakan|kos|kost|indekos|tempat tinggal)(?:nya)?(?:\\s+(?:yg|yang|korban|pelapor|saya|warga|terlapor|tersangka|kami))?\\s+${HOUSE_WORD}\\.?\\s*${NUMBER}${END}`,
  'gi',
);
/** Every address starts with one of these words: the patterns are tried only where one stands. */
const ANCHOR =
  /(?<![A-Za-z\u00c0-\u024f0-9])(?:jl|jln|jalan|gg|gang|lr|lrg|lorong|komp|komplek|kompleks|perum|perumnas|perumahan|cluster|klaster|griya|villa|vila|apartemen|apt|rusun|rusunawa|asrama|ruko|rukan|kp|kampung|dusun|dsn|rt|rw|rumah|kediaman|kontrakan|kos|kost|indekos|tempat tinggal)(?:nya)?(?![a-z])/gi;

/** The same pattern, tried at one position only (sticky): a release holds a dozen anchors, not thousands of positions. */
const sticky = (re: RegExp) => new RegExp(re.source, `${re.flags.replace('g', '')}y`);
const AT_ANCHOR = { street: sticky(STREET_ADDRESS), alley: sticky(ALLEY_ADDRESS), rt: sticky(RT_RW_ALONE), home: sticky(HOME_NUMBER) };

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

export function detectAddresses(text: string, _ctx: DetectionContext, out: Hit[]): void {
  for (const anchor of text.matchAll(ANCHOR)) {
    const at = anchor.index!;
    const street = matchAt(AT_ANCHOR.street, text, at);
    if (street && isAddress(street, text)) out.push({ kind: 'address', start: at, end: at + street[0].length });
    const alley = matchAt(AT_ANCHOR.alley, text, at);
    // "Gg. Mawar", "gg mawar 3": a named alley; "masuk gang sempit" is a description
    if (alley && (/^[\p{Lu}\d]/u.test(alley[1]) || /\d/.test(alley[0].slice(alley[0].indexOf(alley[1]) + alley[1].length)))) {
      out.push({ kind: 'address', start: at, end: at + alley[0].trimEnd().length });
    }
    for (const re of [AT_ANCHOR.rt, AT_ANCHOR.home]) {
      const m = matchAt(re, text, at);
      if (m) out.push({ kind: 'address', start: at, end: at + m[0].trimEnd().length });
    }
  }
}

/** A street with a number is an address unless the number is clearly something else. */
function isAddress(m: RegExpExecArray, text: string): boolean {
  const house = m[2];
  const houseAt = m.indices![2]![0];
  const bare = /^\d{1,4}[A-Za-z]{0,2}(?:\s*[/\-]\s*[A-Za-z]?\d{1,4}[A-Za-z]?)?$/.test(house);
  if (!bare) return true;
  // a bare number after the street name must be a house number, not "Km 5", "17 orang", a year, a date
  if (NOT_A_HOUSE.test(text.slice(houseAt + house.length)) || /^(?:19|20)\d\d$/.test(house)) return false;
  // after a comma, a long run of words or a verb, only a written house number counts ("Jalan warga, 01/01")
  const words = m[1].trim().split(/\s+/);
  return !/,/.test(m[1]) && words.length <= 3 && !words.some((w) => VERB.test(w));
}
