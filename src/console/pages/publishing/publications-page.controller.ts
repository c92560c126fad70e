import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { Clock } from '../../../common/clock';
import { AcceptsBody } from '../../../common/http/body-kind';
import { enumParam, uuidParam } from '../../../common/http/params';
import { CHANNELS, type Channel } from '../../../drafting/channels';
import { ConfirmDto, PauseDto, ResumeDto } from '../../../publishing/dto/publication.dto';
import { PublicationsService } from '../../../publishing/publications.service';
import { PublishingPause } from '../../../publishing/publishing-pause.service';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, formFields, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { PublicationQueries } from './publication-queries';

const channelParam = enumParam('channel', CHANNELS);
const BACK = '/publikasi';
/** How far back the per-channel counts look. */
const COUNT_DAYS = 30;

/**
 * Publications across the caller's scope: counts per channel, what needs an officer (failed,
 * unconfirmed, retrying) with confirm / retry / cancel, and the pause switch with its reason.
 * Every action is the API's service (PublicationsService, PublishingPause) with the API's DTO.
 */
@ConsoleController('publikasi')
export class PublicationsPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly queries: PublicationQueries,
    private readonly publications: PublicationsService,
    private readonly pauses: PublishingPause,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('humas')
  async page(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    const since = new Date(this.clock.now().getTime() - COUNT_DAYS * 86_400_000);
    const [counts, attention, pause, units] = await Promise.all([
      this.queries.countsByChannel(user, since), this.queries.needingAttention(user), this.pauses.status(user), this.units.list(user),
    ]);
    const rows = attention.map((p) => ({
      ...p,
      base: `${BACK}/${p.storyId}/${p.channel}`,
      canConfirm: p.status === 'unconfirmed',
      canRetry: p.status === 'failed' || p.status === 'unconfirmed',
      canCancel: p.status === 'retrying' || p.status === 'unconfirmed',
    }));
    const own = units.find((u) => u.id === user.unitId);
    const model = {
      counts: counts.map((c) => ({ ...c, statuses: Object.entries(c.counts).map(([status, n]) => ({ status, n })) })),
      countDays: COUNT_DAYS,
      rows,
      pause: { ...pause, items: pause.items.map((item: { unitCode: string | null }) => ({ ...item, scope: item.unitCode ?? 'semua satuan' })) },
      // A humas officer pauses their own scope (or a unit below it); only an admin pauses everything.
      unitOptions: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === own?.code })),
      canPauseAll: user.role === 'admin',
    };
    await this.view.send(request, response, 'pages/publishing/publications', model, { title: 'Publikasi' });
  }

  @Post('jeda')
  @Roles('humas')
  @AcceptsBody('form')
  async pause(@CurrentUser() user: AuthUser, @Res() response: Response, @Body() body: FormBody) {
    await runFormAction(response, BACK, 'Penerbitan dijeda.', async () => {
      const dto = await validateAs(PauseDto, formFields(body, ['reason', 'unitCode']));
      await this.pauses.pause(user, dto.reason, dto.unitCode);
    });
  }

  @Post('lanjut')
  @Roles('humas')
  @AcceptsBody('form')
  async resume(@CurrentUser() user: AuthUser, @Res() response: Response, @Body() body: FormBody) {
    await runFormAction(response, BACK, 'Penerbitan dilanjutkan.', async () => {
      const dto = await validateAs(ResumeDto, formFields(body, ['unitCode']));
      await this.pauses.resume(user, dto.unitCode);
    });
  }

  @Post(':id/:channel/konfirmasi')
  @Roles('humas')
  @AcceptsBody('form')
  async confirm(
    @CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string,
    @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    await runFormAction(response, BACK, 'Posting dipastikan terbit.', async () => {
      const dto = await validateAs(ConfirmDto, formFields(body, ['url', 'target']));
      await this.publications.confirm(user, id, channel, { url: dto.url, target: dto.target });
    });
  }

  @Post(':id/:channel/coba-lagi')
  @Roles('humas')
  @AcceptsBody('form')
  async retry(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    await runFormAction(response, BACK, 'Publikasi dijadwalkan ulang untuk dikirim lagi.', () => this.publications.retry(user, id, channel));
  }

  @Post(':id/:channel/batal')
  @Roles('humas')
  @AcceptsBody('form')
  async cancel(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    await runFormAction(response, BACK, 'Publikasi dibatalkan.', () => this.publications.cancel(user, id, channel));
  }
}
