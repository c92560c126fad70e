import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type NotificationKind = 'submitted' | 'approved' | 'rejected' | 'overdue' | 'awaiting_confirmation' | 'publication_failed' | 'publication_unconfirmed'
  | 'publication_held';

/**
 * Writes notifications inside the caller's transaction, so a notification exists exactly when
 * the change it reports was committed.
 */
@Injectable()
export class Notifier {
  /** To these users (duplicates and nulls skipped). */
  async toUsers(manager: EntityManager, userIds: (string | null)[], kind: NotificationKind, storyId: string, message: string): Promise<void> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    await manager.query(
      `INSERT INTO notification (user_id, kind, story_id, message) SELECT unnest($1::uuid[]), $2, $3, $4`,
      [ids, kind, storyId, message],
    );
  }

  /**
   * To the humas officers of the first of `unitIds` (nearest first) that has any: when a Polsek
   * has no humas yet, its Polres hears instead. Returns how many were notified.
   */
  async toHumasOf(manager: EntityManager, unitIds: string[], kind: NotificationKind, storyId: string, message: string, exclude: string[] = []): Promise<number> {
    for (const unitId of unitIds) {
      const users: { id: string }[] = await manager.query(
        `SELECT id FROM app_user WHERE unit_id = $1 AND role = 'humas' AND active AND NOT (id = ANY($2::uuid[]))`,
        [unitId, exclude],
      );
      if (users.length > 0) {
        await this.toUsers(manager, users.map((u) => u.id), kind, storyId, message);
        return users.length;
      }
    }
    return 0;
  }
}
