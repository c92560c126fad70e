import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { uuidParam } from '../common/http/params';
import { StoryQueryDto } from './dto/story-query.dto';
import { STORY_COUNT_CAP, StoriesService } from './stories.service';

const CAP = STORY_COUNT_CAP.toLocaleString('en-US');

@ApiController('stories')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  /** Stories in the caller's scope, newest first: {items, total, totalIsLowerBound, page, pageSize}. */
  @Get()
  @ApiOperation({
    summary: 'Stories in the caller\'s scope, newest first, filtered and searched',
    description:
      `Answers {items, total, totalIsLowerBound, page, pageSize}. \`total\` is exact up to ${CAP} matches; ` +
      `past that it is ${CAP} (or as far as the requested page reaches) with \`totalIsLowerBound: true\`, to be shown as "${CAP}+". ` +
      'Counting every match of a common word exactly would read most of the story table on every request (180-330 ms ' +
      'with 100,000 stories) while the page itself takes a few milliseconds, and nobody pages through that many stories: ' +
      'they narrow the filters or the search. Pages beyond the count still work, and their total reaches at least as far ' +
      'as the page. `q`: every word must match, as a prefix, in the title or any draft.',
  })
  @ApiOkResponse({ description: 'A page of stories with the total (exact, or a lower bound when totalIsLowerBound)' })
  list(@CurrentUser() user: AuthUser, @Query() query: StoryQueryDto) {
    return this.stories.list(user, query);
  }

  /** One story with every channel's draft and its lint findings, its approvals, publications and pickups. */
  @Get(':id')
  @ApiOperation({
    summary: 'One story with its drafts, approvals, publications and pickups',
    description:
      'Drafts with their lint per channel; `pickups` lists the partner items matched to the story, newest first: ' +
      '[{partnerId, partner (the partner\'s name), title, link, score (0-1), certain, detectedAt}].',
  })
  @ApiOkResponse({ description: 'The story' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.stories.get(user, id);
  }
}
