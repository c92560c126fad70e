import { Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { enumParam, uuidParam } from '../common/http/params';
import { CHANNELS, type Channel } from '../drafting/channels';
import { DraftsService } from '../drafting/drafts.service';
import { StoriesService } from '../stories/stories.service';
import { ConsoleController } from './console-controller.decorator';
import { CHANNEL_LABELS } from './console-helpers';
import { type ConsoleRequest, ConsoleView } from './console-view.service';
import { StoryPageService } from './story-page.service';
import { diffWords } from './text-diff';

const channelParam = enumParam('channel', CHANNELS);

/** /cerita/:id: one story with every channel's draft, lint, comments, audit trail and the actions allowed now. */
@ConsoleController('cerita')
export class StoryPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly page: StoryPageService,
    private readonly stories: StoriesService,
    private readonly drafts: DraftsService,
  ) {}

  @Get(':id')
  async show(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    const model = await this.page.build(user, id);
    await this.view.send(request, response, 'story', model, { title: model.story.title, vendorScripts: ['/konsol/x-rules.js'], scripts: ['x-count.js', 'story.js', 'photo-upload.js'] });
  }

  /** Revision history of one channel's draft, with the word diff of a revision against the one before it. */
  @Get(':id/draf/:channel/riwayat')
  async history(
    @Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string, @Param('channel', channelParam) channel: Channel, @Query('rev') rev?: string,
  ) {
    const story = await this.stories.find(user, id);
    const revisions: { revision: number; title: string | null; body: string; source: string; changedAt: Date; changedBy: string | null }[] =
      await this.drafts.revisions(user, id, channel);
    const chosen = revisions.find((r) => String(r.revision) === rev) ?? revisions[0];
    const previous = chosen ? revisions.find((r) => r.revision < chosen.revision) : undefined;
    const diff = chosen ? diffWords(previous ? textOf(previous) : '', textOf(chosen)) : [];
    const latest = revisions[0];
    // an earlier text can become the draft again while the drafts may change (DraftsService's editable states)
    const canRestore = (user.role === 'humas' || user.role === 'admin') && ['draft', 'in_review', 'rejected'].includes(story.status)
      && chosen !== undefined && latest !== undefined && chosen.revision !== latest.revision;
    await this.view.send(request, response, 'draft-history', {
      story, channel, channelLabel: CHANNEL_LABELS[channel],
      revisions: revisions.map((r) => ({ ...r, current: r === chosen, sourceLabel: r.source === 'edit' ? 'suntingan' : 'templat' })),
      chosen, previous, diff, canRestore, latestRevision: latest?.revision,
    }, { title: `Riwayat draf ${CHANNEL_LABELS[channel]}` });
  }
}

/** The website draft's headline is part of what changed. */
const textOf = (r: { title: string | null; body: string }) => (r.title ? `${r.title}\n\n${r.body}` : r.body);
