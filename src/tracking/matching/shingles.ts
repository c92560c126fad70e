/**
 * Word shingles hashed to 32-bit integers: a run of SHINGLE_SIZE consecutive content words is
 * one shingle. Three content words (stop words already gone) are specific enough to be shared
 * by chance rarely, and short enough to survive a partner's light edits inside a sentence.
 * Input: the word hashes of normalise.ts tokens().
 */
export const SHINGLE_SIZE = 3;

/** Order-sensitive mix of word hashes (murmur3-style); never 0. */
function combine(hashes: Uint32Array, from: number, size: number): number {
  let h = 0x9747b28c;
  for (let i = 0; i < size; i++) {
    h = Math.imul(h ^ hashes[from + i], 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
    h = Math.imul(h, 0x1b873593);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) || 1;
}

/** Shingle hash at every position, in text order (duplicates kept: used to find shared phrases). */
export function shingleSequence(wordHashes: Uint32Array, size = SHINGLE_SIZE, into?: Uint32Array): Uint32Array {
  const count = Math.max(0, wordHashes.length - size + 1);
  const out = into ? into.subarray(0, count) : new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = combine(wordHashes, i, size);
  return out;
}

/**
 * The distinct shingle hashes of a text, sorted ascending. With `scratch`, a view of it (valid
 * until its next use) instead of a new array.
 */
export function shingleSet(wordHashes: Uint32Array, scratch?: { take(size: number): Uint32Array }): Uint32Array {
  const sequence = shingleSequence(wordHashes, SHINGLE_SIZE, scratch?.take(wordHashes.length)).sort();
  let n = 0;
  for (let i = 0; i < sequence.length; i++) if (i === 0 || sequence[i] !== sequence[i - 1]) sequence[n++] = sequence[i];
  return scratch ? sequence.subarray(0, n) : sequence.slice(0, n);
}
