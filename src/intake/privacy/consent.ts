/**
 * Consent and the person view templates get (DESIGN.md §7, UU 27/2022).
 *
 * Templates never see the complainant or author record: they get a PersonView already reduced
 * to what the person consented to. It is built only from the name (and the locality, which is a
 * place, not personal data), so phone, e-mail and NIK cannot reach a draft through it even when
 * the caller passes the whole record.
 */

export const CONSENT_LEVELS = ['none', 'anonymous', 'initials', 'name'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

export interface Consent {
  level: ConsentLevel;
  /** The person's words may be quoted (attributed at `level`). */
  quote: boolean;
}

export interface PersonView {
  /** "Andreas Wibowo", "A.W." or "seorang warga". */
  attribution: string;
  /** "Andreas Wibowo, warga Kebayoran Baru", "A.W., warga Kebayoran Baru", "seorang warga Kebayoran Baru". */
  withLocality: string;
  quoteAllowed: boolean;
}

export const ANONYMOUS_ATTRIBUTION = 'seorang warga';

export function isConsentLevel(value: unknown): value is ConsentLevel {
  return typeof value === 'string' && (CONSENT_LEVELS as readonly string[]).includes(value);
}

/**
 * Titles and forms of address that are not part of the name: "Ibu Sri Mulyani" is "S.M.", not
 * "I.S.M.". Compared lower case without dots, so "Sdr.", "sdr" and "H." all match.
 */
const HONORIFICS = new Set([
  'ibu', 'bu', 'bapak', 'pak', 'bpk', 'sdr', 'sdri', 'saudara', 'saudari', 'tn', 'tuan', 'ny', 'nyonya',
  'nn', 'nona', 'h', 'hj', 'haji', 'hajjah', 'dr', 'drs', 'dra', 'ir', 'prof', 'kh', 'ust', 'ustadz',
  'ustazah', 'mas', 'mbak', 'kak', 'bang', 'abang', 'mama', 'mamah', 'bunda', 'almarhum', 'alm', 'almh', 'daeng', 'dg', 'om', 'tante',
]);

/** Names that mean "no name given"; they are never published as if they were a name. */
const NO_NAME = new Set(['anonim', 'anonymous', 'hamba allah', 'tanpa nama', 'nn', '-']);

/**
 * The name's own words: whitespace normalised, degrees after a comma dropped ("Ahmad Fauzi, S.H."),
 * leading honorifics dropped, and any word with a digit or '@' dropped, so a phone number or
 * e-mail typed into the name field cannot be published as part of the name.
 */
export function nameWords(name: string): string[] {
  const words = cleanWords(name);
  let first = 0;
  while (first < words.length && HONORIFICS.has(words[first].toLowerCase().replace(/\./g, ''))) first++;
  const rest = words.slice(first);
  return NO_NAME.has(rest.join(' ').toLowerCase()) ? [] : rest;
}

function cleanWords(raw: string): string[] {
  return (raw ?? '').split(',')[0].split(/\s+/).filter((w) => w && !/[\d@]/.test(w));
}

/**
 * Words that are not read into initials wherever they stand: Balinese birth-order and caste
 * names, Bugis, Butonese, Acehnese and Javanese titles of birth, and patronymic links. "Ni Made
 * Sri Wahyuni" is "S.W.", "Muhammad Arif Daeng Tutu" is "M.A.T.", "Ahmad bin Yusuf" is "A.Y.".
 */
const NOT_IN_INITIALS = new Set([
  'i', 'ni', 'luh', 'gusti', 'ayu', 'made', 'wayan', 'nyoman', 'ketut', 'putu', 'kadek', 'komang', 'gede', 'nengah', 'anak', 'agung', 'ida',
  'bagus', 'cokorda', 'cok', 'istri', 'ngurah', 'daeng', 'dg', 'la', 'wa', 'ode', 'teuku', 'tengku', 'tgk', 'cut', 'raden', 'rd', 'r', 'rr', 'ajeng',
  'roro', 'bin', 'binti', 'haji', 'hajjah', 'h', 'hj', 'bapak', 'ibu', 'pak', 'bu',
]);
/** Degrees written after a name without a comma ("Ahmad Fauzi SH"). */
const DEGREES = /^(?:s\.?h|s\.?e|s\.?pd|s\.?kom|s\.?ip|s\.?sos|s\.?t|s\.?ag|s\.?ked|m\.?m|m\.?h|m\.?si|m\.?pd|m\.?kn|a\.?md|s\.?i\.?k)\.?$/i;
/** At most this many letters: "A.W.S." reads as a name, "I.G.A.M.S.W." does not. */
const MAX_INITIALS = 3;

/**
 * Initials as Indonesians write and read them: "Andreas Wibowo" -> "A.W.", "Nurhayati" -> "N.",
 * "Siti Nur-Aini" -> "S.N.", "Ni Made Sri Wahyuni" -> "S.W.". The first letter of each word, in
 * any script, skipping birth-order names, titles and degrees, at most three; a name made only of
 * such words keeps its last word's letter.
 */
export function initialsOf(words: readonly string[]): string {
  const lettered = words.filter((w) => /\p{L}/u.test(w));
  const kept = lettered.filter((w) => !NOT_IN_INITIALS.has(w.toLowerCase().replace(/\./g, '')) && !DEGREES.test(w));
  return (kept.length > 0 ? kept : lettered.slice(-1))
    .slice(0, MAX_INITIALS)
    .map((w) => `${w.match(/\p{L}/u)![0].toLocaleUpperCase('id-ID')}.`)
    .join('');
}

/**
 * The person as templates may show them. Unknown levels fail closed to anonymous. Level `none`
 * means no consent to publish anything of the person, quotes included, which is what sets it
 * apart from `anonymous`. A name that is empty once cleaned (e.g. only "Ibu") falls back to
 * anonymous rather than publishing a title alone.
 */
export function personView(
  person: { name: string },
  consent: Consent,
  opts: { locality?: string } = {},
): PersonView {
  const level: ConsentLevel = isConsentLevel(consent?.level) ? consent.level : 'none';
  const words = level === 'name' || level === 'initials' ? nameWords(person?.name ?? '') : [];
  let attribution = ANONYMOUS_ATTRIBUTION;
  if (words.length > 0) {
    attribution = level === 'name' ? displayName(person.name, words) : initialsOf(words) || ANONYMOUS_ATTRIBUTION;
  }
  const locality = (opts.locality ?? '').replace(/\s+/g, ' ').trim();
  let withLocality = attribution;
  if (locality) {
    withLocality =
      attribution === ANONYMOUS_ATTRIBUTION ? `${attribution} ${locality}` : `${attribution}, warga ${locality}`;
  }
  return Object.freeze({ attribution, withLocality, quoteAllowed: consent?.quote === true && level !== 'none' });
}

/**
 * With full-name consent the name is shown as the person gave it, courtesy titles included
 * ("Ibu Sri Mulyani"), but still without degrees after a comma or words with digits.
 */
function displayName(rawName: string, words: readonly string[]): string {
  const bare = words.join(' ');
  const full = cleanWords(rawName).join(' ');
  return full.endsWith(bare) ? full : bare;
}
