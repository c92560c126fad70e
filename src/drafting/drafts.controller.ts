import { Body, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { enumParam, uuidParam } from '../common/http/params';
import { CHANNELS, type Channel } from './channels';
import { DraftsService } from './drafts.service';
import { EditDraftDto, RegenerateDto } from './dto/draft.dto';

const channelParam = enumParam('channel', CHANNELS);

@ApiController('stories', 'drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  /** A new revision of one channel's draft; 409 when `revision` is not the current one. */
  @Put(':id/drafts/:channel')
  @Roles('humas')
  edit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: EditDraftDto) {
    return this.drafts.edit(user, id, channel, body);
  }

  /** Every earlier text of a channel, newest first, with who changed it. */
  @Get(':id/drafts/:channel/revisions')
  async revisions(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    return { items: await this.drafts.revisions(user, id, channel) };
  }

  /** Renders the drafts again; edited channels keep their edit unless `force` is true. */
  @Post(':id/regenerate')
  @HttpCode(200)
  @Roles('humas')
  regenerate(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RegenerateDto) {
    return this.drafts.regenerate(user, id, body);
  }
}
