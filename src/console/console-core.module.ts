import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { AuthModule } from '../auth/auth.module';
import { ApprovalStatus } from './approval-status';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRenderer } from './console-renderer.service';
import { ConsoleView } from './console-view.service';
import { PauseBannerRepository } from './pause-banner.repository';

/** The console's framework: renderer, page sender and error pages; every console module imports it. */
@Module({
  imports: [AuthModule, ApprovalModule],
  providers: [ConsoleRenderer, ConsoleView, ConsoleExceptionFilter, ApprovalStatus, PauseBannerRepository],
  exports: [ConsoleRenderer, ConsoleView, ConsoleExceptionFilter, ApprovalStatus],
})
export class ConsoleCoreModule {}
