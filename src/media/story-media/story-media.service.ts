import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { ProblemException } from '../../common/problem/problem.exception';
import type { Channel } from '../../drafting/channels';
import { lintDraft } from '../../drafting/lint/lint-draft';
import { StoriesService } from '../../stories/stories.service';
import { MediaLinks } from '../media-links.service';
import { StoryMediaRepository } from './story-media.repository';

/** Photos may change while the drafts may (before approval): what is approved is what goes out. */
const EDITABLE = ['draft', 'in_review', 'rejected'];
/** Findings that come from outside lintDraft (the near-duplicate check over recent releases): kept as they are. */
const KEPT_FINDINGS = ['near_duplicate'];

/**
 * A story's photos at review: the ordered list (the first is what every channel carries), set
 * as a whole so adding, removing, replacing and reordering are one call. The drafts' lint
 * depends on whether there is a picture (Instagram needs one), so it is run again in the same
 * transaction.
 */
@Injectable()
export class StoryMediaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly links: MediaLinks,
    private readonly repository: StoryMediaRepository,
    private readonly audit: AuditService,
  ) {}

  async set(user: AuthUser, storyId: string, mediaIds: string[]): Promise<{ mediaIds: string[] }> {
    await this.stories.find(user, storyId);
    await this.db.transaction(async (manager) => {
      const story = await this.repository.lockStory(manager, storyId);
      if (!story) throw ProblemException.notFound('Story');
      if (!EDITABLE.includes(story.status)) {
        throw ProblemException.conflict('story_locked', `The photos of a story that is ${story.status} cannot change.`, { state: story.status });
      }
      const ids = await this.links.requireAttachable(manager, user, mediaIds);
      await this.repository.replaceList(manager, storyId, ids);
      await this.relintIn(manager, storyId);
      await this.audit.record({ actorId: user.id, action: 'story.media', subjectType: 'story', subjectId: storyId, unitId: story.unitId, details: { count: ids.length } }, manager);
    });
    return { mediaIds };
  }

  /** Lint again after the photos changed by another way (a quote card attached). */
  relint(storyId: string): Promise<void> {
    return this.db.transaction((manager) => this.relintIn(manager, storyId));
  }

  private async relintIn(manager: EntityManager, storyId: string): Promise<void> {
    const hasImage = (await this.repository.count(manager, storyId)) > 0;
    const drafts = await this.repository.drafts(manager, storyId);
    const lints = drafts.map((d) => [
      ...lintDraft({ channel: d.channel as Channel, title: d.title, body: d.body }, { hasImage }),
      ...(d.lint ?? []).filter((f) => KEPT_FINDINGS.includes(f.code)),
    ]);
    await this.repository.setLint(manager, storyId, drafts.map((d) => d.channel), lints);
  }
}
