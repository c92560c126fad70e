import { Body, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { enumParam } from '../../common/http/params';
import { CHANNELS, type Channel, STORY_KINDS, type StoryKind } from '../channels';
import { PreviewTemplateDto, PutTemplateDto } from '../dto/template.dto';
import { TemplatesService } from './templates.service';

/** Content templates: the key is <kind>/<channel>, e.g. /templates/complaint/website. */
@ApiController('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  /** Renders a template body (not saved) against a story or the samples, with lint. */
  @Post('preview')
  @HttpCode(200)
  @Roles('humas')
  preview(@CurrentUser() user: AuthUser, @Body() body: PreviewTemplateDto) {
    return this.templates.preview(user, body.kind, body.channel, body.body, body.storyId);
  }

  @Get(':kind/:channel')
  @Roles('humas')
  get(@CurrentUser() user: AuthUser, @Param('kind', enumParam('kind', STORY_KINDS)) kind: StoryKind, @Param('channel', enumParam('channel', CHANNELS)) channel: Channel) {
    return this.templates.get(user, kind, channel);
  }

  /** A new version of the override for a unit (or global, admin only). */
  @Put(':kind/:channel')
  @Roles('humas')
  put(
    @CurrentUser() user: AuthUser,
    @Param('kind', enumParam('kind', STORY_KINDS)) kind: StoryKind,
    @Param('channel', enumParam('channel', CHANNELS)) channel: Channel,
    @Body() body: PutTemplateDto,
  ) {
    return this.templates.put(user, kind, channel, body.body, body.unitCode);
  }
}
