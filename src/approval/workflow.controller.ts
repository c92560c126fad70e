import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { uuidParam } from '../common/http/params';
import { StoriesService } from '../stories/stories.service';
import { CommentsService } from './comments.service';
import { ApproveDto, CommentDto, RequiredReasonDto } from './dto/workflow.dto';
import { StoryWorkflow } from './story-workflow.service';

/** Review and approval of stories (DESIGN.md §9): every action answers the story as it is now. */
@ApiController('stories', 'approval')
export class WorkflowController {
  constructor(
    private readonly workflow: StoryWorkflow,
    private readonly stories: StoriesService,
    private readonly comments: CommentsService,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/submit')
  @HttpCode(200)
  async submit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    await this.workflow.submit(user, id);
    return this.stories.get(user, id);
  }

  /** Approves (or gives the first of two steps); `urgent` approves alone; leaves out channels not listed. */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('humas')
  async approve(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ApproveDto) {
    await this.workflow.approve(user, id, body);
    return this.stories.get(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('humas')
  async reject(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RequiredReasonDto) {
    await this.workflow.reject(user, id, body.reason);
    return this.stories.get(user, id);
  }

  /**
   * Releases what the publish gate holds (issue 16) for the texts as they are now, with a reason
   * (audited; four eyes). Held publications become due again.
   */
  @Post(':id/privacy/release')
  @HttpCode(200)
  @Roles('humas')
  async releasePrivacy(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RequiredReasonDto) {
    await this.workflow.releasePrivacy(user, id, body.reason);
    return this.stories.get(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('humas')
  async withdraw(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RequiredReasonDto) {
    await this.workflow.withdraw(user, id, body.reason);
    return this.stories.get(user, id);
  }

  /** Every transition, edit, override, comment and publication outcome of the story, oldest first. */
  @Get(':id/audit')
  async trail(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    await this.stories.find(user, id);
    const items = await this.audit.list({ subjectType: 'story', subjectId: id, limit: 500 });
    return { items: items.reverse() };
  }

  @Post(':id/comments')
  comment(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: CommentDto) {
    return this.comments.add(user, id, body.body);
  }

  @Get(':id/comments')
  async listComments(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return { items: await this.comments.list(user, id) };
  }
}
