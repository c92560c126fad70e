import { Module } from '@nestjs/common';
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
import { UsersAdminController } from './admin/users-admin.controller';
import { IntakePagesController } from './intake/intake-pages.controller';
import { IntakeSubmissions } from './intake/intake-submissions';
import { PartnersPageController } from './partners/partners-page.controller';
import { ManualPostingController } from './publishing/manual-posting.controller';
import { PublicationQueries } from './publishing/publication-queries';
import { PublicationsPageController } from './publishing/publications-page.controller';
import { AnevPageController } from './reports/anev-page.controller';
import { PreviewStories } from './templates/preview-stories';
import { TemplatesPageController } from './templates/templates-page.controller';

/**
 * The console pages beyond the core (intake, manual publishing, publications, partners,
 * templates, admin, anev). Controllers build view models from the same services as the API.
 */
@Module({
  imports: [ConsoleCoreModule, IntakeModule, PublishingModule, PublishingChannelsModule, UsersModule, TrackingModule, ConnectionsModule],
  controllers: [
    IntakePagesController, ManualPostingController, PublicationsPageController, TemplatesPageController, UnitsAdminController,
    UsersAdminController, AnevPageController, PartnersPageController, ConnectionsPageController, OfficialAccountsPageController,
  ],
  providers: [IntakeSubmissions, PublicationQueries, PreviewStories],
})
export class ConsolePagesModule {}
