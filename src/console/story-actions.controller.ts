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
import { EditDraftDto, RegenerateDto } from '../drafting/dto/draft.dto';
import { StoriesService } from '../stories/stories.service';
import { ScopeService } from '../units/scope.service';
import { ConsoleController } from './console-controller.decorator';
import { type FormBody, formFields, listOf, runFormAction, validateAs } from './console-form';
import { CHANNEL_LABELS } from './console-helpers';
import { instantField, zoneOfStory } from './story-zone';

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
    const zone = await zoneOfStory(this.stories, this.scope, user, id);
    return runFormAction(response, page(id), (status: string) => (status === 'in_review'
      ? 'Persetujuan tahap ini tercatat. Cerita menunggu persetujuan tahap berikutnya (lihat di bawah judul).'
      : 'Cerita disetujui.'), async () => {
      const override = body?.override === '1';
      const embargo = instantField(text(body?.embargoUntil), zone, 'embargoUntil');
      const dto = await validateAs(ApproveDto, {
        channels: listOf(body?.channels), ...(override ? { override: true } : {}), ...formFields(body, ['reason']), ...(embargo ? { embargoUntil: embargo } : {}),
      });
      await this.workflow.approve(user, id, dto);
      // a first step of two leaves the story in review: the message says so rather than "approved"
      return (await this.stories.find(user, id)).status;
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
    return runFormAction(response, page(id), 'Cerita dikembalikan ke penulis dengan alasan Anda; penulis diberi tahu.', async () => {
      const dto = await validateAs(RequiredReasonDto, { reason: text(body?.reason) });
      await this.workflow.reject(user, id, dto.reason);
    });
  }

  @Post('tarik')
  @Roles('humas')
  @AcceptsBody('form')
  withdraw(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), 'Cerita ditarik dari ruang rilis dan feed; publikasi yang belum terbit dibatalkan. Posting di luar Gaung (bila ada) tercantum di bawah untuk dihapus manual.', async () => {
      const dto = await validateAs(RequiredReasonDto, { reason: text(body?.reason) });
      await this.workflow.withdraw(user, id, dto.reason);
    });
  }

  /** Releases the publish gate's hold for the texts as they are now, with a reason (issue 16; audited, four eyes). */
  @Post('lepas-tahanan')
  @Roles('humas')
  @AcceptsBody('form')
  releasePrivacy(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), 'Tahanan dilepas untuk teks saat ini; publikasi yang ditahan dilanjutkan. Alasan Anda dicatat.', async () => {
      const dto = await validateAs(RequiredReasonDto, { reason: text(body?.reason) });
      await this.workflow.releasePrivacy(user, id, dto.reason);
    });
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

  /** Renders the drafts again from the templates; edited channels keep their edit unless the officer ticks "also edited ones". */
  @Post('buat-ulang')
  @Roles('humas')
  @AcceptsBody('form')
  regenerate(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id), (result: { regenerated: Channel[]; kept: Channel[] }) => regenerateMessage(result), async () => {
      const channels = listOf(body?.channels);
      const dto = await validateAs(RegenerateDto, { ...(channels.length ? { channels } : {}), ...(body?.force === '1' ? { force: true } : {}) });
      return this.drafts.regenerate(user, id, dto);
    });
  }

  /** An earlier revision's text becomes the draft again, as a new revision (the history keeps everything). */
  @Post('draf/:channel/pulihkan')
  @Roles('humas')
  @AcceptsBody('form')
  restore(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody) {
    return runFormAction(response, `${page(id)}#draf-${channel}`, (r: { from: number }) => `Draf ${CHANNEL_LABELS[channel]} dipulihkan dari revisi ${r.from}.`, async () => {
      const wanted = Number(text(body?.from));
      const current = Number(text(body?.revision));
      const revisions: { revision: number; title: string | null; body: string }[] = await this.drafts.revisions(user, id, channel);
      const chosen = revisions.find((r) => r.revision === wanted);
      if (!chosen) throw ProblemException.validation([{ field: 'from', message: 'unknown revision' }]);
      const fields: Record<string, unknown> = { body: chosen.body, revision: Number.isInteger(current) ? current : text(body?.revision) };
      if (channel === 'website' && chosen.title !== null) fields.title = chosen.title;
      await this.drafts.edit(user, id, channel, await validateAs(EditDraftDto, fields));
      return { from: wanted };
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

function regenerateMessage(result: { regenerated: Channel[]; kept: Channel[] }): string {
  const names = (list: Channel[]) => list.map((c) => CHANNEL_LABELS[c]).join(', ');
  const made = result.regenerated.length ? `Draf dibuat ulang dari templat: ${names(result.regenerated)}.` : 'Tidak ada draf yang dibuat ulang.';
  return result.kept.length ? `${made} Tetap seperti disunting: ${names(result.kept)} (centang "termasuk yang sudah disunting" untuk menggantinya).` : made;
}
