/**
 * Detectors for personal data in Indonesian free text (DESIGN.md §7, UU 27/2022).
 *
 * Each detector is a regex source with a kind. They are compiled once, here, into one combined
 * scanner so that masking and draft lint read the text in a single left-to-right pass; at any
 * position the first detector in PII_DETECTORS order wins (e-mail before NIK before phone, so a
 * digit-heavy e-mail or a 62.. NIK is not half-claimed by a later detector).
 *
 * The patterns lean towards masking (a leaked NIK cannot be taken back) but each one has guards
 * against the ordinary numbers of police press texts: years, "Rp 1.250.000", "65 personel",
 * "25/10/2026", "pukul 09.40", "(24)", "Call Center 110", "LP/B/123/X/2026", "DUMAS-2026-000117".
 * Every kind needs a digit or an '@', which gives a cheap pre-check (MAY_CONTAIN_PII).
 */

export type PiiKind = 'nik' | 'phone' | 'email' | 'plate' | 'address';

export interface PiiDetector {
  readonly kind: PiiKind;
  /** Regex source, combined under named groups; inside it only NIK's own named group (niksep). */
  readonly source: string;
  /** The detector on its own (global), for tests and single-kind checks. */
  readonly pattern: RegExp;
}

/** Case-insensitive spelling of a word without the `i` flag, which would loosen the plate codes. */
const ci = (word: string): string =>
  [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
const anyOf = (words: string[]): string => `(?:${words.map(ci).join('|')})`;

/** One separator inside a written number: "0812-8877-1234", "3174.0515...", "+62 813 ...". */
const SEP = '[ \\u00a0.\\-]';
/** Not inside a longer number: "1.081.234.567" holds no phone "081.234.567". */
const NUM_START = '(?<!\\d)(?<!\\d[.,\\-])';
/** Not followed by more of the same number; a space then a digit is allowed ("... 1234 2026"). */
const NUM_END = '(?!\\d)(?![.,\\-]\\d)';
/**
 * A short number (house, RT, plate) that is not the start of a longer one: otherwise "di jalan,
 * hubungi nomor 62 813 1122 3344" would become an address "...nomor 62" and leave the rest.
 */
const SHORT_END = '(?![ \\u00a0.,\\-]?\\d)';
/**
 * Address and plate span several words, so they can start before an e-mail's first character;
 * they must not end inside it ("Gg. Mawar nomor a0.b@x.id"), or the e-mail, no longer at a word
 * start, would stay.
 */
const NOT_EMAIL = '(?![\\w.%+\\-]*@)';

/**
 * NIK: 16 digits starting with a province code (11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82,
 * 91-96: the 2022 Papua provinces got 93-96). Written compact or in groups ("3174 0515 0885 0003",
 * "317405 150885 0003", "31.74.05.150885.0003"). The first lookahead captures the first separator
 * (its empty alternative keeps compact NIKs; a quantified `(?:...)?` would drop the capture); every
 * later separator must be the same, each group has two digits or more and there are at most five
 * groups (second lookahead). So runs of ordinary numbers ("2026 25-10-2026 09.40",
 * "11 12 13 14 15 16 17 18") are not read as a NIK.
 */
const PROVINCE = '(?:1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-6])';
const NIK_SEP = '(?:\\k<niksep>(?=\\d\\d))?';
const NIK =
  `${NUM_START}(?=\\d+(?<niksep>${SEP})|)(?=(?:\\d+\\k<niksep>){0,4}\\d+(?!\\d|\\k<niksep>\\d))` +
  `${PROVINCE}${NIK_SEP}(?:\\d${NIK_SEP}){13}\\d${NUM_END}`;

/**
 * Mobile: 08xx with 10-13 digits in all, or the same after +62 / 62 ("+62 813 1122 3344",
 * "(+62) 813...", "+62 (0)813...", "6281311223344"). A bare "62" takes no dot after it, so that
 * "62.813.000.000" (an amount) stays. Landline: 0 + area code 2-7 or 9 (08 is mobile) with 6-8
 * subscriber digits: "(021) 7654321", "021-7654321", "0361 234567"; internationally only with a
 * plus ("+62 21 7654321"), because "62 21 ..." is too often just two numbers. Times ("08.15",
 * "09.40") and dates ("05-10-2026") fail the digit counts.
 */
const DIGITS = (min: number, max: number): string => `\\d(?:${SEP}?\\d){${min - 1},${max - 1}}`;
const INTL = `(?:\\(\\+62\\)|\\+62)${SEP}?(?:\\(0\\)${SEP}?)?`;
const MOBILE = `(?:${INTL}|62[ \\-]?|0)8[1-9]\\d${SEP}?${DIGITS(6, 9)}`;
const LANDLINE = `(?:\\(0[2-79]\\d{1,2}\\)[ \\u00a0]?|0[2-79]\\d{1,2}${SEP}?|${INTL}\\(?[2-79]\\d{1,2}\\)?${SEP}?)${DIGITS(6, 8)}`;
const PHONE = `(?<!\\+)${NUM_START}(?:${MOBILE}|${LANDLINE})${NUM_END}`;

/** E-mail: dotted local part and at least one dotted domain label; a trailing full stop stays. */
const EMAIL =
  "(?<![\\w.%+\\-])[\\w%+\\-]+(?:\\.[\\w%+\\-]+)*@(?:[A-Za-z0-9\\-]+\\.)+[A-Za-z]{2,}(?![\\w\\-])";

/**
 * Street address with a number: a street word (Jl., Jalan, Gg., Gang, Lorong, Komplek, Perum..),
 * up to six words of name, then a house number (No./Nomor/Kav./Blok), optionally a second one and
 * RT/RW. "Jalan Sisingamangaraja" without a number is a place, not personal data, and stays.
 * RT with a number ("RT 03/RW 07", "RT.003 RW.007") is masked on its own as well; a lone "RW 05"
 * is a neighbourhood of hundreds of households and stays.
 */
const STREET = anyOf(['jl', 'jln', 'jalan', 'gg', 'gang', 'lr', 'lrg', 'lorong', 'komp', 'komplek', 'kompleks', 'perum', 'perumahan']);
const HOUSE_NO = `${anyOf(['no', 'nomor', 'nmr', 'kav', 'kavling', 'blok'])}\\.?\\s*[A-Za-z]?\\d{1,4}[A-Za-z]?(?:\\s*[/\\-]\\s*\\d{1,4}[A-Za-z]?)?${SHORT_END}`;
const RT_RW =
  `(?:${ci('rt')}\\s*/\\s*${ci('rw')}\\.?\\s*:?\\s*\\d{1,3}\\s*/\\s*\\d{1,3}` +
  `|${ci('rt')}\\.?\\s*:?\\s*\\d{1,3}(?:\\s*[/,]?\\s*${ci('rw')}\\.?\\s*:?\\s*\\d{1,3})?)${SHORT_END}`;
const ADDRESS =
  `(?<![\\w])(?:${STREET}(?:\\.\\s*|\\s+)(?:[\\w'\u2019\\-]+\\.?\\s+){1,6}?${HOUSE_NO}` +
  `(?:,?\\s*${HOUSE_NO})?(?:,?\\s*${RT_RW})?|${RT_RW})(?![\\w])${NOT_EMAIL}`;

/**
 * Vehicle plate: a known region code (upper case only; lower case would hit ordinary words),
 * 1-4 digits without a leading zero, 0-3 letters: "B 1234 XYZ", "KB 4321 AB", "B-1234-XYZ",
 * "B1234XYZ", "D 12 A". Written without separators it needs two digits and a letter, so "G20",
 * "R2", "K9", "P3K", "P4GN", "H2O" stay. Without letters it needs a space ("H-7 Lebaran", "S-1"
 * stay) and not a unit after it ("AB 24 tahun"). Not after '/' or '-' ("LP/B/123/X/2026").
 */
const REGION =
  '(?:A[ABDEG]?|B[ABDEGHKLMNP]?|D[ABCDEGHKLMNRST]?|E[ABD]?|K[BHTU]?|P[AB]?|[FGHLMNRSTWZ])';
const PSEP = '(?:[ \\u00a0]|-)';
const UNIT_AFTER = anyOf(['tahun', 'thn', 'th', 'bulan', 'orang', 'org', 'personel', 'unit', 'buah', 'kali', 'menit', 'jam', 'hari', 'minggu', 'km', 'kg', 'meter', 'persen']);
const PLATE =
  `(?<![\\w/.\\-])${REGION}(?:` +
  `(?:${PSEP}[1-9]\\d{0,3}${PSEP}?|[1-9]\\d{0,3}${PSEP}|[1-9]\\d{1,3})[A-Z]{1,3}(?![\\w])` +
  `|[ \\u00a0][1-9]\\d{0,3}(?![\\w])(?![:/]\\d)${SHORT_END}(?!\\s+${UNIT_AFTER}(?![\\w])))${NOT_EMAIL}`;

/** In priority order: the first that matches at a position wins. */
const SOURCES: ReadonlyArray<readonly [PiiKind, string]> = [
  ['email', EMAIL],
  ['nik', NIK],
  ['phone', PHONE],
  ['address', ADDRESS],
  ['plate', PLATE],
];

export const PII_DETECTORS: readonly PiiDetector[] = SOURCES.map(([kind, source]) =>
  Object.freeze({ kind, source, pattern: new RegExp(source, 'g') }),
);

export const PII_KINDS: readonly PiiKind[] = SOURCES.map(([kind]) => kind);

/** Named groups are the kinds themselves (plus NIK's inner niksep), so a match says which fired. */
const SCANNER_SOURCE = SOURCES.map(([kind, source]) => `(?<${kind}>${source})`).join('|');

/** A fresh global scanner: global regexes carry lastIndex, so callers must not share one. */
export function piiScanner(): RegExp {
  return new RegExp(SCANNER_SOURCE, 'g');
}

/**
 * A cheap pre-check that every detector's match implies, so text without any of these shapes is
 * skipped without running the scanner (drafts always hold dates and times, so "has a digit" was
 * not enough to skip anything):
 *  - NIK and phones: 8 or more digits with at most two separator characters between neighbours
 *    (a landline is at least 9 digits, a mobile 10, a NIK 16; "(0361) 234567" has ") ");
 *  - e-mail: '@', a domain label and a dot;
 *  - address: a street word or RT (case-insensitive), which every address match starts with;
 *  - plate: a region code, at most one separator, and a non-zero digit.
 * The property tests generate every form the detectors take, so a gap here shows up there.
 */
export const MAY_CONTAIN_PII = new RegExp(
  [
    '\\d(?:[ \\u00a0.\\-()]{0,2}\\d){7}',
    '@[A-Za-z0-9\\-]+\\.',
    `(?<![\\w])(?:${STREET}|${ci('rt')})(?![a-zA-Z])`,
    `(?<![\\w/.\\-])${REGION}(?:[ \\u00a0]|-)?[1-9]`,
  ].join('|'),
);
