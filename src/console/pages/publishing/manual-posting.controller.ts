import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { enumParam, uuidParam } from '../../../common/http/params';
import { CHANNELS, type Channel } from '../../../drafting/channels';
import { ConfirmDto } from '../../../publishing/dto/publication.dto';
import { PublicationsService } from '../../../publishing/publications.service';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, formFields, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { PublicationQueries } from './publication-queries';

const channelParam = enumParam('channel', CHANNELS);

/**
 * Manual posting (WhatsApp groups, accounts without API access): the ready text with a copy
 * button, the picture to download, a WhatsApp share link, and the posted URL to confirm. The
 * confirmation is PublicationsService.confirm, as POST /api/v1/stories/:id/publications/:channel/confirm.
 */
@ConsoleController('posting-manual')
export class ManualPostingController {
  constructor(
    private readonly view: ConsoleView,
    private readonly queries: PublicationQueries,
    private readonly publications: PublicationsService,
  ) {}

  @Get()
  @Roles('humas')
  async list(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    const posts = (await this.queries.manualQueue(user)).map((post, i) => ({
      ...post,
      key: `${post.storyId}-${post.channel}`,
      textId: `teks-${i}`,
      whatsappHref: `https://wa.me/?text=${encodeURIComponent(post.text)}`,
      confirmAction: `/posting-manual/${post.storyId}/${post.channel}/konfirmasi`,
      cancelAction: `/posting-manual/${post.storyId}/${post.channel}/batal`,
      isWhatsapp: post.channel === 'whatsapp',
    }));
    await this.view.send(request, response, 'pages/publishing/manual', { posts }, { title: 'Posting manual', scripts: ['copy.js'] });
  }

  @Post(':id/:channel/konfirmasi')
  @Roles('humas')
  @AcceptsBody('form')
  async confirm(
    @CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string,
    @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    await runFormAction(response, '/posting-manual', 'Posting tercatat terbit dengan URL-nya.', async () => {
      const dto = await validateAs(ConfirmDto, formFields(body, ['url', 'target']));
      await this.publications.confirm(user, id, channel, { url: dto.url, target: dto.target });
    });
  }

  @Post(':id/:channel/batal')
  @Roles('humas')
  @AcceptsBody('form')
  async cancel(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    await runFormAction(response, '/posting-manual', 'Posting manual dibatalkan.', () => this.publications.cancel(user, id, channel));
  }
}
