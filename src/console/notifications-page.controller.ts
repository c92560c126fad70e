import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { AcceptsBody } from '../common/http/body-kind';
import { uuidParam } from '../common/http/params';
import { NotificationsService } from '../approval/notifications.service';
import { ConsoleController } from './console-controller.decorator';
import { type ConsoleRequest, ConsoleView } from './console-view.service';
import { redirectWithFlash } from './flash';

/**
 * The caller's notifications (the same rows as GET /api/v1/notifications): a list, opening one
 * marks it read and goes to its story, and "mark all read".
 */
@ConsoleController('notifikasi')
export class NotificationsPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthUser, @Query('belum') unreadOnly?: string) {
    const onlyUnread = unreadOnly === '1';
    const items = await this.notifications.list(user.id, onlyUnread);
    await this.view.send(request, response, 'notifications', { items, onlyUnread }, { title: 'Notifikasi' });
  }

  /** Marks one read and opens its story. */
  @Post(':id/buka')
  @AcceptsBody('form')
  async open(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    const { storyId } = await this.notifications.markRead(user.id, id);
    response.redirect(303, storyId ? `/cerita/${storyId}` : '/notifikasi');
  }

  @Post('baca-semua')
  @AcceptsBody('form')
  async readAll(@Res() response: Response, @CurrentUser() user: AuthUser) {
    await this.notifications.markAllRead(user.id);
    redirectWithFlash(response, '/notifikasi', { kind: 'success', text: 'Semua notifikasi ditandai sudah dibaca.' });
  }
}
