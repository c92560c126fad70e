import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { PrivacyGateModule } from '../privacy-gate/privacy-gate.module';
import { PublishingChannelsModule } from './channels/channels.module';
import { ChannelAccounts } from './channel-accounts.service';
import { ChannelAccountsController } from './channel-accounts.controller';
import { Dispatcher } from './dispatcher.service';
import { OutcomeRecorder } from './outcome-recorder';
import { PublicationRequestBuilder } from './publication-request.builder';
import { PublicationsController } from './publications.controller';
import { PublicationsService } from './publications.service';
import { PublishingController } from './publishing.controller';
import { PublishingPause } from './publishing-pause.service';
import { StoryPublisher } from './story-publisher';

@Module({
  imports: [ApprovalModule, PrivacyGateModule, PublishingChannelsModule],
  controllers: [ChannelAccountsController, PublicationsController, PublishingController],
  providers: [ChannelAccounts, Dispatcher, OutcomeRecorder, PublicationRequestBuilder, PublicationsService, PublishingPause, StoryPublisher],
  exports: [ChannelAccounts, Dispatcher, PublicationsService, PublishingPause],
})
export class PublishingModule {}
