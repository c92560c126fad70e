import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { uuidParam } from '../common/http/params';
import { ProblemException } from '../common/problem/problem.exception';
import { queryRows } from '../db/sql';

export class NotificationQueryDto {
  /** "true": only unread ones. */
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: string;
}

/** The caller's own notifications: newest first, with the unread count for the console's badge. */
@ApiController('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    const items = await this.db.query(
      `SELECT id, kind, story_id AS "storyId", message, created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE user_id = $1 ${query.unread === 'true' ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC LIMIT 100`,
      [user.id],
    );
    const [{ unread }] = await this.db.query(`SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
    return { items, unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    const rows = await queryRows(this.db, `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`, [id, user.id]);
    if (rows.length === 0) throw ProblemException.notFound('Notification');
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() user: AuthUser) {
    await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
  }
}
