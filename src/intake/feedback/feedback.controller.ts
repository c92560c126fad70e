import { Body, Post } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { CreateFeedbackDto } from '../dto/feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiController('feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  /** 201 {id, storyId, redactions}; storyId is null for feedback that stays internal. */
  @Post()
  @Roles('operator', 'humas')
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateFeedbackDto) {
    return (await this.feedback.create(user, body)).body;
  }
}
