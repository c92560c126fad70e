import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { StoriesService } from '../stories/stories.service';

/** Comments on a story, visible to everyone whose scope covers it. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly audit: AuditService,
  ) {}

  async add(user: AuthUser, storyId: string, body: string) {
    const story = await this.stories.find(user, storyId);
    return this.db.transaction(async (manager) => {
      const [comment] = await manager.query(
        `INSERT INTO comment (story_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, body, created_at AS "createdAt"`,
        [storyId, user.id, body],
      );
      await this.audit.record({ actorId: user.id, action: 'story.comment', subjectType: 'story', subjectId: storyId, unitId: story.unitId, details: { commentId: comment.id } }, manager);
      return { ...comment, author: user.username };
    });
  }

  async list(user: AuthUser, storyId: string) {
    await this.stories.find(user, storyId);
    return this.db.query(
      `SELECT c.id, c.body, c.created_at AS "createdAt", u.username AS author, u.display_name AS "authorName"
         FROM comment c JOIN app_user u ON u.id = c.author_id WHERE c.story_id = $1 ORDER BY c.created_at, c.id`,
      [storyId],
    );
  }
}
