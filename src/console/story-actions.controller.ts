import { Body, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommentsService } from '../approval/comments.service';
import { ApproveDto, CommentDto, RequiredReasonDto } from '../approval/dto/workflow.dto';
import { StoryWorkflow } from '../approval/story-workflow.service';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AcceptsBody } from '../common/http/body-kind';
import { enumParam, uuidParam } from '../common/http/params';
import { ProblemException } from '../common/problem/problem.exception';
import { CHANNELS, type Channel } from '../drafting/channels';
import { DraftsService } from '../drafting/drafts.service';
import { EditDraftDto } from '../drafting/dto/draft.dto';
import { ScheduleDto } from '../publishing/dto/publication.dto';
import { PublicationsService } from '../publishing/publications.service';
import { StoriesService } from '../stories/stories.service';
import { ScopeService } from '../units/scope.service';
import { ConsoleController } from './console-controller.decorator';
import { type FormBody, formFields, listOf, runFormAction, validateAs } from './console-form';
import { CHANNEL_LABELS, formatWhen } from './console-helpers';
import { localToInstant } from './local-time';

const channelParam = enumParam('channel', CHANNELS);
const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * The story page's forms. Each validates with the API's DTO, calls the API's service, and
 * answers POST -> 303 -> the story page with a message. Roles are those of the API routes.
 */
@ConsoleController('cerita/:id')
export class StoryActionsController {
  constructor(
    private readonly workflow: StoryWorkflow,
    private readonly drafts: DraftsService,
    private readonly publications: PublicationsService,
    private readonly comments: CommentsService,
    private readonly stories: StoriesService,
    private readonly scope: ScopeService,
  ) {}

  @Post('ajukan')
  @AcceptsBody('form')
  submit(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return runFormAction(response, page(id), 'Cerita diajukan untuk ditinjau.', () => this.workflow.submit(user, id));
  }

  /** Approve with the chosen channels (the others are left out); lint errors need the override box and a reason. */
  @Post('setujui')
  @Roles('humas')
  @AcceptsBody('form')
  async approve(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const zone = await this.zoneOf(user, id);
    return runFormAction(response, page(id), 'Cerita disetujui.', async () => {
      const override = body?.override === '1';
      const embargo = this.instantField(text(body?.embargoUntil), zone, 'embargoUntil');
      const dto = await validateAs(ApproveDto, {
        channels: listOf(body?.channels), ...(override ? { override: true } : {}), ...formFields(body, ['reason']), ...(embargo ? { embargoUntil: embargo } : {}),
      });
      await this.workflow.approve(user, id, dto);
    });
  }

  /** Urgent publish: approved at once by this officer alone, with a reason; a second approval must follow. */
  @Post('mendesak')
  @Roles('humas')
  @AcceptsBody('form')
  urgent(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), 'Cerita disetujui sebagai mendesak; konfirmasi Humas lain tetap diperlukan.', async () => {
      const dto = await validateAs(ApproveDto, { channels: listOf(body?.channels), urgent: true, override: body?.override === '1' || undefined, reason: text(body?.reason) });
      await this.workflow.approve(user, id, dto);
    });
  }

  /** The second officer's confirmation of an urgent story (the workflow routes an approval of such a story to it). */
  @Post('konfirmasi')
  @Roles('humas')
  @AcceptsBody('form')
  confirm(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return runFormAction(response, page(id), 'Publikasi mendesak dikonfirmasi.', () => this.workflow.approve(user, id, {}));
  }

  @Post('tolak')
  @Roles('humas')
  @AcceptsBody('form')
  reject(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), 'Cerita ditolak dan dikembalikan ke penulis.', async () => {
      const dto = await validateAs(RequiredReasonDto, { reason: text(body?.reason) });
      await this.workflow.reject(user, id, dto.reason);
    });
  }

  @Post('tarik')
  @Roles('humas')
  @AcceptsBody('form')
  withdraw(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), 'Cerita ditarik dari ruang pers dan feed.', async () => {
      const dto = await validateAs(RequiredReasonDto, { reason: text(body?.reason) });
      await this.workflow.withdraw(user, id, dto.reason);
    });
  }

  /** Schedules the chosen approved channels at a date and time typed in the story unit's own zone. */
  @Post('jadwalkan')
  @Roles('humas')
  @AcceptsBody('form')
  async schedule(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const zone = await this.zoneOf(user, id);
    await runFormAction(response, page(id), (due: Date) => `Publikasi dijadwalkan pada ${formatWhen(due, zone)}.`, async () => {
      const at = this.instantField(text(body?.at), zone, 'at');
      const channels = listOf(body?.channels);
      const dto = await validateAs(ScheduleDto, { ...(channels.length ? { channels } : {}), ...(at ? { at } : {}) });
      return (await this.publications.schedule(user, id, dto)).dueAt;
    });
  }

  /** The story unit's zone: dates and times in forms are typed in it. */
  private async zoneOf(user: AuthUser, id: string): Promise<string> {
    const story = await this.stories.find(user, id);
    return (await this.scope.findByCode(story.unitCode as string))?.timezone ?? 'Asia/Jakarta';
  }

  /** A datetime-local field as an ISO instant (empty: none); an impossible value is a 400 naming the field. */
  private instantField(local: string, zone: string, field: string): string | null {
    if (!local) return null;
    const at = localToInstant(local, zone);
    if (!at) throw ProblemException.validation([{ field, message: 'tanggal dan jam tidak valid' }]);
    return at.toISOString();
  }

  /** A new revision of one channel's draft (409 stale revision comes back as a message). */
  @Post('draf/:channel')
  @Roles('humas')
  @AcceptsBody('form')
  edit(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody) {
    return runFormAction(response, `${page(id)}#draf-${channel}`, `Draf ${CHANNEL_LABELS[channel]} tersimpan.`, async () => {
      const revision = Number(text(body?.revision));
      const fields: Record<string, unknown> = { body: text(body?.body).replace(/\r\n/g, '\n'), revision: Number.isInteger(revision) ? revision : text(body?.revision) };
      if (channel === 'website' && typeof body?.title === 'string') fields.title = body.title;
      const dto = await validateAs(EditDraftDto, fields);
      await this.drafts.edit(user, id, channel, dto);
    });
  }

  @Post('komentar')
  @AcceptsBody('form')
  comment(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, `${page(id)}#komentar`, 'Komentar terkirim.', async () => {
      const dto = await validateAs(CommentDto, { body: text(body?.body) });
      await this.comments.add(user, id, dto.body);
    });
  }
}

const page = (id: string) => `/cerita/${id}`;
