import type { EntityManager } from 'typeorm';
import { queryRows } from '../db/sql';

/**
 * Withdraws a story inside the caller's transaction: it leaves the press room and feeds and its
 * pending publications are cancelled. Returns the state it had, or null if it was already withdrawn.
 * Used by the approval workflow and by reopening a complaint, so both do exactly the same.
 */
export async function withdrawStory(manager: EntityManager, storyId: string, reason: string, at: Date): Promise<string | null> {
  const rows = await queryRows<{ from: string }>(manager,
    `UPDATE story s SET status = 'withdrawn', withdrawn_reason = $2, version = s.version + 1, updated_at = $3
       FROM (SELECT id, status FROM story WHERE id = $1 FOR UPDATE) old
      WHERE s.id = old.id AND old.status <> 'withdrawn'
      RETURNING old.status AS from`,
    [storyId, reason, at],
  );
  if (rows.length === 0) return null;
  await manager.query(
    `UPDATE publication SET status = 'cancelled', lease_until = NULL, updated_at = $2
      WHERE story_id = $1 AND status IN ('scheduled', 'retrying', 'awaiting_manual', 'awaiting_reconnect')`,
    [storyId, at],
  );
  return rows[0].from;
}
