import { Module } from '@nestjs/common';
import { PrivacyGateModule } from '../privacy-gate/privacy-gate.module';
import { ApprovalPrivacy } from './approval-privacy.service';
import { CommentsService } from './comments.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier.service';
import { ReviewSlaJob } from './review-sla.job';
import { StoryWorkflow } from './story-workflow.service';
import { WorkflowController } from './workflow.controller';

@Module({
  imports: [PrivacyGateModule],
  controllers: [WorkflowController, NotificationsController],
  providers: [ApprovalPrivacy, StoryWorkflow, CommentsService, NotificationsService, Notifier, ReviewSlaJob],
  exports: [StoryWorkflow, CommentsService, NotificationsService, Notifier, ReviewSlaJob],
})
export class ApprovalModule {}
