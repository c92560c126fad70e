import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { queryRows } from '../db/sql';
import type { Channel } from './channels';
import { Drafter, type RenderedDraft } from './engine/drafter';
import { nearDuplicateFinding, type RecentRelease, ShingleCache } from './lint/near-duplicate';
import { type DraftingInputs, type LoadedSource, type SourceRow, StorySourceLoader } from './story-source.loader';
import { OverrideRenderer } from './templates/override-renderer';
import { TemplateStore } from './templates/template-store';
import { buildStoryView } from './view-model/build-story-view';
import type { StoryView } from './view-model/story-view';

const NEAR_DUPLICATE_WINDOW_MS = 30 * 86_400_000;

/** Renders a story's drafts from its templates and stores them (inside the caller's transaction). */
@Injectable()
export class DraftWriter {
  private readonly drafter: Drafter;
  private readonly recentShingles = new ShingleCache();
  private readonly logger = new Logger('DraftWriter');

  constructor(
    private readonly loader: StorySourceLoader,
    private readonly templates: TemplateStore,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly clock: Clock,
    private readonly overrides: OverrideRenderer,
  ) {
    this.drafter = new Drafter(templates.engine);
  }

  /**
   * `ownKey`: the cache key the website body will be stored under (story id and revision), when
   * known: its shingles are cached at once, so the next intake of the unit need not read it back.
   */
  async render(manager: EntityManager, storyId: string, ownKey?: string, sourceRow?: SourceRow): Promise<{ source: LoadedSource; drafts: RenderedDraft[] }> {
    const source = await this.loader.loadForDrafting(manager, storyId, new Date(this.clock.now().getTime() - NEAR_DUPLICATE_WINDOW_MS), sourceRow);
    const drafts = await this.draftAll(buildStoryView(source, this.config.publicBaseUrl), source);
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
    return { source, drafts };
  }

  /**
   * The shipped templates render here, in-process (the fast path); a unit chain with overrides
   * (written by officers) renders in OverrideRenderer's worker under a time limit. An override
   * that fails or overruns there falls back to the shipped templates: an intake never waits on
   * or fails because of a template.
   */
  private async draftAll(view: StoryView, source: DraftingInputs): Promise<RenderedDraft[]> {
    if (source.overrides.length === 0) return this.drafter.draftAll(view, this.templates.defaults);
    try {
      return await this.overrides.draftAll(view, source.overrides, source.unitIds);
    } catch (error) {
      this.logger.warn(`template override of story ${source.story.id} not used: ${(error as Error).message.slice(0, 200)}`);
      return this.drafter.draftAll(view, this.templates.defaults);
    }
  }

  /**
   * The first drafts of a new story: revision 1 of every channel and its history row, in one
   * statement. `sourceRow`: the source item's row as the caller just inserted it (not read back).
   */
  async createInitial(manager: EntityManager, storyId: string, actorId: string | null, sourceRow?: SourceRow): Promise<void> {
    const { drafts } = await this.render(manager, storyId, `${storyId}:1`, sourceRow);
    const column = <T>(pick: (d: RenderedDraft) => T) => drafts.map(pick);
    const params = [
      storyId, column((d) => d.channel), column((d) => d.title), column((d) => d.body), column((d) => d.templateKey),
      column((d) => d.templateVersion), column((d) => d.variant), column((d) => JSON.stringify(d.lint)), actorId,
    ];
    await manager.query(
      `WITH d AS (
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
