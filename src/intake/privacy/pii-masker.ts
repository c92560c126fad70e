/**
 * The personal-data masking engine: pure functions over strings and plain records, no I/O, no
 * logging. Intake masks free text with it before anything reaches a story (DESIGN.md §7); draft
 * lint uses findPersonalData to point at what a rendered draft still contains.
 *
 * Results carry kinds, counts and offsets, never the matched values: callers can put them in
 * API answers, audit details and logs without leaking what was masked.
 */
import { MAY_CONTAIN_PII, PII_KINDS, PiiKind, piiScanner } from './pii-patterns';

export type { PiiKind } from './pii-patterns';

/** Readable Indonesian placeholders; they hold no digit and no '@', so masking is idempotent. */
export const PII_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = Object.freeze({
  nik: '[NIK disamarkan]',
  phone: '[nomor telepon disamarkan]',
  email: '[email disamarkan]',
  plate: '[nomor polisi disamarkan]',
  address: '[alamat disamarkan]',
});

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
 * Compiled once. Sharing a global regex is safe here because replace() starts from 0 and
 * matchAll() scans a copy; neither leaves the shared lastIndex mid-text.
 */
const SCANNER = piiScanner();

/** Which detector matched: exactly one named group is set per match. */
function kindOf(groups: Record<string, string | undefined> | undefined): PiiKind {
  for (const kind of PII_KINDS) if (groups?.[kind] !== undefined) return kind;
  throw new Error('PII scanner matched without a kind'); // unreachable: every alternative is named
}

/** Findings in the fixed PII_KINDS order, zero counts left out, so answers are stable. */
function toFindings(counts: Map<PiiKind, number>): PiiFinding[] {
  return PII_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/** Every piece of personal data in the text, left to right, not overlapping. */
export function findPersonalData(text: string): PiiHit[] {
  if (!text || !MAY_CONTAIN_PII.test(text)) return [];
  const hits: PiiHit[] = [];
  for (const match of text.matchAll(SCANNER)) {
    hits.push({ kind: kindOf(match.groups), start: match.index!, end: match.index! + match[0].length });
  }
  return hits;
}

/** The text with each piece of personal data replaced by its placeholder, and what was masked. */
export function maskPersonalData(text: string): MaskResult {
  if (!text || !MAY_CONTAIN_PII.test(text)) return { text, findings: [] };
  const counts = new Map<PiiKind, number>();
  // One pass: replace() walks the combined scanner once; the replacer's last argument is groups.
  const masked = text.replace(SCANNER, (...args: unknown[]) => {
    const kind = kindOf(args[args.length - 1] as Record<string, string | undefined>);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return PII_PLACEHOLDERS[kind];
  });
  return { text: masked, findings: toFindings(counts) };
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
export function maskFields<T extends object>(record: T, fieldNames: readonly string[]): MaskFieldsResult<T> {
  const findings: FieldFinding[] = [];
  let value: unknown = record;
  for (const name of fieldNames) value = maskAt(value, parsePath(name), 0, '', findings);
  return { value: value as T, findings };
}

/** Copies only along the path it changes, so untouched parts of the record are shared. */
function maskAt(node: unknown, path: Segment[], i: number, at: string, out: FieldFinding[]): unknown {
  if (i === path.length) {
    if (typeof node !== 'string') return node;
    const { text, findings } = maskPersonalData(node);
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
      const masked = maskAt(item, path, i + 1, `${here}[${n}]`, out);
      changed ||= masked !== item;
      return masked;
    });
    next = changed ? items : current;
  } else {
    next = maskAt(current, path, i + 1, here, out);
  }
  return next === current ? node : { ...(node as object), [key]: next };
}
