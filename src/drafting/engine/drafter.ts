import { jumlahGrafem, potong } from '../helpers';
import { CHANNEL_RULES, CHANNELS, type Channel } from '../channels';
import type { LintFinding } from '../lint/lint-finding';
import { cleanTexts, lintDraft } from '../lint/lint-draft';
import { channelLength, exceedsLimit } from '../lint/text-measure';
import type { StoryView } from '../view-model/story-view';
import { type CompiledTemplate, TemplateEngine, variantOf } from './template-engine';
import type { VariantMemory } from './variants';

export interface RenderedDraft {
  channel: Channel;
  title: string | null;
  body: string;
  templateKey: string;
  templateVersion: number;
  variant: number;
  lint: LintFinding[];
}

export interface DraftAllOptions {
  /** Variant choices of the story and of its unit's recent stories; filled with this story's. */
  variants?: VariantMemory;
  /**
   * The release's address once its headline is known (the slug follows the headline until
   * publication): called after the website draft, before the posts that link to it.
   */
  urlFor?: (headline: string) => string;
}

/** Templates by key ("complaint/x"): the defaults, or a unit's overrides laid over them. */
export type TemplateSet = ReadonlyMap<string, CompiledTemplate>;

const COMPACT_LEVELS = [0, 1, 2];

const LAYOUT = /[ \t]*(?:(?:\r\n?|\n)[ \t]*)+|[ \t]{2,}|\t/g;
/**
 * The same rule for text with neither tabs nor carriage returns (all template output but a
 * hand-made override), matching only the runs that change: every run of spaces and newlines of
 * three or more, or of two other than a paragraph break. A lone space or newline and an exact
 * "\n\n" stay as they are, so they are no match at all, which saves most of the replacements.
 * A match starts where its run starts, so it takes the whole run, as LAYOUT does.
 */
const LAYOUT_PLAIN = /[ \n]{3,}| [ \n]|\n /g;

/** What a run of blanks and line breaks becomes (no allocation: this runs per line of every draft). */
function layoutOf(run: string): string {
  const lf = run.indexOf('\n') >= 0 ? run : run.replace(/\r/g, '\n');
  const first = lf.indexOf('\n');
  if (first < 0) return ' ';
  return lf.indexOf('\n', first + 1) < 0 ? '\n' : '\n\n';
}

/** Tidies template output: no trailing spaces, no runs of blank lines or spaces. */
export function normalise(text: string): string {
  // one pass: a run of line breaks (with the blanks around them) becomes one newline or one blank
  // line; other runs of blanks become one space
  const plain = text.indexOf('\r') < 0 && text.indexOf('\t') < 0;
  return text.replace(plain ? LAYOUT_PLAIN : LAYOUT, layoutOf).trim();
}

const fits = (channel: Channel, body: string) => !exceedsLimit(channel, body);

/** Paragraphs that must survive shortening whole: the link, and mention or hashtag lines. */
const keepWhole = (paragraph: string) => /https?:\/\//.test(paragraph) || /^[@#]/.test(paragraph.trim());

/**
 * Last resort when even the compact rendering is too long: shorten the longest paragraph that
 * may be shortened (grapheme-safe, at a word), again and again, keeping links and hashtags whole.
 */
function shorten(channel: Channel, body: string): string {
  const limit = CHANNEL_RULES[channel].maxLength;
  const paragraphs = body.split('\n\n');
  const frozen = paragraphs.map(keepWhole);
  for (let round = 0; round < 100 && !fits(channel, paragraphs.join('\n\n')); round++) {
    let longest = -1;
    paragraphs.forEach((p, i) => {
      if (!frozen[i] && (longest < 0 || p.length > paragraphs[longest].length)) longest = i;
    });
    if (longest < 0) break;
    const excess = channelLength(channel, paragraphs.join('\n\n')) - limit;
    const size = jumlahGrafem(paragraphs[longest]);
    const target = Math.max(1, size - Math.max(excess, 1) - 1);
    paragraphs[longest] = potong(paragraphs[longest], target);
    if (target <= 40) frozen[longest] = true;
  }
  const text = paragraphs.join('\n\n');
  return fits(channel, text) ? text : potong(text, limit);
}

/** Renders every channel's draft of a story and lints it (pure: the same input, the same drafts). */
export class Drafter {
  constructor(private readonly engine: TemplateEngine) {}

  draftAll(view: StoryView, templates: TemplateSet, options: DraftAllOptions = {}): RenderedDraft[] {
    const drafts: RenderedDraft[] = [];
    for (const channel of CHANNELS) {
      const draft = this.render(view, channel, templates.get(`${view.kind}/${channel}`)!, options.variants);
      // CHANNELS starts with the website: its headline names the release the posts link to
      if (channel === 'website' && options.urlFor && draft.title) view.url = options.urlFor(draft.title);
      drafts.push(draft);
    }
    const texts: string[] = [];
    for (const d of drafts) {
      if (d.title) texts.push(d.title);
      texts.push(d.body);
    }
    const clean = cleanTexts(texts, view, drafts.every((d) => d.templateVersion === 0));
    // the editorial findings on the release, which carries every mended text in full (the posts are cut from the same parts)
    for (const d of drafts) d.lint = lintDraft(d, { hasImage: view.hasImage, clean, skipEditorial: d.channel !== 'website' });
    return drafts;
  }

  draft(view: StoryView, channel: Channel, template: CompiledTemplate): RenderedDraft {
    const draft = this.render(view, channel, template);
    draft.lint = lintDraft(draft, { hasImage: view.hasImage });
    return draft;
  }

  /** The fitted text of one channel; `lint` is filled in by the caller. */
  private render(view: StoryView, channel: Channel, template: CompiledTemplate, variants?: VariantMemory): RenderedDraft {
    const variant = variantOf(template, view.seed, variants);
    let text = '';
    for (const compact of COMPACT_LEVELS) {
      text = normalise(this.engine.renderVariant(template, variant, view, { tz: view.timezone, seed: view.seed, compact, variants }));
      // the website's limit is on its body (below the headline): a UTF-16 length within it proves the fit
      if (channel === 'website' ? text.length - text.indexOf('\n') - 1 <= CHANNEL_RULES.website.maxLength || fits(channel, text.slice(text.indexOf('\n') + 1)) : fits(channel, text)) break;
    }
    let title: string | null = null;
    let body = text;
    if (channel === 'website') {
      // The release's first line is its headline.
      const newline = text.indexOf('\n');
      const headline = (newline < 0 ? text : text.slice(0, newline)).trim();
      title = headline.length <= CHANNEL_RULES.website.maxTitle! ? headline : potong(headline, CHANNEL_RULES.website.maxTitle!);
      body = newline < 0 ? '' : text.slice(newline + 1).trim();
    }
    if (!fits(channel, body)) body = shorten(channel, body);
    return {
      channel, title, body, lint: [],
      templateKey: template.key,
      templateVersion: template.version,
      variant,
    };
  }
}
