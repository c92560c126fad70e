import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { PublishingChannelsModule } from '../publishing/channels/channels.module';
import { EngagementReport } from './engagement-report.service';
import { EngagementJob } from './engagement.job';
import { EngagementRepository } from './engagement.repository';
import { MetricReaders } from './metric-readers';

/** Engagement read back from the platforms (issue 21); the report route lives in ReportsModule's scope. */
@Module({
  imports: [ConnectionsModule, PublishingChannelsModule],
  providers: [EngagementRepository, MetricReaders, EngagementJob, EngagementReport],
  exports: [EngagementRepository, EngagementReport, EngagementJob],
})
export class EngagementModule {}
