import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { queryRows } from '../db/sql';
import type { Channel } from './channels';
import { Drafter, type RenderedDraft } from './engine/drafter';
import { nearDuplicateFinding, type RecentRelease, ShingleCache } from './lint/near-duplicate';
import { type DraftingInputs, type LoadedSource, type SourceRow, StorySourceLoader } from './story-source.loader';
import { OverrideRenderer, type Retitling } from './templates/override-renderer';
import { TemplateStore } from './templates/template-store';
import { storySlug } from '../stories/slug';
import type { VariantMemory } from './engine/variants';
import { buildStoryView, isPublicDomain } from './view-model/build-story-view';
import type { StoryView } from './view-model/story-view';

const NEAR_DUPLICATE_WINDOW_MS = 30 * 86_400_000;

/** Renders a story's drafts from its templates and stores them (inside the caller's transaction). */
@Injectable()
export class DraftWriter {
  private readonly logger = new Logger('DraftWriter');
  private readonly drafter: Drafter;
  private readonly recentShingles = new ShingleCache();

  constructor(
    private readonly loader: StorySourceLoader,
    private readonly templates: TemplateStore,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly clock: Clock,
    private readonly overrides: OverrideRenderer,
  ) {
    this.drafter = new Drafter(templates.engine);
    if (!isPublicDomain(config.publicBaseUrl)) {
      // issue 18: X counts such an address as plain text (not 23), and no network links it
      new Logger('Drafting').warn(`PUBLIC_BASE_URL ${config.publicBaseUrl} is not a public domain: X counts links to it at full length and social networks will not make them clickable; set PUBLIC_BASE_URL to the press room's public https address`);
    }
  }

  /**
   * `ownKey`: the cache key the website body will be stored under (story id and revision), when
   * known: its shingles are cached at once, so the next intake of the unit need not read it back.
   */
  async render(
    manager: EntityManager, storyId: string, ownKey?: string, sourceRow?: SourceRow, retitle = false,
  ): Promise<{ source: LoadedSource; drafts: RenderedDraft[]; variants: VariantMemory; slug: string }> {
    const source = await this.loader.loadForDrafting(manager, storyId, new Date(this.clock.now().getTime() - NEAR_DUPLICATE_WINDOW_MS), sourceRow);
    const variants: VariantMemory = { own: source.ownChoices, recent: source.recentChoices, chosen: {} };
    // a new story's title and slug follow the headline the templates wrote (issue 18, item 12)
    const retitling: Retitling | undefined = retitle ? { publicBaseUrl: this.config.publicBaseUrl, storyId, sensitive: source.story.sensitive === true } : undefined;
    const rendered = await this.draftAll(buildStoryView(source, this.config.publicBaseUrl), source, variants, retitling);
    const drafts = rendered.drafts;
    variants.chosen = rendered.chosen;
    const slug = rendered.slug ?? source.story.slug;
    const website = drafts.find((d) => d.channel === 'website');
    if (website) {
      const recent: (RecentRelease & { id: string })[] = source.recent;
      // Bodies are read only for releases not cut into shingles yet (written by another instance,
      // edited, or evicted).
      const missing = recent.filter((r) => !this.recentShingles.has(r.key!)).map((r) => r.id);
      if (missing.length > 0) {
        const bodies: { story_id: string; body: string }[] = await manager.query(
          `SELECT story_id, body FROM draft WHERE story_id = ANY($1) AND channel = 'website'`, [missing]);
        const byStory = new Map(bodies.map((b) => [b.story_id, b.body]));
        for (const r of recent) r.body = byStory.get(r.id);
      }
      const finding = nearDuplicateFinding(website.body, recent, this.recentShingles, ownKey);
      if (finding) website.lint.push(finding);
    }
    return { source, drafts, variants, slug };
  }

  /**
   * The shipped templates render here, in-process (the fast path); a unit chain with overrides
   * (written by officers) renders in OverrideRenderer's worker under a time limit (issue 17). An
   * override that fails or overruns there falls back to the shipped templates: an intake never
   * waits on or fails because of a template.
   */
  private async draftAll(
    view: StoryView, source: DraftingInputs, variants: VariantMemory, retitling?: Retitling,
  ): Promise<{ drafts: RenderedDraft[]; chosen: Record<string, number>; slug?: string }> {
    if (source.overrides.length > 0) {
      try {
        return await this.overrides.draftAll(view, source.overrides, source.unitIds, variants, retitling);
      } catch (error) {
        this.logger.warn(`template override of story ${source.story.id} not used: ${(error as Error).message.slice(0, 200)}`);
      }
    }
    let slug: string | undefined;
    const urlFor = retitling ? (headline: string) => `${retitling.publicBaseUrl}/rilis/${(slug = storySlug(headline, retitling.storyId, retitling.sensitive))}` : undefined;
    const drafts = this.drafter.draftAll(view, this.templates.defaults, { variants, urlFor });
    return { drafts, chosen: variants.chosen, slug };
  }

  /**
   * The first drafts of a new story: revision 1 of every channel and its history row, in one
   * statement. `sourceRow`: the source item's row as the caller just inserted it (not read back).
   */
  async createInitial(manager: EntityManager, storyId: string, actorId: string | null, sourceRow?: SourceRow): Promise<void> {
    const { drafts, variants, slug } = await this.render(manager, storyId, `${storyId}:1`, sourceRow, true);
    const column = <T>(pick: (d: RenderedDraft) => T) => drafts.map(pick);
    const headline = drafts.find((d) => d.channel === 'website')?.title ?? null;
    const params = [
      storyId, column((d) => d.channel), column((d) => d.title), column((d) => d.body), column((d) => d.templateKey),
      column((d) => d.templateVersion), column((d) => d.variant), column((d) => JSON.stringify(d.lint)), actorId,
      JSON.stringify(variants.chosen), headline, slug,
    ];
    // the story's title, slug and variant choices go with the drafts, in the same statement
    await manager.query(
      `WITH s AS (UPDATE story SET variant_choices = $10::jsonb, title = COALESCE($11, title), slug = $12 WHERE id = $1),
       d AS (
         INSERT INTO draft (story_id, channel, title, body, revision, template_key, template_version, variant, lint, updated_by)
         SELECT $1, t.channel, t.title, t.body, 1, t.key, t.version, t.variant, t.lint::jsonb, $9
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[])
                AS t(channel, title, body, key, version, variant, lint)
         RETURNING story_id, channel, title, body, template_key, template_version)
       INSERT INTO draft_revision (story_id, channel, revision, title, body, source, template_key, template_version, changed_by)
       SELECT story_id, channel, 1, title, body, 'template', template_key, template_version, $9 FROM d`,
      params,
    );
  }

  /**
   * Keeps the story's title and slug in step with the release headline until publication (the
   * slug is fixed once published), and the posts' links with the slug: each draft whose link
   * changes gets a new revision.
   */
  async retitle(manager: EntityManager, storyId: string, headline: string, actorId: string | null): Promise<void> {
    const [story] = await queryRows<{ slug: string; title: string; published_at: Date | null; sensitive: boolean }>(manager,
      `SELECT slug, title, published_at, sensitive FROM story WHERE id = $1`, [storyId]);
    if (!story || story.published_at || !headline.trim() || story.title === headline) return;
    const slug = storySlug(headline, storyId, story.sensitive);
    if (slug === story.slug) {
      await manager.query(`UPDATE story SET title = $2 WHERE id = $1`, [storyId, headline]);
      return;
    }
    const base = `${this.config.publicBaseUrl}/rilis/`;
    await manager.query(
      `WITH s AS (UPDATE story SET title = $2, slug = $3 WHERE id = $1),
       d AS (UPDATE draft SET body = replace(body, $4, $5), revision = revision + 1, updated_by = $6, updated_at = now()
              WHERE story_id = $1 AND strpos(body, $4) > 0
          RETURNING story_id, channel, revision, title, body, template_key, template_version)
       INSERT INTO draft_revision (story_id, channel, revision, title, body, source, template_key, template_version, changed_by)
       SELECT story_id, channel, revision, title, body, 'template', template_key, template_version, $6 FROM d`,
      [storyId, headline, slug, base + story.slug, base + slug, actorId],
    );
  }

  /** Replaces a channel's draft with a fresh rendering as a new revision. */
  async replace(manager: EntityManager, storyId: string, draft: RenderedDraft, actorId: string | null): Promise<number> {
    const [row] = await queryRows<{ revision: number }>(manager,
      `UPDATE draft SET title = $3, body = $4, revision = revision + 1, template_key = $5, template_version = $6, variant = $7,
              lint = $8, edited = false, updated_by = $9, updated_at = now()
        WHERE story_id = $1 AND channel = $2 RETURNING revision`,
      [storyId, draft.channel, draft.title, draft.body, draft.templateKey, draft.templateVersion, draft.variant, JSON.stringify(draft.lint), actorId],
    );
    await this.revision(manager, storyId, draft.channel, row.revision, draft.title, draft.body, 'template', actorId, draft);
    return row.revision;
  }

  async revision(
    manager: EntityManager, storyId: string, channel: Channel, revision: number, title: string | null, body: string,
    source: 'template' | 'edit', actorId: string | null, template?: RenderedDraft,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO draft_revision (story_id, channel, revision, title, body, source, template_key, template_version, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [storyId, channel, revision, title, body, source, template?.templateKey ?? null, template?.templateVersion ?? null, actorId],
    );
  }
}
