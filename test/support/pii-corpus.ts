/**
 * The PII corpus (test/data/pii/corpus.json, issue 16): personal data in the forms people write
 * it, embedded in report sentences, and ordinary numbers and places that must stay. Scores the
 * masker per class: recall (cases whose every value disappeared) and precision (masked spans
 * that cover personal data, out of all masked spans, negatives included).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type KnownCitizen, findPersonalData, maskPersonalData } from '../../src/intake/privacy/pii-masker';

interface Positive {
  class: string;
  text: string;
  /** Substrings that must not survive masking. */
  hide: string[];
  /** Index into `citizens`: the case's own citizen. */
  citizen?: number;
}
interface Negative {
  text: string;
  allowedNumbers?: string[];
}
interface Corpus {
  positives: Positive[];
  negatives: Negative[];
  citizens: KnownCitizen[];
}

const DIR = path.join(__dirname, '..', 'data', 'pii');

/**
 * Every corpus file of test/data/pii, as one: corpus.json (written with the masker) and
 * independent.json (written by a separate session that never saw the masker's code, to test the
 * classes rather than the examples). Citizens are renumbered so each file keeps its own.
 */
function readCorpus(): Corpus {
  const all: Corpus = { positives: [], negatives: [], citizens: [] };
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const part: Corpus = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
    const offset = all.citizens.length;
    all.citizens.push(...part.citizens);
    all.positives.push(...part.positives.map((p) => (p.citizen === undefined ? p : { ...p, citizen: p.citizen + offset })));
    all.negatives.push(...part.negatives);
  }
  return all;
}

export const CORPUS: Corpus = readCorpus();

export interface ClassScore {
  cls: string;
  cases: number;
  recalled: number;
  hits: number;
  correctHits: number;
}

export interface CorpusResult {
  scores: ClassScore[];
  missed: { cls: string; text: string; masked: string }[];
  falsePositives: { text: string; masked: string }[];
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Where each value to hide sits in the text (every occurrence). */
function valueSpans(text: string, values: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of values) for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) out.push([at, at + v.length]);
  return out;
}

export function scoreCorpus(corpus: Corpus = CORPUS): CorpusResult {
  const scores = new Map<string, ClassScore>();
  const score = (cls: string) => scores.get(cls) ?? scores.set(cls, { cls, cases: 0, recalled: 0, hits: 0, correctHits: 0 }).get(cls)!;
  const missed: CorpusResult['missed'] = [];
  const falsePositives: CorpusResult['falsePositives'] = [];
  for (const p of corpus.positives) {
    const ctx = p.citizen === undefined ? {} : { citizens: [corpus.citizens[p.citizen]] };
    const masked = maskPersonalData(p.text, ctx).text;
    const s = score(p.class);
    s.cases++;
    if (p.hide.every((v) => !masked.includes(v))) s.recalled++;
    else missed.push({ cls: p.class, text: p.text, masked });
    const spans = valueSpans(p.text, p.hide);
    for (const hit of findPersonalData(p.text, ctx)) {
      // a hit counts for the class of the case it is found in (a phone written as an e-wallet is a bank case)
      const hs = score(p.class);
      hs.hits++;
      if (spans.some((v) => overlaps(v, [hit.start, hit.end]))) hs.correctHits++;
      else falsePositives.push({ text: p.text, masked });
    }
  }
  for (const n of corpus.negatives) {
    const ctx = { allowedNumbers: n.allowedNumbers ?? [] };
    const hits = findPersonalData(n.text, ctx);
    for (const hit of hits) score(hit.kind).hits++;
    if (hits.length > 0) falsePositives.push({ text: n.text, masked: maskPersonalData(n.text, ctx).text });
  }
  return { scores: [...scores.values()].sort((a, b) => a.cls.localeCompare(b.cls)), missed, falsePositives };
}

export const recall = (s: ClassScore) => (s.cases === 0 ? 1 : s.recalled / s.cases);
export const precision = (s: ClassScore) => (s.hits === 0 ? 1 : s.correctHits / s.hits);
