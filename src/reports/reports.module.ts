import { Module } from '@nestjs/common';
import { EngagementController } from '../engagement/engagement.controller';
import { EngagementModule } from '../engagement/engagement.module';
import { MonthlyPageRenderer } from './monthly-page.renderer';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { StoriesCsvService } from './stories-csv.service';

/** Figures for leadership (DESIGN.md §11): summary JSON, stories CSV, the monthly anev page. */
@Module({
  imports: [EngagementModule],
  controllers: [ReportsController, EngagementController],
  providers: [ReportsService, StoriesCsvService, MonthlyReportService, MonthlyPageRenderer],
})
export class ReportsModule {}
