import { Get, Param, Query } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { uuidParam } from '../common/http/params';
import { StoryQueryDto } from './dto/story-query.dto';
import { StoriesService } from './stories.service';

@ApiController('stories')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  /** Stories in the caller's scope, newest first: {items, total, page, pageSize}. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: StoryQueryDto) {
    return this.stories.list(user, query);
  }

  /** One story with every channel's draft and its lint findings. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.stories.get(user, id);
  }
}
