import { Get, Header, Query } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { ReportQueryDto } from '../reports/dto/report-query.dto';
import { periodFromDates } from '../reports/report-period';
import { ReportsService } from '../reports/reports.service';
import { EngagementReport } from './engagement-report.service';

/** Engagement of a unit subtree in a period (same scope and period rules as the report summary). */
@ApiController('reports', 'reports')
export class EngagementController {
  constructor(private readonly reports: ReportsService, private readonly engagement: EngagementReport) {}

  @Get('engagement')
  @Roles('humas', 'commander')
  @Header('Cache-Control', 'no-store')
  async summary(@CurrentUser() user: AuthUser, @Query() query: ReportQueryDto) {
    const target = await this.reports.resolveUnit(user, query.unitCode);
    const period = periodFromDates(query.from, query.to, target.unit.timezone, this.reports.now());
    return { unit: { code: target.unit.code, name: target.unit.name }, period: { start: period.start, end: period.end }, ...(await this.engagement.summary(target.unitIds, period.start, period.end)) };
  }
}
