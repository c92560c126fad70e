/**
 * Vehicle plates (TNKB): a region code, 1-4 digits, 0-3 series letters ("B 1234 XYZ", "KB 4321 AB",
 * "B1234XYZ", "DK 5 AB", "B 1234"), with every region code in use (the 2024 Papua codes PS, PT and
 * PY included), and after a word that announces one ("nopol", "pelat nomor") in any shape.
 *
 * A neighbouring token must not be read as the region: in "Yamaha R15 B 3456 KLM", "R15 B" is not a
 * plate because more digits follow its letter; the real plate "B 3456 KLM" is.
 */
import type { DetectionContext, Hit } from './detector';

const REGIONS = [
  'A', 'AA', 'AB', 'AD', 'AE', 'AG', 'B', 'BA', 'BB', 'BD', 'BE', 'BG', 'BH', 'BK', 'BL', 'BM', 'BN', 'BP', 'D', 'DA', 'DB', 'DC', 'DD',
  'DE', 'DG', 'DH', 'DK', 'DL', 'DM', 'DN', 'DP', 'DR', 'DS', 'DT', 'DW', 'E', 'EA', 'EB', 'ED', 'F', 'G', 'H', 'K', 'KB', 'KH', 'KT',
  'KU', 'L', 'M', 'N', 'P', 'PA', 'PB', 'PS', 'PT', 'PY', 'R', 'S', 'T', 'W', 'Z',
];
// longest first, so "KB" is tried before "K"
const REGION = `(?:${[...REGIONS].sort((a, b) => b.length - a.length).join('|')})`;
const REGION_LOWER = REGION.toLowerCase();
/** Between region, number and series: one or two blanks ("B  1234  XYZ"), a dot or a dash. */
const SEP = '(?:[ \\u00a0]{1,2}|[.\\-])';
/** After the series letters: not more digits (that was a model name) and not more of a word. */
const PLATE_END = `(?![A-Za-z\\u00c0-\\u024f0-9])(?!${SEP}?\\d)`;
const NOT_AFTER = '(?<![A-Za-z\\u00c0-\\u024f0-9/.\\-])';
const UNIT_AFTER =
  '(?:tahun|thn|th|bulan|orang|org|personel|unit|buah|kali|menit|jam|hari|minggu|km|kg|meter|persen|rt|rw|lembar|ekor|paket|gram|gr)';
/** Series letters that are really the next word: "b 1234 dan ...". */
const WORD_AFTER = /^(?:dan|di|ke|yg|yang|ini|itu|ada|org|rt|rw|km|kg|jam|thn|th|no|pd|utk|dgn|dr|sd|wib|wit|wita|dr|tv|unit|buah|kali|cm|mm|gb|mb|kb|inci)$/i;

const FULL = new RegExp(
  `${NOT_AFTER}${REGION}(?:${SEP}[1-9]\\d{0,3}${SEP}?|[1-9]\\d{0,3}${SEP}|[1-9]\\d{1,3})[A-Za-z]{1,3}${PLATE_END}`,
  'gu',
);
// without a series only three or four digits: "PS 5", "G 20", "D 3" are a console, a summit, a diploma
const NUMBER_ONLY = new RegExp(`${NOT_AFTER}${REGION}[ \\u00a0][1-9]\\d{2,3}(?![A-Za-z\\u00c0-\\u024f0-9])(?![:/.,\\-]?\\d)(?!\\s+${UNIT_AFTER}(?![A-Za-z\\u00c0-\\u024f]))`, 'gi');
const LOWER = new RegExp(`${NOT_AFTER}(${REGION_LOWER})${SEP}[1-9]\\d{0,3}${SEP}([a-z]{1,3})${PLATE_END}`, 'gu');
/** "nopol B 1234 XYZ", "pelat nomor b-1234", "TNKB: DK 5 AB": whatever plate-shaped token follows. */
const ANNOUNCED = new RegExp(
  `(?:nopol|no\\.?\\s?pol(?:isi)?|nomor\\s+polisi|nomor\\s+kendaraan|no\\.?\\s?kendaraan|pelat(?:\\s+nomor|\\s+no\\.?)?|plat(?:\\s+nomor|\\s+no\\.?)?|tnkb|ber(?:nopol|pelat|plat)(?:\\s+nomor)?)` +
  `\\s*[:.]?\\s*([A-Za-z]{1,2}${SEP}?\\d{1,4}(?:${SEP}?[A-Za-z]{1,3})?)(?![A-Za-z\\u00c0-\\u024f0-9])`,
  'gi',
);
/** Upper-case letters then a digit, a lower-case written plate, or a plate word: else no plate can be there. */
const MAY_HAVE_PLATE = new RegExp(`(?<![A-Za-z])[A-Z]{1,2}${SEP}?[1-9]|(?<![A-Za-z])[a-z]{1,2}${SEP}[1-9]\\d*${SEP}[a-z]`);
const PLATE_WORD = /nopol|no\.?\s?pol|plat|pelat|tnkb|nomor\s+(?:polisi|kendaraan)|no\.?\s?kendaraan/i;

export function detectPlates(text: string, _ctx: DetectionContext, out: Hit[]): void {
  if (!MAY_HAVE_PLATE.test(text) && !PLATE_WORD.test(text)) return;
  for (const m of text.matchAll(FULL)) {
    // "B 1234 xyz" with a lower-case series needs the separators of a written plate, two digits or
    // more, and a series that is not the next word ("PS 5 dan satu TV")
    if (/[a-z]$/.test(m[0])) {
      const series = /[A-Za-z]+$/.exec(m[0])![0];
      if (!new RegExp(`^${REGION}${SEP}\\d{2,}${SEP}`).test(m[0]) || WORD_AFTER.test(series) || /^[a-z]+$/.test(series) && !/^[A-Z]/.test(m[0].slice(0, 1))) continue;
    }
    out.push({ kind: 'plate', start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(NUMBER_ONLY)) {
    if (/^[A-Z]/.test(m[0])) out.push({ kind: 'plate', start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(LOWER)) {
    if (!WORD_AFTER.test(m[2])) out.push({ kind: 'plate', start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(ANNOUNCED)) {
    const start = m.index! + m[0].length - m[1].length;
    out.push({ kind: 'plate', start, end: start + m[1].length });
  }
}
