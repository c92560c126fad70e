import { contentWords, extractUrls, Scratch, stripHtml, tokens } from './normalise';
import { sharedPhrases } from './shared-phrases';
import { ShingleIndex } from './shingle-index';
import { shingleSet } from './shingles';
import { TitleWeights } from './title-weights';

/** A published story a partner item may have picked up. */
export interface CandidateStory {
  id: string;
  title: string;
  /** The website release (plain text). */
  body: string;
  slug: string;
  /** Photos of the story: a partner showing /media/<id>/... took it from us. */
  mediaIds?: readonly string[];
}

/** What a partner published (text or HTML, as the feed gives it). */
export interface PartnerItemText {
  title?: string | null;
  link?: string | null;
  text?: string | null;
}

export interface PickupEvidence {
  signal: 'link' | 'phrases' | 'title' | 'phrases+title';
  url?: string;
  /** idf-weighted share of the story's distinctive shingles found in the item (0-1). */
  phraseScore?: number;
  titleSimilarity?: number;
  sharedShingles?: number;
  sharedPhrases?: string[];
}

export interface PickupMatch {
  storyId: string;
  score: number;
  certain: boolean;
  evidence: PickupEvidence;
}

/**
 * Thresholds, calibrated on test/data/pickups (partner rewrites score 0.26-0.82; unrelated
 * police news of the same day, same city and often the same unit, at most 0.06):
 * - phraseScore: the idf-weighted share of the story's distinctive shingles found in the item;
 * - score = phraseScore + TITLE_WEIGHT x titleSimilarity, capped at 1, where the title counts
 *   only beside real shared text (phraseScore >= PHRASES_FOR_TITLE) or when it is nearly ours
 *   (similarity >= TITLE_ALONE): titles are short and formulaic ("Polres X Tuntaskan Laporan
 *   ... di Y"), so a shared unit name alone must not make a pickup;
 * - a pickup needs score >= PICKUP_THRESHOLD;
 * - a link to the release or to one of its photos is certain (score 1) whatever the text.
 */
export const PICKUP_THRESHOLD = 0.25;
export const TITLE_WEIGHT = 0.5;
export const PHRASES_FOR_TITLE = 0.1;
export const TITLE_ALONE = 0.7;
/** How many index candidates get the full (title) scoring. */
const CANDIDATES = 5;

/**
 * Matches partner items against a fixed set of recently published stories. Build it once per
 * batch (the index build is the expensive part), then call match() per item. Pure: no I/O.
 */
export class PickupMatcher {
  private readonly index: ShingleIndex;
  private readonly titles: TitleWeights;
  private readonly storyTitleWords: string[][];
  private readonly bySlug = new Map<string, number>();
  private readonly byMedia = new Map<string, number>();
  /** publicBaseUrl without scheme, lower case, e.g. "humas.example.go.id" or "localhost:3000/x". */
  private readonly base: string;
  /** Reused buffers of match() (one item at a time). */
  private readonly words = new Scratch();
  private readonly shingles = new Scratch();

  constructor(private readonly stories: readonly CandidateStory[], publicBaseUrl: string) {
    this.base = withoutScheme(publicBaseUrl).replace(/\/+$/, '');
    this.storyTitleWords = stories.map((s) => contentWords(s.title));
    this.titles = new TitleWeights(this.storyTitleWords);
    const words = new Scratch();
    const shingles = new Scratch();
    this.index = new ShingleIndex(stories.length, (i) => shingleSet(tokens([stories[i].title, stories[i].body], false, words).hashes, shingles));
    stories.forEach((story, i) => {
      this.bySlug.set(story.slug.toLowerCase(), i);
      for (const id of story.mediaIds ?? []) this.byMedia.set(id.toLowerCase(), i);
    });
  }

  get size(): number {
    return this.stories.length;
  }

  /** The best story this item picked up, or null when none passes the threshold. */
  match(item: PartnerItemText): PickupMatch | null {
    const raw = `${item.link ?? ''}\n${item.text ?? ''}`;
    const linked = this.linkedStory(raw);
    if (linked) return { storyId: this.stories[linked.doc].id, score: 1, certain: true, evidence: { signal: 'link', url: linked.url } };

    const titleWords = contentWords(item.title ?? '');
    const text = [item.title ?? '', stripHtml(item.text ?? '')];
    const words = tokens(text, false, this.words);
    let best: PickupMatch | null = null;
    let bestDoc = -1;
    for (const hit of this.index.search(shingleSet(words.hashes, this.shingles), CANDIDATES)) {
      const title = this.titles.similarity(titleWords, this.storyTitleWords[hit.doc]);
      const titleCounts = hit.containment >= PHRASES_FOR_TITLE || title >= TITLE_ALONE;
      const score = Math.min(1, hit.containment + (titleCounts ? TITLE_WEIGHT * title : 0));
      if (score < PICKUP_THRESHOLD || (best && score <= best.score)) continue;
      const phrases = hit.containment >= PHRASES_FOR_TITLE;
      const titled = titleCounts && title >= 0.3;
      bestDoc = hit.doc;
      best = {
        storyId: this.stories[hit.doc].id,
        score: round(score),
        certain: false,
        evidence: {
          signal: phrases && titled ? 'phrases+title' : titled || !phrases ? 'title' : 'phrases',
          phraseScore: round(hit.containment),
          titleSimilarity: round(title),
          sharedShingles: hit.shared,
          sharedPhrases: [],
        },
      };
    }
    if (best) {
      // evidence for the winner only: the item's words as strings, and the story's shingles again
      const story = this.stories[bestDoc];
      best.evidence.sharedPhrases = sharedPhrases(tokens(text, true), tokens([story.title, story.body]).hashes, (h) => this.index.df(h) <= this.index.maxDf);
    }
    return best;
  }

  /** The first of our release or photo URLs the item carries (its link, or an href in its text). */
  private linkedStory(text: string): { doc: number; url: string } | null {
    for (const url of extractUrls(text)) {
      const rest = withoutScheme(url);
      if (!rest.startsWith(`${this.base}/`)) continue;
      const path = rest.slice(this.base.length).split(/[?#]/)[0];
      const release = /^\/rilis\/([a-z0-9-]+)\/?$/.exec(path);
      const media = /^\/media\/([0-9a-f-]{36})(\/|$)/.exec(path);
      const doc = release ? this.bySlug.get(release[1]) : media ? this.byMedia.get(media[1]) : undefined;
      if (doc !== undefined) return { doc, url };
    }
    return null;
  }
}

function withoutScheme(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^([^/]*)/, (host) => host.toLowerCase());
}

const round = (n: number) => Math.round(n * 1000) / 1000;
