import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import { queryRows } from '../db/sql';

export interface NotificationItem {
  id: string;
  kind: string;
  storyId: string | null;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A user's own notifications; the API and the console read and mark them through this one place. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, at most 100 (older ones stay in the table but nobody pages back that far). */
  list(userId: string, onlyUnread: boolean): Promise<NotificationItem[]> {
    return this.db.query(
      `SELECT id, kind, story_id AS "storyId", message, created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE user_id = $1 ${onlyUnread ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC LIMIT 100`,
      [userId],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = await this.db.query(`SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return unread;
  }

  /** Marks one read (idempotent) and answers the story it concerns; 404 when it is not the user's. */
  async markRead(userId: string, id: string): Promise<{ storyId: string | null }> {
    const rows = await queryRows<{ story_id: string | null }>(this.db,
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING story_id`, [id, userId]);
    if (rows.length === 0) throw ProblemException.notFound('Notification');
    return { storyId: rows[0].story_id };
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }
}
