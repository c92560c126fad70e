/**
 * Home addresses: a street word (Jl, Jalan, Gg, Gang, Lorong, Komplek, Perum, ...) with a name
 * and a house number, written with or without "No." ("Jl Melati 17", "Jalan Melati nomer 17",
 * "Perum Griya Asri Blok C-12"); an alley (Gg./Gang) with its name even without a number (an
 * alley is a handful of houses); RT/RW numbers; "rumah nomor 17".
 *
 * A street named without a number ("Jalan Sudirman", "Jl. Ahmad Yani Km 5") is a place, often
 * the scene of a public event, and stays.
 */
import type { DetectionContext, Hit } from './detector';

const ci = (words: string[]) => `(?:${words.join('|')})`;
const STREET = ci(['jl', 'jln', 'jalan', 'lr', 'lrg', 'lorong', 'komp', 'komplek', 'kompleks', 'perum', 'perumahan', 'cluster', 'klaster', 'griya', 'villa', 'vila', 'apartemen', 'apt', 'rusun', 'rusunawa', 'asrama']);
const ALLEY = ci(['gg', 'gang']);
/** Words that end a street's name: what follows them is not its house number ("Jalan Sudirman pada 17 Agustus"). */
const STOP = ci(['di', 'dan', 'yang', 'ke', 'dari', 'untuk', 'pada', 'sejak', 'hingga', 'sekitar', 'pukul', 'tanggal', 'tgl', 'sebanyak',
  'selama', 'sampai', 'dengan', 'oleh', 'atau', 'arah', 'menuju', 'sekira', 'kurang', 'lebih', 'tahun', 'km', 'rp', 'sebesar', 'senilai']);
/** A word of a street's name: letters (any script), apostrophes, hyphens; roman numerals included. */
const NAME_WORD = `(?:(?!${STOP}\\b)[A-Za-z\\u00c0-\\u024f][A-Za-z\\u00c0-\\u024f'’\\-]*\\.?|km\\.?\\s*\\d{1,3}(?:[.,]\\d{1,3})?)`;
const HOUSE_WORD = ci(['no', 'nomor', 'nomer', 'nmr', 'nr', 'nmor']);
/** A house number; not the start of a longer number ("nomor 62 813 1122 3344" is a phone). */
const NUMBER = '[A-Za-z]?\\d{1,4}[A-Za-z]?(?:\\s*[/\\-]\\s*[A-Za-z]?\\d{1,4}[A-Za-z]?)?(?![ \\u00a0.,\\-/]?\\d)';
const HOUSE =
  `(?:${HOUSE_WORD}\\.?\\s*:?\\s*${NUMBER}` +
  `|#\\s*${NUMBER}` +
  `|blok\\s*\\.?\\s*[A-Za-z]{1,3}\\s*[-.]?\\s*\\d{0,4}[A-Za-z]?(?:\\s*(?:${HOUSE_WORD})\\.?\\s*${NUMBER})?` +
  `|kav(?:ling)?\\.?\\s*${NUMBER}` +
  `|${NUMBER})`;
/** What a bare number after a street name must not be: a distance, a count, a time. */
const NOT_A_HOUSE =
  /^\s*(?:km|kilo|meter|m\b|menit|jam|orang|unit|personel|tahun|kali|hari|pukul|wib|wita|wit|%|jan|feb|mar|apr|mei|jun|jul|agu|ags|sep|okt|nov|des)/i;
const RT_RW =
  `(?:rt\\s*/\\s*rw\\.?\\s*:?\\s*\\d{1,3}\\s*/\\s*\\d{1,3}` +
  `|rt\\.?\\s*:?\\s*\\d{1,3}(?:\\s*[/,]?\\s*rw\\.?\\s*:?\\s*\\d{1,3})?)`;
const END = '(?![A-Za-z\\u00c0-\\u024f0-9])(?![ \\u00a0.,\\-/]?\\d)';

const STREET_ADDRESS = new RegExp(
  `(?<![A-Za-z\\u00c0-\\u024f0-9])${STREET}(?:\\.\\s*|\\s+)(?!km\\b)((?:${NAME_WORD}(?:,?\\s+|,)){1,6}?),?\\s*(${HOUSE})${END}(?:,?\\s*${RT_RW}${END})?`,
  'gid',
);
const ALLEY_ADDRESS = new RegExp(
  `(?<![A-Za-z\\u00c0-\\u024f0-9])${ALLEY}(?:\\.\\s*|\\s+)(${NAME_WORD}|\\d{1,3})(?:\\s+(?!(?:di|dan|yang|ke|dari|untuk|pada|rt|rw|no|nomor)\\b)(?:${NAME_WORD}|[IVX]{1,4}|\\d{1,3}))?(?:\\s+[IVX]{1,4}\\b)?(?:,?\\s*(?:${HOUSE})${END})?(?:,?\\s*${RT_RW}${END})?`,
  'gi',
);
const RT_RW_ALONE = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9])${RT_RW}${END}`, 'gi');
const HOME_NUMBER = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9])(?:rumah|kediaman|kontrakan|kos|kost|indekos|tempat tinggal)(?:nya)?\\s+${HOUSE_WORD}\\.?\\s*${NUMBER}${END}`, 'gi');
const MAY_HAVE_ADDRESS = /\b(?:jl|jln|jalan|gg|gang|lr|lrg|lorong|komp|komplek|kompleks|perum|perumahan|cluster|klaster|griya|villa|vila|apartemen|apt|rusun|rusunawa|asrama|rt|rumah|kediaman|kontrakan|kos|kost|indekos|tempat tinggal)(?:nya)?\b/i;

export function detectAddresses(text: string, _ctx: DetectionContext, out: Hit[]): void {
  if (!MAY_HAVE_ADDRESS.test(text)) return;
  for (const m of text.matchAll(STREET_ADDRESS)) {
    const house = m[2];
    const houseAt = m.indices![2]![0];
    // a bare number after the street name must be a house number, not "Km 5", "17 orang", "2 jam", a year
    if (/^\d/.test(house) && (NOT_A_HOUSE.test(text.slice(houseAt + house.length)) || /^(?:19|20)\d\d$/.test(house))) continue;
    // after a comma only a written house number ("Jl. Melati, No. 12"), not any number ("Jalan warga, 01/01")
    if (/^\d/.test(house) && /,/.test(m[1])) continue;
    out.push({ kind: 'address', start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(ALLEY_ADDRESS)) {
    // "Gg. Mawar", "gg mawar 3": a named alley; "masuk gang sempit" is a description
    if (!/^[\p{Lu}\d]/u.test(m[1]) && !/\d/.test(m[0].slice(m[0].indexOf(m[1]) + m[1].length))) continue;
    out.push({ kind: 'address', start: m.index!, end: m.index! + m[0].trimEnd().length });
  }
  for (const re of [RT_RW_ALONE, HOME_NUMBER]) {
    for (const m of text.matchAll(re)) out.push({ kind: 'address', start: m.index!, end: m.index! + m[0].trimEnd().length });
  }
}
