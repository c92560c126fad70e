import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { enumParam, uuidParam } from '../common/http/params';
import { CHANNELS, type Channel } from '../drafting/channels';
import { ConfirmDto, ScheduleDto } from './dto/publication.dto';
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

  /** Records the URL of a post made by hand (WhatsApp groups) or checked after an unknown outcome. */
  @Post(':id/publications/:channel/confirm')
  @HttpCode(200)
  @Roles('humas')
  confirm(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: ConfirmDto) {
    return this.publications.confirm(user, id, channel, body.url);
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
