import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../db/sql';

/** One post outside Gaung: a publication's URL, or a manual post to one group or account. */
export interface ExternalPostRow {
  /** `publication:<id>` or `post:<id>`: what the officer ticks off after deleting it. */
  key: string;
  channel: string;
  target: string | null;
  url: string | null;
  postedAt: Date | null;
  postedBy: string | null;
  removedAt: Date | null;
  removedBy: string | null;
}

export interface ManualPostRow {
  id: string;
  channel: string;
  target: string;
  url: string | null;
  postedAt: Date;
  postedBy: string | null;
}

/**
 * SQL of manual posts (publication_post: one row per WhatsApp group or account a story went to
 * by hand) and of the removal checklist after a withdrawal. Always inside the caller's transaction.
 */
@Injectable()
export class PublicationPostsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  insert(manager: EntityManager, publicationId: string, target: string, url: string | null, at: Date, userId: string): Promise<{ id: string }[]> {
    return queryRows<{ id: string }>(manager,
      `INSERT INTO publication_post (publication_id, target, url, posted_at, posted_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [publicationId, target, url, at, userId],
    );
  }

  /** The manual posts of a story, oldest first. */
  listForStory(storyId: string, manager: EntityManager = this.db.manager): Promise<ManualPostRow[]> {
    return queryRows<ManualPostRow>(manager,
      `SELECT pp.id, p.channel, pp.target, pp.url, pp.posted_at AS "postedAt", u.username AS "postedBy"
         FROM publication_post pp JOIN publication p ON p.id = pp.publication_id LEFT JOIN app_user u ON u.id = pp.posted_by
        WHERE p.story_id = $1 AND pp.removed_at IS NULL ORDER BY pp.posted_at, pp.recorded_at`,
      [storyId],
    );
  }

  /**
   * Everything of a story that went out outside Gaung's own press room and feeds and must be
   * deleted by hand after a withdrawal: every published publication of a social channel (with its
   * URL when known) that has no per-group posts, and every per-group post.
   */
  externalPosts(storyId: string, manager: EntityManager = this.db.manager): Promise<ExternalPostRow[]> {
    return queryRows<ExternalPostRow>(manager,
      `SELECT 'publication:' || p.id AS key, p.channel, NULL AS target, p.url, p.published_at AS "postedAt", c.username AS "postedBy",
              p.removed_at AS "removedAt", r.username AS "removedBy", p.published_at AS recorded
         FROM publication p LEFT JOIN app_user c ON c.id = p.confirmed_by LEFT JOIN app_user r ON r.id = p.removed_by
        WHERE p.story_id = $1 AND p.status = 'published' AND p.channel <> 'website'
          AND NOT EXISTS (SELECT 1 FROM publication_post pp WHERE pp.publication_id = p.id)
       UNION ALL
       SELECT 'post:' || pp.id, p.channel, pp.target, pp.url, pp.posted_at, a.username, pp.removed_at, r.username, pp.recorded_at
         FROM publication_post pp JOIN publication p ON p.id = pp.publication_id
         LEFT JOIN app_user a ON a.id = pp.posted_by LEFT JOIN app_user r ON r.id = pp.removed_by
        WHERE p.story_id = $1
        ORDER BY "postedAt" NULLS LAST, channel, recorded`,
      [storyId],
    );
  }

  /** Moves a waiting publication to `due` (never before the story's embargo); returns the time it got. */
  async moveDue(manager: EntityManager, publicationId: string, storyId: string, at: Date, now: Date): Promise<Date> {
    const [row] = await queryRows<{ due: Date }>(manager,
      `UPDATE publication p SET due_at = GREATEST($3::timestamptz, COALESCE(s.embargo_until, $3::timestamptz)), updated_at = $4
         FROM story s WHERE p.id = $1 AND s.id = $2 RETURNING p.due_at AS due`,
      [publicationId, storyId, at, now],
    );
    return row.due;
  }

  /** Ticks one external post off as deleted; returns false when it is not the story's or already ticked. */
  async markRemoved(manager: EntityManager, storyId: string, key: string, at: Date, userId: string): Promise<boolean> {
    const [kind, id] = key.split(':');
    const rows = kind === 'post'
      ? await queryRows<{ id: string }>(manager,
        `UPDATE publication_post pp SET removed_at = $3, removed_by = $4 FROM publication p
          WHERE pp.id = $1 AND p.id = pp.publication_id AND p.story_id = $2 AND pp.removed_at IS NULL RETURNING pp.id`,
        [id, storyId, at, userId])
      : kind === 'publication'
        ? await queryRows<{ id: string }>(manager,
          `UPDATE publication SET removed_at = $3, removed_by = $4 WHERE id = $1 AND story_id = $2 AND removed_at IS NULL RETURNING id`,
          [id, storyId, at, userId])
        : [];
    return rows.length > 0;
  }
}
