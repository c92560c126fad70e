import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import { DraftWriter } from '../drafting/draft-writer.service';
import type { SourceRow } from '../drafting/story-source.loader';
import { storySlug } from './slug';

export type StoryKind = 'complaint' | 'feedback' | 'achievement';

export interface NewStory {
  kind: StoryKind;
  sourceId: string;
  unitId: string;
  title: string;
  /** Complaint category or activity type: feeds and the press room filter by it. */
  category: string | null;
  authorId: string | null;
  /** Photos already checked by MediaLinks.requireAttachable, in their order. */
  mediaIds?: readonly string[];
  /** The source item's row as just inserted (RETURNING *): drafting then need not read it back. */
  sourceRow?: SourceRow;
  /** A sensitive case (issue 16): neutral slug, neutral drafts, website only, two approvers. */
  sensitive?: boolean;
}

/** Creates the story of a source item, inside the caller's transaction (one story per item). */
@Injectable()
export class StoryCreator {
  constructor(
    private readonly audit: AuditService,
    private readonly drafts: DraftWriter,
  ) {}

  /**
   * `sourceEvent`: the audit event of the item the story comes from (it names the story), written
   * in the same statement as the story's own event: one round trip fewer for every intake.
   */
  async create(manager: EntityManager, story: NewStory, sourceEvent?: (storyId: string) => AuditEntry): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO story (id, kind, source_id, unit_id, category, title, slug, author_id, sensitive) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, story.kind, story.sourceId, story.unitId, story.category, story.title, storySlug(story.title, id, story.sensitive), story.authorId,
        story.sensitive === true],
    );
    if (story.mediaIds?.length) {
      await manager.query(
        `INSERT INTO story_media (story_id, media_id, position) SELECT $1, t.id, t.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
        [id, story.mediaIds],
      );
    }
    // drafts are part of the story: rendered in the same transaction, so a story never exists without them
    await this.drafts.createInitial(manager, id, story.authorId, story.sourceRow);
    const storyEvent: AuditEntry = {
      actorId: story.authorId, action: 'story.create', subjectType: 'story', subjectId: id, unitId: story.unitId, to: 'draft',
      details: { kind: story.kind, sourceId: story.sourceId },
    };
    await this.audit.recordMany(sourceEvent ? [storyEvent, sourceEvent(id)] : [storyEvent], manager);
    return id;
  }
}
