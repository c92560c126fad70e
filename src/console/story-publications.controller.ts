import { Body, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AcceptsBody } from '../common/http/body-kind';
import { enumParam, uuidParam } from '../common/http/params';
import { CHANNELS, type Channel } from '../drafting/channels';
import { QuoteCardService } from '../media/quote-card.service';
import { StoryMediaService } from '../media/story-media/story-media.service';
import { ConfirmDto, RemovedDto, RescheduleDto, ScheduleDto } from '../publishing/dto/publication.dto';
import { PublicationsService } from '../publishing/publications.service';
import { StoriesService } from '../stories/stories.service';
import { ScopeService } from '../units/scope.service';
import { ConsoleController } from './console-controller.decorator';
import { type FormBody, formFields, listOf, runFormAction, validateAs } from './console-form';
import { CHANNEL_LABELS, formatWhen } from './console-helpers';
import { instantField, zoneOfStory } from './story-zone';

const channelParam = enumParam('channel', CHANNELS);
const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');
const page = (id: string, anchor = 'publikasi') => `/cerita/${id}#${anchor}`;
const names = (channels: string[]) => channels.map((c) => CHANNEL_LABELS[c] ?? c).join(', ');

/**
 * The story page's publishing and media forms: schedule, and per channel reschedule, cancel,
 * retry, confirm a manual post (WhatsApp without a URL) and record more groups; the removal
 * checklist after a withdrawal; the story's photos and quote card. Each is the API's service with
 * the API's DTO, and each message says what actually changed.
 */
@ConsoleController('cerita/:id')
export class StoryPublicationsController {
  constructor(
    private readonly publications: PublicationsService,
    private readonly stories: StoriesService,
    private readonly scope: ScopeService,
    private readonly storyMedia: StoryMediaService,
    private readonly quoteCards: QuoteCardService,
  ) {}

  /** Schedules the chosen approved channels at a date and time typed in the story unit's own zone. */
  @Post('jadwalkan')
  @Roles('humas')
  @AcceptsBody('form')
  async schedule(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const zone = await zoneOfStory(this.stories, this.scope, user, id);
    await runFormAction(response, page(id), (r: { scheduled: string[]; alreadyScheduled: string[]; dueAt: Date }) => {
      const done = r.scheduled.length ? `Publikasi dijadwalkan pada ${formatWhen(r.dueAt, zone)}. Kanal: ${names(r.scheduled)}.` : 'Tidak ada kanal baru yang dijadwalkan.';
      return r.alreadyScheduled.length ? `${done} Sudah punya publikasi, tidak diubah: ${names(r.alreadyScheduled)} (pakai "Ubah jadwal" pada kanalnya).` : done;
    }, async () => {
      const at = instantField(text(body?.at), zone, 'at');
      const channels = listOf(body?.channels);
      const dto = await validateAs(ScheduleDto, { ...(channels.length ? { channels } : {}), ...(at ? { at } : {}) });
      return this.publications.schedule(user, id, dto);
    });
  }

  @Post('publikasi/:channel/ubah-jadwal')
  @Roles('humas')
  @AcceptsBody('form')
  async reschedule(
    @Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    const zone = await zoneOfStory(this.stories, this.scope, user, id);
    const back = text(body?.back) === '/kalender' ? `/kalender${calendarQuery(text(body?.view))}` : page(id);
    await runFormAction(response, back, (r: { dueAt: Date }) => `Jadwal ${CHANNEL_LABELS[channel]} dipindah ke ${formatWhen(r.dueAt, zone)}.`, async () => {
      const dto = await validateAs(RescheduleDto, { at: instantField(text(body?.at), zone, 'at') ?? '' });
      return this.publications.reschedule(user, id, channel, dto.at);
    });
  }

  @Post('publikasi/:channel/batal')
  @Roles('humas')
  @AcceptsBody('form')
  cancel(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    return runFormAction(response, page(id), `Publikasi ${CHANNEL_LABELS[channel]} dibatalkan.`, () => this.publications.cancel(user, id, channel));
  }

  @Post('publikasi/:channel/coba-lagi')
  @Roles('humas')
  @AcceptsBody('form')
  retry(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel) {
    return runFormAction(response, page(id), `Publikasi ${CHANNEL_LABELS[channel]} dijadwalkan untuk dikirim lagi sekarang.`, () => this.publications.retry(user, id, channel));
  }

  /** A manual post confirmed: its URL, or for a WhatsApp group its name only. */
  @Post('publikasi/:channel/konfirmasi')
  @Roles('humas')
  @AcceptsBody('form')
  confirm(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody) {
    return runFormAction(response, page(id), `Posting ${CHANNEL_LABELS[channel]} tercatat terbit.`, async () => {
      const dto = await validateAs(ConfirmDto, formFields(trimmed(body), ['url', 'target']));
      await this.publications.confirm(user, id, channel, { url: dto.url, target: dto.target });
    });
  }

  /** One more group or account the published story was shared to by hand. */
  @Post('publikasi/:channel/posting')
  @Roles('humas')
  @AcceptsBody('form')
  addPost(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody) {
    return runFormAction(response, page(id), `Posting ${CHANNEL_LABELS[channel]} ke grup/akun lain tercatat.`, async () => {
      const dto = await validateAs(ConfirmDto, formFields(trimmed(body), ['url', 'target']));
      await this.publications.addPost(user, id, channel, { url: dto.url, target: dto.target });
    });
  }

  /** After a withdrawal: one post outside Gaung ticked off as deleted by hand. */
  @Post('hapus-manual')
  @Roles('humas')
  @AcceptsBody('form')
  removed(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, page(id, 'hapus-manual'), 'Ditandai sudah dihapus.', async () => {
      const dto = await validateAs(RemovedDto, formFields(body, ['key']));
      await this.publications.markRemoved(user, id, dto.key);
    });
  }

  /** The story's photos as listed in the form (uploaded ones added, removed ones gone, in that order). */
  @Post('foto')
  @Roles('humas')
  @AcceptsBody('form')
  photos(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const ids = listOf(body?.mediaIds).filter((v) => v !== '');
    return runFormAction(response, page(id, 'foto'), ids.length ? `Foto cerita disimpan (${ids.length}); lint draf diperbarui.` : 'Semua foto dilepas dari cerita.',
      () => this.storyMedia.set(user, id, ids));
  }

  @Post('kartu-kutipan')
  @Roles('humas')
  @AcceptsBody('form')
  quoteCard(@Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return runFormAction(response, page(id, 'foto'), 'Kartu kutipan dibuat dan dipasang pada cerita.', async () => {
      await this.quoteCards.createForStory(user, id);
      await this.storyMedia.relint(id);
    });
  }
}

function trimmed(body: FormBody | undefined): FormBody {
  return Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}

/** Back to the calendar's view after a reschedule from it. */
function calendarQuery(view: string): string {
  return /^[a-z0-9=&%._-]{0,200}$/i.test(view) && view ? `?${view}` : '';
}
