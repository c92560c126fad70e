import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { queryRows } from '../db/sql';

/**
 * A story is published when its website publication succeeds, or its first publication when the
 * approval left the website out (DESIGN.md §9).
 */
@Injectable()
export class StoryPublisher {
  constructor(private readonly audit: AuditService) {}

  /** The stories of a batch of successful website publications; returns those that changed. */
  publishMany(manager: EntityManager, storyIds: string[], at: Date): Promise<{ id: string; unit_id: string }[]> {
    return queryRows(manager,
      `UPDATE story SET status = 'published', published_at = $2, version = version + 1, updated_at = $2
        WHERE id = ANY($1) AND status = 'approved' RETURNING id, unit_id`,
      [storyIds, at],
    );
  }

  async afterSuccess(manager: EntityManager, storyId: string, channel: string, at: Date, actorId: string | null): Promise<void> {
    const rows = await queryRows<{ unit_id: string }>(manager,
      `UPDATE story SET status = 'published', published_at = $3, version = version + 1, updated_at = $3
        WHERE id = $1 AND status = 'approved' AND ($2 = 'website' OR NOT ('website' = ANY(COALESCE(approved_channels, '{}'))))
        RETURNING unit_id`,
      [storyId, channel, at],
    );
    if (rows.length > 0) {
      await this.audit.record({ actorId, action: 'story.publish', subjectType: 'story', subjectId: storyId, unitId: rows[0].unit_id, from: 'approved', to: 'published', details: { channel } }, manager);
    }
  }
}
