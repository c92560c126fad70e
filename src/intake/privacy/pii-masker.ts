/**
 * The personal-data masking engine (DESIGN.md §7, UU 27/2022, issue 16): pure functions over
 * strings and plain records, no I/O, no logging. Intake masks free text with it before anything
 * reaches a story; draft lint and the publish gate use findPersonalData on what would be public.
 *
 * Normalise, then detect: every detector reads the normalised copy of the text (invisible
 * characters out, compatibility forms and digit words folded; see normalise.ts), and each hit is
 * mapped back to the original characters, which are what gets replaced.
 *
 * Results carry kinds, counts and offsets, never the matched values: callers can put them in API
 * answers, audit details and logs without leaking what was masked.
 */
import { detectAddresses } from './detectors/address';
import { type DetectionContext, type Hit, PII_KINDS, type PiiKind } from './detectors/detector';
import { detectEmails } from './detectors/email';
import { detectNames } from './detectors/names';
import { detectNumbers } from './detectors/numbers';
import { detectPlates } from './detectors/plate';
import { mayNeedNormalising, normaliseForDetection, originalSpan } from './normalise';

export type { DetectionContext, KnownCitizen, PiiKind } from './detectors/detector';
export { PII_KINDS } from './detectors/detector';

/** Readable Indonesian placeholders for what is stored; they hold no digit and no '@', so masking is idempotent. */
export const PII_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = Object.freeze({
  nik: '[NIK disamarkan]',
  phone: '[nomor telepon disamarkan]',
  email: '[email disamarkan]',
  plate: '[nomor polisi disamarkan]',
  address: '[alamat disamarkan]',
  bank: '[nomor rekening disamarkan]',
  name: '[nama disamarkan]',
});

/** Any of the placeholders, as left in stored text: publishable text must never hold one. */
export const PLACEHOLDER_PATTERN = /\[(?:NIK|nomor telepon|email|nomor polisi|alamat|nomor rekening|nama) disamarkan\]/g;

export interface PiiHit {
  kind: PiiKind;
  /** UTF-16 offsets into the scanned text, end exclusive (as String.prototype.slice takes). */
  start: number;
  end: number;
}

export interface PiiFinding {
  kind: PiiKind;
  count: number;
}

export interface MaskResult {
  text: string;
  findings: PiiFinding[];
}

export interface FieldFinding extends PiiFinding {
  /** Concrete path of the masked value, e.g. "summary" or "stages[1].label". */
  field: string;
}

/**
 * Numbers read the text with look-alike letters as digits; the others read letters as letters,
 * plates both ways ("B 1O23 XYZ" is a plate with a letter O for a zero; "A10I" one ending in I).
 */
const ON_DIGITS = [detectNumbers, detectPlates];
const ON_LETTERS = [detectNames, detectEmails, detectAddresses, detectPlates];
const RANK = new Map(PII_KINDS.map((kind, i) => [kind, i]));
/** An account number and its holder ("5271234567 a.n. ...") are one hit. */
const JOINABLE = /^\s*,?\s*(?:a\.\s?n\.?|a\/n|atas nama)?\s*$/i;

/**
 * Overlapping hits become one (the longest decides the kind), so that nothing is half-shown; an
 * account number and its holder's name too.
 */
function merge(hits: Hit[], text: string): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end || RANK.get(a.kind)! - RANK.get(b.kind)!);
  const out: (Hit & { longest: number })[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    const joins = last && (h.start < last.end || (h.kind === last.kind && h.kind === 'bank' && JOINABLE.test(text.slice(last.end, h.start))));
    if (!joins) {
      out.push({ ...h, longest: h.end - h.start });
      continue;
    }
    if (h.end - h.start > last.longest) {
      last.kind = h.kind;
      last.replacement = h.replacement;
      last.longest = h.end - h.start;
    }
    last.end = Math.max(last.end, h.end);
  }
  return out;
}

/**
 * A cheap pre-check implied by every generic detector (not by a known citizen's name): six digits
 * in a run, an '@' or a spelled-out one, a street, alley, RT or home word, a plate-shaped token or
 * a plate word, an account holder, or anything normalisation would change. False: nothing to find.
 */
const MAY_CONTAIN =
  /\d(?:[ \t\u00a0.\-/_()+]{0,3}\d){5}|@|[\[(]\s*(?:at|et|dot|titik)\s*[\])]|\s(?:at|et)\s|\b(?:jl|jln|jalan|gg|gang|lr|lrg|lorong|komp|komplek|kompleks|perum|perumahan|cluster|klaster|griya|villa|vila|apartemen|apt|rusun|rusunawa|asrama|rt|rumah|kediaman|kontrakan|kos|kost|indekos|nopol|pelat|plat|tnkb|kendaraan|polisi)\b|\b[A-Za-z]{1,2}[ .\-]?[1-9]|a\.\s?n\b|a\/n|atas nama/i;

export function mayContainPersonalData(text: string): boolean {
  return MAY_CONTAIN.test(text) || mayNeedNormalising(text);
}

/** Every piece of personal data in the text, left to right, not overlapping, on the original offsets. */
export function detectPersonalData(text: string, ctx: DetectionContext = {}): Hit[] {
  if (!text) return [];
  const normalised = normaliseForDetection(text);
  const hits: Hit[] = [];
  for (const detect of ON_DIGITS) if (detect !== detectPlates || normalised.text !== normalised.letters) detect(normalised.text, ctx, hits);
  for (const detect of ON_LETTERS) detect(normalised.letters, ctx, hits);
  if (hits.length === 0) return hits;
  for (const h of hits) [h.start, h.end] = originalSpan(normalised, h.start, h.end);
  return merge(hits, text);
}

/** Every piece of personal data in the text (kinds and offsets only). */
export function findPersonalData(text: string, ctx: DetectionContext = {}): PiiHit[] {
  return detectPersonalData(text, ctx).map(({ kind, start, end }) => ({ kind, start, end }));
}

/** Findings in the fixed PII_KINDS order, zero counts left out, so answers are stable. */
function toFindings(counts: Map<PiiKind, number>): PiiFinding[] {
  return PII_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/**
 * The text with each piece of personal data replaced: a known citizen's name by what consent
 * allows, everything else by its placeholder; and what was masked.
 */
export function maskPersonalData(text: string, ctx: DetectionContext = {}): MaskResult {
  const hits = detectPersonalData(text, ctx);
  if (hits.length === 0) return { text, findings: [] };
  const counts = new Map<PiiKind, number>();
  let out = '';
  let last = 0;
  for (const h of hits) {
    counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
    out += text.slice(last, h.start) + (h.replacement ?? PII_PLACEHOLDERS[h.kind]);
    last = h.end;
  }
  out += text.slice(last);
  return { text: out, findings: toFindings(counts) };
}

export interface MaskFieldsResult<T> {
  /** A copy of the record with the named fields masked; the input is not changed. */
  value: T;
  findings: FieldFinding[];
}

type Segment = { key: string; each: boolean };

/** "stages[].label" -> [{stages, each}, {label}]; "tags[]" -> [{tags, each}]. */
function parsePath(path: string): Segment[] {
  return path.split('.').map((part) => {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    if (!key) throw new Error(`Bad field path: "${path}"`);
    return { key, each };
  });
}

/**
 * Masks the string values at the given paths ("summary", "location.note", "stages[].label",
 * "quotes[].text", "tags[]") and reports per concrete field what was masked. Missing, null and
 * non-string values are left as they are: validation is not this module's job.
 */
export function maskFields<T extends object>(record: T, fieldNames: readonly string[], ctx: DetectionContext = {}): MaskFieldsResult<T> {
  const findings: FieldFinding[] = [];
  let value: unknown = record;
  for (const name of fieldNames) value = maskAt(value, parsePath(name), 0, '', findings, ctx);
  return { value: value as T, findings };
}

/** Copies only along the path it changes, so untouched parts of the record are shared. */
function maskAt(node: unknown, path: Segment[], i: number, at: string, out: FieldFinding[], ctx: DetectionContext): unknown {
  if (i === path.length) {
    if (typeof node !== 'string') return node;
    const { text, findings } = maskPersonalData(node, ctx);
    for (const f of findings) out.push({ field: at, kind: f.kind, count: f.count });
    return findings.length ? text : node;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const { key, each } = path[i];
  const current = (node as Record<string, unknown>)[key];
  const here = at ? `${at}.${key}` : key;
  let next: unknown;
  if (each) {
    if (!Array.isArray(current)) return node;
    let changed = false;
    const items = current.map((item, n) => {
      const masked = maskAt(item, path, i + 1, `${here}[${n}]`, out, ctx);
      changed ||= masked !== item;
      return masked;
    });
    next = changed ? items : current;
  } else {
    next = maskAt(current, path, i + 1, here, out, ctx);
  }
  return next === current ? node : { ...(node as object), [key]: next };
}
