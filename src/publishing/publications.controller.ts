import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { enumParam, uuidParam } from '../common/http/params';
import { CHANNELS, type Channel } from '../drafting/channels';
import { ConfirmDto, RemovedDto, RescheduleDto, ScheduleDto } from './dto/publication.dto';
import { PublicationsService } from './publications.service';

const channelParam = enumParam('channel', CHANNELS);

@ApiController('stories', 'publishing')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  /** One publication per approved channel, due at `at` (UTC; default now), never before the embargo. */
  @Post(':id/schedule')
  @HttpCode(200)
  @Roles('humas')
  schedule(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ScheduleDto) {
    return this.publications.schedule(user, id, body);
  }

  /**
   * Records a post made by hand or checked after an unknown outcome: its URL, and the group or
   * account it went to (`target`); a WhatsApp group message needs no URL.
   */
  @Post(':id/publications/:channel/confirm')
  @HttpCode(200)
  @Roles('humas')
  confirm(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: ConfirmDto) {
    return this.publications.confirm(user, id, channel, { url: body.url, target: body.target });
  }

  /** One more group or account a published manual post went to (one story, many WhatsApp groups). */
  @Post(':id/publications/:channel/posts')
  @HttpCode(200)
  @Roles('humas')
  addPost(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: ConfirmDto) {
    return this.publications.addPost(user, id, channel, { url: body.url, target: body.target });
  }

  /** Moves a scheduled (or retrying) publication to another time, never before the embargo. */
  @Post(':id/publications/:channel/reschedule')
  @HttpCode(200)
  @Roles('humas')
  reschedule(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: RescheduleDto) {
    return this.publications.reschedule(user, id, channel, body.at);
  }

  /** Every post of the story outside the press room and feeds, to delete by hand after a withdrawal, and which are done. */
  @Get(':id/external-posts')
  async externalPosts(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return { items: await this.publications.externalPosts(user, id) };
  }

  /** Ticks one external post off as deleted by hand. */
  @Post(':id/external-posts/removed')
  @HttpCode(200)
  @Roles('humas')
  async markRemoved(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RemovedDto) {
    await this.publications.markRemoved(user, id, body.key);
    return { items: await this.publications.externalPosts(user, id) };
  }

  @Post(':id/publications/:channel/retry')
  @HttpCode(200)
  @Roles('humas')
  retry(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    return this.publications.retry(user, id, channel);
  }

  @Post(':id/publications/:channel/cancel')
  @HttpCode(200)
  @Roles('humas')
  cancel(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    return this.publications.cancel(user, id, channel);
  }
}
