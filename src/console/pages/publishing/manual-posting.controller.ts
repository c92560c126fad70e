import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
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
/** How far back posted stories are offered for "one more group". */
const RECENT_DAYS = 7;
const trimmedForm = (body: FormBody | undefined): FormBody =>
  Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));

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
    private readonly clock: Clock,
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
    const since = new Date(this.clock.now().getTime() - RECENT_DAYS * 86_400_000);
    const recent = (await this.queries.recentlyPosted(user, since)).map((r, i) => ({
      ...r, key: `${r.storyId}-${r.channel}`, formId: `lagi-${i}`, isWhatsapp: r.channel === 'whatsapp',
      action: `/posting-manual/${r.storyId}/${r.channel}/posting`,
    }));
    await this.view.send(request, response, 'pages/publishing/manual', { posts, recent, recentDays: RECENT_DAYS }, { title: 'Posting manual', scripts: ['copy.js'] });
  }

  /** One more group or account a posted story went to. */
  @Post(':id/:channel/posting')
  @Roles('humas')
  @AcceptsBody('form')
  async addPost(
    @CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string,
    @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    await runFormAction(response, '/posting-manual', 'Grup atau akun tambahan tercatat.', async () => {
      const dto = await validateAs(ConfirmDto, formFields(trimmedForm(body), ['url', 'target']));
      await this.publications.addPost(user, id, channel, { url: dto.url, target: dto.target });
    });
  }

  @Post(':id/:channel/konfirmasi')
  @Roles('humas')
  @AcceptsBody('form')
  async confirm(
    @CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string,
    @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    await runFormAction(response, '/posting-manual', channel === 'whatsapp' ? 'Pesan ke grup WhatsApp tercatat terkirim.' : 'Posting tercatat terbit dengan URL-nya.', async () => {
      const dto = await validateAs(ConfirmDto, formFields(trimmedForm(body), ['url', 'target']));
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
