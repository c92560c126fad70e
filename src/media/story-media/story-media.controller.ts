import { Body, Param, Put } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { uuidParam } from '../../common/http/params';
import { StoryMediaService } from './story-media.service';

export class StoryMediaDto {
  /** The story's photos in order (uploaded with POST /media first); the first is what the channels carry. */
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'each mediaIds entry must be a media id (UUID)' })
  mediaIds: string[];
}

@ApiController('stories', 'media')
export class StoryMediaController {
  constructor(private readonly media: StoryMediaService) {}

  /** Sets the story's photos (add, remove, replace, reorder) before approval; the drafts' lint follows. */
  @Put(':id/media')
  @Roles('humas')
  set(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: StoryMediaDto) {
    return this.media.set(user, id, body.mediaIds);
  }
}
