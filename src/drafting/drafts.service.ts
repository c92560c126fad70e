import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { queryRows } from '../db/sql';
import { StoriesService } from '../stories/stories.service';
import { CHANNELS, type Channel } from './channels';
import { DraftWriter } from './draft-writer.service';
import type { EditDraftDto, RegenerateDto } from './dto/draft.dto';
import { lintDraft } from './lint/lint-draft';
import { StorySourceLoader } from './story-source.loader';

/** Channels whose first line is the release headline, and how they write it. */
const HEADLINE_LINES: Partial<Record<Channel, (title: string) => string>> = {
  facebook: (t) => t, telegram: (t) => t, whatsapp: (t) => `*${t}*`,
};

/** Drafts may change only before approval; an approved or published story is edited by withdrawing it. */
const EDITABLE = new Set(['draft', 'in_review', 'rejected']);

@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly writer: DraftWriter,
    private readonly loader: StorySourceLoader,
    private readonly audit: AuditService,
  ) {}

  async edit(user: AuthUser, storyId: string, channel: Channel, dto: EditDraftDto) {
    await this.stories.find(user, storyId);
    return this.db.transaction(async (manager) => {
      const story = await this.lockEditable(manager, storyId);
      const title = channel === 'website' ? (dto.title ?? null) : null;
      const [before] = title === null ? [] : await queryRows<{ title: string | null }>(manager, `SELECT title FROM draft WHERE story_id = $1 AND channel = 'website'`, [storyId]);
      const media = await this.loader.mediaOf(manager, storyId);
      const lint = lintDraft({ channel, title: title ?? (channel === 'website' ? '' : null), body: dto.body }, { hasImage: media.count > 0 });
      const updated = await queryRows<{ revision: number }>(manager,
        `UPDATE draft SET title = COALESCE($4, title), body = $5, revision = revision + 1, lint = $6, edited = true, updated_by = $7, updated_at = now()
          WHERE story_id = $1 AND channel = $2 AND revision = $3 RETURNING revision`,
        [storyId, channel, dto.revision, title, dto.body, JSON.stringify(lint), user.id],
      );
      if (updated.length === 0) {
        const [current] = await manager.query(`SELECT revision FROM draft WHERE story_id = $1 AND channel = $2`, [storyId, channel]);
        throw ProblemException.conflict('stale_revision', `Draf ${channel} sudah diubah orang lain (revisi ${current.revision}); muat ulang lalu sunting lagi.`, { currentRevision: current.revision });
      }
      const revision = updated[0].revision;
      await this.writer.revision(manager, storyId, channel, revision, title, dto.body, 'edit', user.id);
      const carried = title !== null && before?.title && before.title !== title ? await this.headlineChanged(manager, user, storyId, before.title, title, dto.carryHeadline === true) : [];
      await this.touch(manager, user, storyId, story, { channel, revision, ...(dto.carryHeadline ? { carriedTo: carried } : {}) });
      const [draft] = await manager.query(`SELECT channel, title, body, revision, lint, edited FROM draft WHERE story_id = $1 AND channel = $2`, [storyId, channel]);
      return dto.carryHeadline ? { ...draft, carriedTo: carried } : draft;
    });
  }

  /** Renders again; channels a person edited keep the edit unless `force` is set. */
  async regenerate(user: AuthUser, storyId: string, dto: RegenerateDto) {
    await this.stories.find(user, storyId);
    const wanted = new Set<Channel>(dto.channels ?? CHANNELS);
    const result = await this.db.transaction(async (manager) => {
      const story = await this.lockEditable(manager, storyId);
      const edited = new Set<string>((await manager.query(`SELECT channel FROM draft WHERE story_id = $1 AND edited`, [storyId])).map((r: { channel: string }) => r.channel));
      const { drafts } = await this.writer.render(manager, storyId);
      const regenerated: Channel[] = [];
      const kept: Channel[] = [];
      for (const draft of drafts) {
        if (!wanted.has(draft.channel)) continue;
        if (edited.has(draft.channel) && !dto.force) {
          kept.push(draft.channel);
          continue;
        }
        await this.writer.replace(manager, storyId, draft, user.id);
        regenerated.push(draft.channel);
      }
      // after every channel: the links of the drafts just written follow a new headline too
      const website = drafts.find((d) => d.channel === 'website');
      if (website?.title && regenerated.includes('website')) await this.writer.retitle(manager, storyId, website.title, user.id);
      await this.audit.record({ actorId: user.id, action: 'draft.regenerate', subjectType: 'story', subjectId: storyId, unitId: story.unit_id, details: { regenerated, kept, force: dto.force ?? false } }, manager);
      return { regenerated, kept };
    });
    return { ...result, story: await this.stories.get(user, storyId) };
  }

  /**
   * A new release headline: the story's title and slug follow it (until publication), and with
   * `carry` the channels that show the headline get it where their first line is still the old
   * one (a channel whose headline a person already rewrote is left alone). Returns the channels.
   */
  private async headlineChanged(manager: EntityManager, user: AuthUser, storyId: string, old: string, title: string, carry: boolean): Promise<Channel[]> {
    await this.writer.retitle(manager, storyId, title, user.id);
    if (!carry) return [];
    const rows = await queryRows<{ channel: Channel; body: string }>(manager,
      `SELECT channel, body FROM draft WHERE story_id = $1 AND channel = ANY($2)`, [storyId, Object.keys(HEADLINE_LINES)]);
    const carried: Channel[] = [];
    const media = await this.loader.mediaOf(manager, storyId);
    for (const row of rows) {
      const line = HEADLINE_LINES[row.channel]!;
      const newline = row.body.indexOf('\n');
      const first = newline < 0 ? row.body : row.body.slice(0, newline);
      if (first.trim() !== line(old)) continue;
      const body = line(title) + (newline < 0 ? '' : row.body.slice(newline));
      const lint = lintDraft({ channel: row.channel, title: null, body }, { hasImage: media.count > 0 });
      const [updated] = await queryRows<{ revision: number }>(manager,
        `UPDATE draft SET body = $3, revision = revision + 1, lint = $4, edited = true, updated_by = $5, updated_at = now()
          WHERE story_id = $1 AND channel = $2 RETURNING revision`, [storyId, row.channel, body, JSON.stringify(lint), user.id]);
      await this.writer.revision(manager, storyId, row.channel, updated.revision, null, body, 'edit', user.id);
      carried.push(row.channel);
    }
    return carried.sort();
  }

  async revisions(user: AuthUser, storyId: string, channel: Channel) {
    await this.stories.find(user, storyId);
    return this.db.query(
      `SELECT r.revision, r.title, r.body, r.source, r.template_key AS "templateKey", r.template_version AS "templateVersion",
              r.changed_at AS "changedAt", u.username AS "changedBy"
         FROM draft_revision r LEFT JOIN app_user u ON u.id = r.changed_by
        WHERE r.story_id = $1 AND r.channel = $2 ORDER BY r.revision DESC`,
      [storyId, channel],
    );
  }

  /** Locks the story row: edits, regeneration and approvals of one story happen one at a time. */
  private async lockEditable(manager: EntityManager, storyId: string): Promise<{ status: string; unit_id: string }> {
    const [story] = await manager.query(`SELECT status, unit_id FROM story WHERE id = $1 FOR UPDATE`, [storyId]);
    if (!EDITABLE.has(story.status)) {
      throw ProblemException.conflict('story_locked', `Cerita berstatus ${story.status} tidak dapat disunting.`, { state: story.status });
    }
    return story;
  }

  /** Records who edited last (four eyes) and sends a rejected story back to draft. */
  private async touch(manager: EntityManager, user: AuthUser, storyId: string, story: { status: string; unit_id: string }, details: Record<string, unknown>): Promise<void> {
    const status = story.status === 'rejected' ? 'draft' : story.status;
    // An edit during review voids the approval steps already given: they approved another text.
    const newRound = story.status === 'in_review' ? 1 : 0;
    await manager.query(
      `UPDATE story SET last_edited_by = $2, status = $3, review_round = review_round + $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [storyId, user.id, status, newRound],
    );
    await this.audit.record({ actorId: user.id, action: 'draft.edit', subjectType: 'story', subjectId: storyId, unitId: story.unit_id, from: story.status, to: status, details }, manager);
  }
}
