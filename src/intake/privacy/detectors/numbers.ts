/**
 * Numbers that identify a person: NIK, phone numbers, bank accounts and e-wallets, and the
 * story's citizens' own numbers in any form.
 *
 * Rather than one pattern per way of writing a number ("0812-8877-1234", "+62 (812) 8877 1234",
 * "0812 88 77 12 34", "0 8 1 2 ..."), the text is cut into runs of digit groups joined by
 * separators (spaces, dots, dashes, slashes, underscores, parentheses, up to three in a row), and
 * each run is read for what its digits are. Dates and clock times inside a run are set aside
 * first, so "25/10/2026 09.40" never joins into one long number.
 */
import { type Announcer, contextBefore, type DetectionContext, type Hit, type PiiKind } from './detector';

/** Between the groups of a number: blanks (a line break too), dots, dashes, slashes, underscores, parentheses. */
const SEP = '[ \\t\\u00a0\\r\\n.\\-/_()+]';
/** A comma straight between digits joins groups too ("0812,3456,7805"); ", " does not (a list). */
const RUN = new RegExp(`(?:[+(]{1,2}[ \\u00a0]?)?\\d(?:${SEP}{1,3}\\d|,\\d|\\d)*\\)?`, 'g');

/** NIK: province codes (the 2022 Papua provinces got 93-96). */
const PROVINCE = /^(?:1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-6])/;
// ASCII words without the u flag: irregexp then prefilters by first character, which 'iu' prevents
const announcer = (words: string, gap: RegExp): Announcer => ({ words: new RegExp(words, 'gi'), gap });
const NOT_A_WORD_UP_TO = (n: number) => new RegExp(`^[^\\p{L}\\p{N}]{0,${n}}$`, 'u');
const NIK_CONTEXT = announcer('\\bnik|\\bktp|nomor induk|no\\.? ?induk|kependudukan|\\bkk\\b', /^[^\d\n]{0,25}$/);
/** Words before a phone number, with "-nya" ("nomornya", "hp-nya"), and the words that carry on a split one ("lanjutannya"). */
const PHONE_CONTEXT = announcer(
  '\\b(?:hp|telp|telepon|telpon|tlp|ponsel|wa|whatsapp|nomor|nomer|no|nmr|kontak|call|sms|handphone|dana|ovo)(?:-?nya)?|hubungi|seluler|selular|gopay|shopeepay|linkaja' +
    '|lanjutan(?:nya)?|sambungan(?:nya)?|sisanya|belakangnya|ujungnya|terusannya',
  NOT_A_WORD_UP_TO(12),
);
/** Banks and e-wallets people name before (or just after, "(BCA)") an account number. */
const BANK_WORDS =
  'rekening|\\brek\\b|norek|\\ba\\/c\\b|\\bacc\\b|virtual account|\\bva\\b|\\bbca\\b|\\bbri\\b|\\bbni\\b|mandiri|\\bbsi\\b|\\bbtn\\b|\\bcimb\\b|niaga|danamon|permata|\\bjago\\b|seabank|\\bbank\\b|\\bdana\\b|\\bovo\\b|gopay|shopeepay|linkaja|e-?wallet|dompet digital|\\bm-?banking' +
  '|jenius|\\bocbc\\b|\\bpanin\\b|\\bmega\\b|maybank|\\bbjb\\b|\\bdki\\b|bukopin|\\bbtpn\\b|muamalat|sinarmas|\\buob\\b|\\bhsbc\\b|citibank|nagari|\\bbpd\\b|\\bblu\\b|\\ballo\\b|\\bneo\\b|\\bflip\\b|\\bisaku\\b|sakuku|\\bdoku\\b|kartu (?:debit|kredit|atm)|\\bcc\\b|credit card';
const BANK_CONTEXT = announcer(BANK_WORDS, /^[^\d\n]{0,24}$/);
const BANK_AFTER = new RegExp(`^\\s*[(\\[]?\\s*(?:${BANK_WORDS})|^\\s*,?\\s*(?:a\\.\\s?n\\b|a\\/n\\b|an\\.|an\\s*:|atas nama\\b)`, 'i');
/** The rest of a phone number written apart ("0812 3456, lanjutannya 7897"). */
const CONTINUATION = announcer('lanjutan(?:nya)?|sambungan(?:nya)?|sisanya|belakangnya|ujungnya|terusannya|buntutnya', NOT_A_WORD_UP_TO(6));
const MONEY_BEFORE = announcer('\\brp\\.?|\\bidr|\\busd', /^\s*$/);
const TIME_CONTEXT_BEFORE = /(?:\bpukul|\bpkl|\bjam|\bpk)\.?\s*$/i;
const TIME_CONTEXT_AFTER = /^\s*(?:wib|wita|wit)\b/i;

interface Group {
  digits: string;
  start: number;
  end: number;
  /** The separator text just before this group (empty for the first). */
  sep: string;
  /** Set aside: part of a date or a clock time. */
  protected: boolean;
}

function groupsOf(run: string, offset: number): Group[] {
  const out: Group[] = [];
  let prevEnd = -1;
  for (const m of run.matchAll(/\d+/g)) {
    const start = offset + m.index!;
    out.push({ digits: m[0], start, end: start + m[0].length, sep: prevEnd < 0 ? '' : run.slice(prevEnd - offset, m.index!), protected: false });
    prevEnd = start + m[0].length;
  }
  return out;
}

const num = (s: string) => Number.parseInt(s, 10);
const isDay = (s: string) => s.length <= 2 && num(s) >= 1 && num(s) <= 31;
const isMonth = (s: string) => s.length <= 2 && num(s) >= 1 && num(s) <= 12;
const isYear = (s: string) => /^(?:19|20)\d\d$/.test(s);
const dateSep = (s: string) => s === '/' || s === '-' || s === '.';

/** Dates (25/10/2026, 2026-10-25, 25-10-26) and clock times (09.40 WITA, pukul 9:05) are not numbers of anyone. */
function protectDatesAndTimes(text: string, groups: Group[], runEnd: number): void {
  for (let i = 0; i + 2 < groups.length; i++) {
    const [a, b, c] = [groups[i], groups[i + 1], groups[i + 2]];
    if (!dateSep(b.sep) || b.sep !== c.sep) continue;
    const dmy = isDay(a.digits) && isMonth(b.digits) && (isYear(c.digits) || (c.digits.length === 2 && b.sep === '/'));
    const ymd = isYear(a.digits) && isMonth(b.digits) && isDay(c.digits);
    // not when the number goes on with the same separator ("25.10.2026.1234..." is not a date)
    const goesOn = i + 3 < groups.length && groups[i + 3].sep === c.sep;
    if ((dmy || ymd) && !goesOn) a.protected = b.protected = c.protected = true;
  }
  for (let i = 0; i + 1 < groups.length; i++) {
    const [h, m] = [groups[i], groups[i + 1]];
    if (h.protected || m.protected || (m.sep !== '.' && m.sep !== ':')) continue;
    if (h.digits.length > 2 || num(h.digits) > 24 || m.digits.length !== 2 || num(m.digits) > 59) continue;
    const before = i === 0 ? TIME_CONTEXT_BEFORE.test(text.slice(Math.max(0, h.start - 8), h.start)) : groups[i - 1].protected;
    const after = i + 2 === groups.length ? TIME_CONTEXT_AFTER.test(text.slice(m.end, m.end + 6)) || m.end === runEnd : false;
    const next = groups[i + 2];
    const range = next !== undefined && /^\s*(?:-|–|s\.?d\.?)\s*$/.test(next.sep);
    // "pukul 11.00.00.0000..." goes on with the same separator: that is a number, not a time
    const goesOn = next !== undefined && (next.sep === '.' || next.sep === ':');
    if (!goesOn && (before || after || range || m.sep === ':')) h.protected = m.protected = true;
  }
}

function plausibleBirthDate(nik: string): boolean {
  const day = num(nik.slice(6, 8));
  const month = num(nik.slice(8, 10));
  return ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
}

interface Candidate {
  digits: string;
  /** All groups of the segment; the candidate is groups[from..to]. */
  groups: Group[];
  from: number;
  to: number;
  /** The run was written with a leading '+'. */
  plus: boolean;
  context: StartContext;
}

/** What the words before a candidate's first group say; each read at most once per group. */
class StartContext {
  private cache = new Map<Announcer, boolean>();
  constructor(private readonly text: string, private readonly at: number) {}
  says(context: Announcer, span: number): boolean {
    let value = this.cache.get(context);
    if (value === undefined) {
      value = contextBefore(this.text, this.at, span, context);
      this.cache.set(context, value);
    }
    return value;
  }
}

/** Groups after the first all of three digits joined by dots: "1.250.000" is an amount. */
function inThousands(c: Candidate): boolean {
  if (c.to === c.from || c.groups[c.from].digits.length > 3) return false;
  for (let k = c.from + 1; k <= c.to; k++) if (c.groups[k].digits.length !== 3 || c.groups[k].sep !== '.') return false;
  return true;
}

function allShort(c: Candidate): boolean {
  for (let k = c.from; k <= c.to; k++) if (c.groups[k].digits.length > 2) return false;
  return true;
}

/** What a sequence of digit groups is, if it is anything personal. */
function classify(c: Candidate): PiiKind | null {
  const { digits } = c;
  const n = digits.length;
  const first = c.groups[c.from].digits.length;
  const count = c.to - c.from + 1;
  const nik = n === 16 && PROVINCE.test(digits);
  // written in up to six groups it is a NIK; spread wider ("31 74 05 15 ...") its birth date must be real
  if (nik && (count <= 6 || plausibleBirthDate(digits) || c.context.says(NIK_CONTEXT, 40))) return 'nik';
  // "Rp 62.813.000.000", "1.081.234.567": an amount is not a phone number
  if ((!c.plus && !digits.startsWith('0') && inThousands(c)) || c.context.says(MONEY_BEFORE, 6)) return null;
  const phoneNamed = () => c.context.says(PHONE_CONTEXT, 24);
  // a mobile number: 08 then 8-11 more digits; grouped as people write it ("0812 ...", "08 1234 ...", "0 812 ..."),
  // or spread one or two digits at a time
  const second = c.to > c.from ? c.groups[c.from + 1].digits : '';
  const grouped = first >= 3 || (first === 2 && second.length >= 3) || (first === 1 && second.length >= 3 && second.startsWith('8'));
  if (n >= 10 && n <= 13 && /^08[1-9]/.test(digits) && (grouped || allShort(c) || phoneNamed())) return 'phone';
  if (n >= 11 && n <= 14 && /^628[1-9]/.test(digits)) return 'phone';
  // a part of one, announced ("nomornya 0812 3456, lanjutannya ..."): still the person's number
  if (n >= 7 && n <= 9 && /^08[1-9]/.test(digits) && phoneNamed()) return 'phone';
  if (n >= 9 && n <= 12 && /^8[1-9]/.test(digits) && ((c.plus && first <= 4) || phoneNamed())) return 'phone';
  // a landline: 0 + area code (02x .. 09xx, not 08) with 6-8 subscriber digits
  if (n >= 9 && n <= 12 && /^0[2-79]/.test(digits) && (count === 1 || (first >= 3 && first <= 4) || phoneNamed())) return 'phone';
  if (c.plus && n >= 10 && n <= 13 && /^62[2-79]/.test(digits)) return 'phone';
  return null;
}

function bankNumber(text: string, c: Candidate): boolean {
  const n = c.digits.length;
  if (n < 6 || n > 20 || c.context.says(MONEY_BEFORE, 6) || inThousands(c)) return false;
  if (c.context.says(BANK_CONTEXT, 40)) return true;
  // "8720123456 (BCA)", "90012345678 a.n. ...": the bank or the holder named just after
  return n >= 8 && BANK_AFTER.test(text.slice(c.groups[c.to].end, c.groups[c.to].end + 24));
}

/** The national part of a phone number ("0812...", "+62 812..." -> "812..."), for comparing. */
export function nationalNumber(raw: string): string {
  return raw.replace(/\D/g, '').replace(/^(?:62|0)/, '');
}

/**
 * The hit from its first to its last group, with a '+' written before it, and parentheses only
 * when they are part of the number ("(021) 7654321", "(+62) 813 ..."), not around it.
 */
function spanOf(text: string, groups: Group[]): [number, number] {
  let start = groups[0].start;
  const end = groups[groups.length - 1].end;
  while (start > 0 && /[+(]/.test(text[start - 1])) {
    // an opening parenthesis belongs to the number only if it closes inside it
    const inside = text.slice(start - 1, end);
    if (text[start - 1] === '(' && (inside.match(/\(/g) ?? []).length > (inside.match(/\)/g) ?? []).length) break;
    start--;
  }
  return [start, end];
}

/** Known numbers of the story's citizens, wherever their digits appear in a run. */
function knownNumberHits(run: Group[], known: { digits: string; kind: PiiKind }[], out: Hit[]): void {
  if (known.length === 0 || run.length === 0) return;
  const digits = run.map((g) => g.digits).join('');
  const owner: Group[] = [];
  for (const g of run) for (let k = 0; k < g.digits.length; k++) owner.push(g);
  for (const { digits: value, kind } of known) {
    for (let at = digits.indexOf(value); at >= 0; at = digits.indexOf(value, at + 1)) {
      out.push({ kind, start: owner[at].start, end: owner[at + value.length - 1].end });
    }
  }
}

export function detectNumbers(text: string, ctx: DetectionContext, out: Hit[]): void {
  const known: { digits: string; kind: PiiKind }[] = [];
  for (const c of ctx.citizens ?? []) {
    if (c.phone && nationalNumber(c.phone).length >= 7) known.push({ digits: nationalNumber(c.phone), kind: 'phone' });
    if (c.nik && c.nik.replace(/\D/g, '').length >= 8) known.push({ digits: c.nik.replace(/\D/g, ''), kind: 'nik' });
  }
  const allowed = new Set((ctx.allowedNumbers ?? []).map(nationalNumber).filter((d) => d.length >= 3));
  for (const m of text.matchAll(RUN)) {
    const runEnd = m.index! + m[0].length;
    const all = groupsOf(m[0], m.index!);
    const total = all.reduce((s, g) => s + g.digits.length, 0);
    if (total >= 3 && total < 6 && contextBefore(text, all[0].start, 20, CONTINUATION)) {
      out.push({ kind: 'phone', start: all[0].start, end: all[all.length - 1].end });
      continue;
    }
    if (total < 6) continue;
    knownNumberHits(all, known, out);
    if (isAmount(text, all, m[0])) continue;
    protectDatesAndTimes(text, all, runEnd);
    const plus = /^[(]?\+/.test(m[0]);
    let segment: Group[] = [];
    const flush = () => {
      scanSegment(text, segment, plus && segment[0] === all[0], allowed, out);
      segment = [];
    };
    for (const g of all) {
      if (g.protected) flush();
      else segment.push(g);
    }
    flush();
  }
}

/** "Rp 687.020.000.000", "1.250.000": a whole run that is an amount holds no one's number. */
function isAmount(text: string, groups: Group[], run: string): boolean {
  if (contextBefore(text, groups[0].start, 6, MONEY_BEFORE)) return true;
  // sixteen digits with a province and a birth date are a NIK typed with thousands dots
  const all = groups.map((g) => g.digits).join('');
  if (all.length === 16 && PROVINCE.test(all) && (plausibleBirthDate(all) || contextBefore(text, groups[0].start, 40, NIK_CONTEXT))) return false;
  if (/^[(+]/.test(run) || groups[0].digits.startsWith('0') || groups.length < 2 || groups[0].digits.length > 3) return false;
  return groups.slice(1).every((g) => g.digits.length === 3 && g.sep === '.');
}

/** In one stretch of unprotected groups, the longest personal number starting at each group, left to right. */
function scanSegment(text: string, groups: Group[], plus: boolean, allowed: Set<string>, out: Hit[]): void {
  let i = 0;
  while (i < groups.length) {
    let found: { j: number; kind: PiiKind } | null = null;
    let digits = '';
    const candidate: Candidate = { digits, groups, from: i, to: i, plus: plus && i === 0, context: new StartContext(text, groups[i].start) };
    for (let j = i; j < groups.length && digits.length <= 20; j++) {
      // "+62 (0)812 ...": the trunk zero in parentheses is not part of the number
      digits += j === i + 1 && groups[i].digits === '62' && groups[j].digits === '0' ? '' : groups[j].digits;
      // "0062 812 ...": the international call prefix 00 before the country code
      if (digits.startsWith('0062')) digits = digits.slice(2);
      if (digits.length < 6) continue;
      candidate.digits = digits;
      candidate.to = j;
      const kind = classify(candidate) ?? (bankNumber(text, candidate) ? 'bank' : null);
      if (kind) found = { j, kind };
    }
    if (found && !(found.kind === 'phone' && allowed.has(nationalNumber(groups.slice(i, found.j + 1).map((g) => g.digits).join(''))))) {
      const [start, end] = spanOf(text, groups.slice(i, found.j + 1));
      out.push({ kind: found.kind, start, end });
      i = found.j + 1;
    } else {
      i = found ? found.j + 1 : i + 1;
    }
  }
}
