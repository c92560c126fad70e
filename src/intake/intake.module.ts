import { Module } from '@nestjs/common';
import { CorrectionsRepository } from './corrections/corrections.repository';
import { IntakeCorrections } from './corrections/intake-corrections.service';
import { AchievementsController } from './achievements/achievements.controller';
import { AchievementsService } from './achievements/achievements.service';
import { IntakeDispatcher } from './bulk/intake-dispatcher.service';
import { ComplaintRecords } from './complaints/complaint-records.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintsService } from './complaints/complaints.service';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackService } from './feedback/feedback.service';
import { CitizenContacts } from './privacy/citizen-contacts';
import { RetentionJob } from './privacy/retention.job';
import { IntakeIntegrations } from './webhook/intake-integrations.service';
import { IntegrationsController } from './webhook/integrations.controller';
import { WebhookDeliveryRepository } from './webhook/webhook-delivery.repository';
import { WebhookSignatureGuard } from './webhook/webhook-signature.guard';
import { WebhookController } from './webhook/webhook.controller';

@Module({
  controllers: [ComplaintsController, FeedbackController, AchievementsController, WebhookController, IntegrationsController],
  providers: [
    ComplaintsService, ComplaintRecords, FeedbackService, AchievementsService, CitizenContacts, RetentionJob,
    IntakeDispatcher, IntakeIntegrations, WebhookDeliveryRepository, WebhookSignatureGuard, IntakeCorrections, CorrectionsRepository,
  ],
  exports: [ComplaintsService, FeedbackService, AchievementsService, RetentionJob, IntakeDispatcher, IntakeCorrections],
})
export class IntakeModule {}
