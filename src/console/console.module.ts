import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { PublishingModule } from '../publishing/publishing.module';
import { AuthModule } from '../auth/auth.module';
import { EngagementModule } from '../engagement/engagement.module';
import { ConsoleCoreModule } from './console-core.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { LoginController } from './login.controller';
import { NotificationsPageController } from './notifications-page.controller';
import { StoryActionsController } from './story-actions.controller';
import { StoryListController } from './story-list.controller';
import { StoryPageController } from './story-page.controller';
import { StoryPageService } from './story-page.service';
import { XCountRulesController } from './x-count-rules.controller';
import { ConsolePagesModule } from './pages/console-pages.module';

/** The web console (DESIGN.md §3): server-rendered pages on the same services as the API. */
@Module({
  imports: [ConsoleCoreModule, ConsolePagesModule, AuthModule, ApprovalModule, PublishingModule, EngagementModule],
  controllers: [LoginController, DashboardController, StoryListController, StoryPageController, StoryActionsController, NotificationsPageController, XCountRulesController],
  providers: [DashboardService, StoryPageService],
})
export class ConsoleModule {}
