/**
 * An inverted index from shingle hash to the documents (our published stories) containing it,
 * built once per batch of partner items, with inverse document frequencies so that a phrase
 * every release carries ("Call Center 110 siap melayani 24 jam") counts for little and a
 * phrase of one release only counts for much.
 *
 * Layout: flat typed arrays (distinct hashes sorted, their posting ranges, the postings),
 * built with a radix sort of (hash, document) pairs. Flat arrays
 * rather than a Map keep 100,000 stories (about 15 million shingles) in about 120 MB and build
 * in seconds; a Map would need gigabytes and hit V8's 2^24-entry limit.
 */
export const MAX_DOCS = 2 ** 21;
/**
 * A shingle in more than 5% of the documents, or in more than MAX_DF of them, is boilerplate
 * (template sentences, closing formulas): it is neither counted nor looked up. The cap also
 * bounds the work per query on a large index.
 */
const MAX_DF = 200;
const RADIX = 1 << 11;

export interface IndexHit {
  doc: number;
  /** Sum of the idf of the shingles shared with the query, over the sum for the whole document. */
  containment: number;
  shared: number;
}

export class ShingleIndex {
  private readonly keys: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;
  /** Sum of idf over each document's distinctive shingles: the denominator of containment. */
  private readonly docWeight: Float64Array;
  private readonly acc: Float64Array;
  private readonly sharedCount: Uint32Array;
  private readonly dir: Uint32Array;
  private readonly dirShift: number;
  readonly maxDf: number;

  /** `shinglesOf(doc)`: the distinct shingle hashes of a document (may be a reused view). */
  constructor(readonly docCount: number, shinglesOf: (doc: number) => Uint32Array) {
    if (docCount > MAX_DOCS) throw new RangeError(`at most ${MAX_DOCS} documents`);
    // 1. every document's shingles, one after the other
    let all = new Uint32Array(Math.max(1 << 16, docCount * 160));
    const docEnd = new Uint32Array(docCount);
    let total = 0;
    for (let doc = 0; doc < docCount; doc++) {
      const set = shinglesOf(doc);
      if (total + set.length > all.length) {
        const grown = new Uint32Array(Math.max(all.length * 2, total + set.length));
        grown.set(all.subarray(0, total));
        all = grown;
      }
      all.set(set, total);
      total += set.length;
      docEnd[doc] = total;
    }
    // 2. (hash, doc) pairs sorted by hash: LSD radix sort, 3 passes of 11 bits. Stable, so the
    //    documents of one hash stay ascending; each pass streams through 2,048 buckets, which
    //    stays in cache where a comparison sort or a one-pass scatter over millions would not.
    let keys = all.subarray(0, total);
    let docs = new Uint32Array(total);
    for (let doc = 0, i = 0; doc < docCount; doc++) for (; i < docEnd[doc]; i++) docs[i] = doc;
    let keysOut = new Uint32Array(total);
    let docsOut = new Uint32Array(total);
    const counts = new Uint32Array(RADIX);
    for (const shift of [0, 11, 22]) {
      counts.fill(0);
      for (let i = 0; i < total; i++) counts[(keys[i] >>> shift) & (RADIX - 1)]++;
      for (let b = 0, sum = 0; b < RADIX; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < total; i++) {
        const p = counts[(keys[i] >>> shift) & (RADIX - 1)]++;
        keysOut[p] = keys[i];
        docsOut[p] = docs[i];
      }
      [keys, keysOut] = [keysOut, keys];
      [docs, docsOut] = [docsOut, docs];
    }
    const hashes = keys;
    const postings = docs;
    all = keysOut = docsOut = new Uint32Array(0);
    // 4. distinct hashes and where their postings start
    let distinct = 0;
    for (let i = 0; i < total; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++;
    this.keys = new Uint32Array(distinct);
    this.starts = new Uint32Array(distinct + 1);
    for (let i = 0, k = -1; i < total; i++) {
      if (i === 0 || hashes[i] !== hashes[i - 1]) {
        this.keys[++k] = hashes[i];
        this.starts[k] = i;
      }
    }
    this.starts[distinct] = total;
    this.postings = postings;
    // a directory on the top bits of the hash narrows each lookup to a few neighbouring keys:
    // a binary search over ten million keys would miss the cache at almost every step
    this.dirShift = 32 - Math.min(22, Math.max(4, Math.ceil(Math.log2(distinct + 1))));
    this.dir = new Uint32Array((1 << (32 - this.dirShift)) + 1);
    for (let k = 0; k < distinct; k++) this.dir[(this.keys[k] >>> this.dirShift) + 1]++;
    for (let b = 1; b < this.dir.length; b++) this.dir[b] += this.dir[b - 1];

    this.maxDf = Math.max(3, Math.min(Math.ceil(docCount * 0.05), MAX_DF));
    this.docWeight = new Float64Array(docCount);
    for (let key = 0; key < distinct; key++) {
      const df = this.starts[key + 1] - this.starts[key];
      if (df > this.maxDf) continue;
      const weight = this.idf(df);
      for (let p = this.starts[key]; p < this.starts[key + 1]; p++) this.docWeight[this.postings[p]] += weight;
    }
    this.acc = new Float64Array(docCount);
    this.sharedCount = new Uint32Array(docCount);
  }

  idf(df: number): number {
    return Math.log(1 + this.docCount / df);
  }

  /** Document frequency of a shingle hash (0 when unknown). */
  df(hash: number): number {
    const k = this.find(hash);
    return k < 0 ? 0 : this.starts[k + 1] - this.starts[k];
  }

  /**
   * Documents sharing distinctive shingles with `query` (distinct hashes), best `limit` first by
   * containment. Not re-entrant: one query at a time (the scratch arrays are reused).
   */
  search(query: Uint32Array, limit = 5): IndexHit[] {
    const touched: number[] = [];
    for (let i = 0; i < query.length; i++) {
      const k = this.find(query[i]);
      if (k < 0) continue;
      const start = this.starts[k];
      const end = this.starts[k + 1];
      if (end - start > this.maxDf) continue;
      const weight = this.idf(end - start);
      for (let p = start; p < end; p++) {
        const doc = this.postings[p];
        if (this.sharedCount[doc] === 0) touched.push(doc);
        this.sharedCount[doc]++;
        this.acc[doc] += weight;
      }
    }
    // keep the best `limit` in a small sorted array: `touched` can be thousands long
    const best: IndexHit[] = [];
    for (const doc of touched) {
      const weight = this.docWeight[doc];
      const containment = weight > 0 ? Math.min(1, this.acc[doc] / weight) : 0;
      const shared = this.sharedCount[doc];
      this.acc[doc] = 0;
      this.sharedCount[doc] = 0;
      if (best.length === limit && !better(containment, shared, best[limit - 1])) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && better(containment, shared, best[at - 1])) at--;
      best.splice(at, 0, { doc, containment, shared });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  private find(hash: number): number {
    const bucket = hash >>> this.dirShift;
    let lo = this.dir[bucket];
    let hi = this.dir[bucket + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid];
      if (key < hash) lo = mid + 1;
      else if (key > hash) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}

const better = (containment: number, shared: number, than: IndexHit) =>
  containment > than.containment || (containment === than.containment && shared > than.shared);
