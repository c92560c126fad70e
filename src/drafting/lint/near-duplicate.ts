import type { LintFinding } from './lint-finding';

/** Word 4-grams of a text, lower case, without punctuation: robust to small edits. */
export function shingles(text: string, size = 4): Set<string> {
  const words = text.toLocaleLowerCase('id-ID').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** A warning when the release reads almost like one of the recent ones (same wording twice looks careless). */
export function nearDuplicateFinding(body: string, recent: { title: string; body: string }[]): LintFinding | null {
  const mine = shingles(body);
  let best: { title: string; score: number } | null = null;
  for (const other of recent) {
    const score = jaccard(mine, shingles(other.body));
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { title: other.title, score };
  }
  if (!best) return null;
  return {
    code: 'near_duplicate',
    severity: 'warning',
    message: `Teks sangat mirip (${Math.round(best.score * 100)}%) dengan rilis 30 hari terakhir: "${best.title}". Pertimbangkan menyunting agar tidak terbaca sama.`,
  };
}
