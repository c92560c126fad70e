import { Module } from '@nestjs/common';
import { ApprovalModule } from '../../approval/approval.module';
import { IntakeModule } from '../../intake/intake.module';
import { PublishingChannelsModule } from '../../publishing/channels/channels.module';
import { PublishingModule } from '../../publishing/publishing.module';
import { TrackingModule } from '../../tracking/tracking.module';
import { UsersModule } from '../../users/users.module';
import { ConnectionsModule } from '../../connections/connections.module';
import { ConnectionsPageController } from './connections/connections-page.controller';
import { OfficialAccountsPageController } from './connections/official-accounts-page.controller';
import { ConsoleCoreModule } from '../console-core.module';
import { UnitsAdminController } from './admin/units-admin.controller';
import { UserAdminController } from './admin/user-admin.controller';
import { UsersAdminController } from './admin/users-admin.controller';
import { IntakeCorrectionsController } from './intake/intake-corrections.controller';
import { IntakePagesController } from './intake/intake-pages.controller';
import { IntakeSubmissions } from './intake/intake-submissions';
import { PartnersPageController } from './partners/partners-page.controller';
import { ManualPostingController } from './publishing/manual-posting.controller';
import { PublicationQueries } from './publishing/publication-queries';
import { PublicationLogController } from './publishing/publication-log.controller';
import { PublicationLogRepository } from './publishing/publication-log.repository';
import { PublicationsPageController } from './publishing/publications-page.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarRepository } from './calendar/calendar.repository';
import { AnevPageController } from './reports/anev-page.controller';
import { PreviewStories } from './templates/preview-stories';
import { TemplatesPageController } from './templates/templates-page.controller';

/**
 * The console pages beyond the core (intake, manual publishing, publications, partners,
 * templates, admin, anev). Controllers build view models from the same services as the API.
 */
@Module({
  imports: [ConsoleCoreModule, ApprovalModule, IntakeModule, PublishingModule, PublishingChannelsModule, UsersModule, TrackingModule, ConnectionsModule],
  controllers: [
    IntakePagesController, IntakeCorrectionsController, ManualPostingController, PublicationsPageController, TemplatesPageController, UnitsAdminController,
    UsersAdminController, UserAdminController, AnevPageController, PartnersPageController, PublicationLogController, CalendarController,
    ConnectionsPageController, OfficialAccountsPageController,
  ],
  providers: [IntakeSubmissions, PublicationQueries, PreviewStories, PublicationLogRepository, CalendarRepository],
})
export class ConsolePagesModule {}
