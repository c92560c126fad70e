import { Module } from '@nestjs/common';
import { ApprovalModule } from '../approval/approval.module';
import { AuthModule } from '../auth/auth.module';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleRenderer } from './console-renderer.service';
import { ConsoleView } from './console-view.service';

/** The console's framework: renderer, page sender and error pages; every console module imports it. */
@Module({
  imports: [AuthModule, ApprovalModule],
  providers: [ConsoleRenderer, ConsoleView, ConsoleExceptionFilter],
  exports: [ConsoleRenderer, ConsoleView, ConsoleExceptionFilter],
})
export class ConsoleCoreModule {}
