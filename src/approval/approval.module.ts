import { Module } from '@nestjs/common';
import { CommentsService } from './comments.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier.service';
import { ReviewSlaJob } from './review-sla.job';
import { StoryWorkflow } from './story-workflow.service';
import { WorkflowController } from './workflow.controller';

@Module({
  controllers: [WorkflowController, NotificationsController],
  providers: [StoryWorkflow, CommentsService, NotificationsService, Notifier, ReviewSlaJob],
  exports: [StoryWorkflow, CommentsService, NotificationsService, Notifier, ReviewSlaJob],
})
export class ApprovalModule {}
