import type { LintFinding } from './lint-finding';

const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a of one word, 32 bits. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Word n-grams (4 by default) of a text, lower case, without punctuation: robust to small edits.
 * Each n-gram is a 32-bit hash of its words, and the result is sorted and distinct, so that two
 * texts are compared by one merge instead of building and probing sets of strings (intake checks
 * every new release against the unit's recent ones).
 */
export function shingles(text: string, size = 4): Int32Array {
  const words = (text.toLowerCase().match(WORD) ?? []).map(wordHash);
  const count = Math.max(0, words.length - size + 1);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 17;
    for (let j = 0; j < size; j++) h = Math.imul(h, 0x01000193) ^ words[i + j];
    out[i] = h;
  }
  out.sort();
  let distinct = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[distinct++] = out[i];
  return out.subarray(0, distinct);
}

/** Shared share of two sorted, distinct shingle lists (|A ∩ B| / |A ∪ B|). */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/**
 * The shingles of recent releases, by story and revision: a unit's releases of the last 30 days
 * are compared with every new one, so each is cut into shingles once, not at every intake.
 */
export class ShingleCache {
  private readonly entries = new Map<string, Int32Array>();

  constructor(private readonly capacity = 2_000) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  put(key: string, value: Int32Array): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The shingles of `key`, computed from `text` when not cached; null when neither is there. */
  get(key: string, text: string | undefined): Int32Array | null {
    const cached = this.entries.get(key);
    if (cached) {
      // Map keeps insertion order: re-inserting marks the entry as recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    if (text === undefined) return null;
    const computed = shingles(text);
    this.entries.set(key, computed);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }
}

export interface RecentRelease {
  title: string;
  /** May be left out when `key` is in the cache (the text is then not read from the database). */
  body?: string;
  /** Identifies this exact text (story id and revision) for the cache. */
  key?: string;
}

/** A warning when the release reads almost like one of the recent ones (same wording twice looks careless). */
export function nearDuplicateFinding(body: string, recent: RecentRelease[], cache?: ShingleCache, ownKey?: string): LintFinding | null {
  const mine = shingles(body);
  // Cached under the key this body is about to be stored with (a rolled-back story's entry is
  // never asked for: keys come from the database).
  if (cache && ownKey) cache.put(ownKey, mine);
  let best: { title: string; score: number } | null = null;
  for (const other of recent) {
    const theirs = cache && other.key ? cache.get(other.key, other.body) : other.body === undefined ? null : shingles(other.body);
    if (!theirs) continue; // evicted while its body was not read: skipped, it is only a warning
    const score = jaccard(mine, theirs);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { title: other.title, score };
  }
  if (!best) return null;
  return {
    code: 'near_duplicate',
    severity: 'warning',
    message: `Teks sangat mirip (${Math.round(best.score * 100)}%) dengan rilis 30 hari terakhir: "${best.title}". Pertimbangkan menyunting agar tidak terbaca sama.`,
  };
}
