import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { uuidParam } from '../common/http/params';
import { NotificationsService } from './notifications.service';

export class NotificationQueryDto {
  /** "true": only unread ones. */
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: string;
}

/** The caller's own notifications: newest first, with the unread count for the console's badge. */
@ApiController('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    const [items, unread] = await Promise.all([
      this.notifications.list(user.id, query.unread === 'true'),
      this.notifications.unreadCount(user.id),
    ]);
    return { items, unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    await this.notifications.markRead(user.id, id);
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() user: AuthUser) {
    await this.notifications.markAllRead(user.id);
  }
}
