import { Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { MonthlyQueryDto, ReportQueryDto } from './dto/report-query.dto';
import { MonthlyReportService } from './monthly-report.service';
import { periodFromDates } from './report-period';
import { ReportsService } from './reports.service';
import { StoriesCsvService } from './stories-csv.service';

const DEFINITIONS = `
Scope: the unit (default: the caller's) and every unit below it; a unit outside the caller's scope is 403.
Period: calendar dates in the unit's time zone (WIB, WITA, WIT), from and to both inclusive; default the last 30 days; at most 366 days.

- **stories**: stories created in the period, by kind and by their current status.
- **publications**: publications whose outcome falls in the period (published_at when published, else due_at), by channel and status (outcome).
- **pickups**: pickups of the subtree's stories detected in the period, by partner (certain = matched by a link).
- **partnerFeedPulls**: pulls of the partner feed by the partners the subtree manages, in the period: pulls, items served, 304 answers.
- **resolutionToPublication**: complaint stories whose first publication (the earliest of story.published_at and any published publication) falls in the period; time from complaint.resolved_at to it. Median and 90th percentile are PostgreSQL percentile_cont (linear interpolation), rounded to whole seconds; distribution in buckets < 1 h, 1-3 h, 3-6 h, 6-12 h, 12-24 h, 1-3 days, > 3 days.
- **timeInReview**: review rounds that ended in the period (an approval that left review, urgent approvals of stories in review included, or a rejection), each measured from the story.submit audit event that opened the round. The first step of a two-step approval does not end a round; a withdrawal is not a decision.
- **overdueReviews.inPeriod**: review rounds that passed their unit's limit in the period, by the SLA job's rule (submitted + unit.review_sla_hours, default 24 h): the deadline falls in the period and before now, with no approval, rejection or withdrawal by then. **openNow**: stories in review past their limit right now (the story list's overdue filter).
- **topStories**: the ten stories of the subtree with the most pickups detected in the period.`;

@ApiController('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly csv: StoriesCsvService,
    private readonly monthly: MonthlyReportService,
  ) {}

  @Get('summary')
  @Roles('humas', 'commander')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Figures of a unit subtree for a period', description: DEFINITIONS })
  @ApiOkResponse({ description: 'The figures, with the unit and the period as instants' })
  summary(@CurrentUser() user: AuthUser, @Query() query: ReportQueryDto) {
    return this.reports.summary(user, query);
  }

  @Get('stories.csv')
  @Roles('humas', 'commander')
  @ApiOperation({
    summary: 'Stories of a unit subtree created in a period, as CSV',
    description: `One row per story created in the period (same scope and period rules as the summary), oldest first. UTF-8 with BOM, every cell quoted, CRLF; cells starting with = + - @ tab or CR are prefixed with a single quote. Headers in Indonesian: ID Cerita, Kode Satuan, Satuan, Jenis, Kategori, Judul, Slug, Status, Dibuat, Diajukan, Disetujui, Terbit (ISO 8601 in the unit's zone), Kanal Terbit (channels with a published publication), Jumlah Pickup (all pickups so far). No personal data.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file (attachment)' })
  async storiesCsv(@CurrentUser() user: AuthUser, @Query() query: ReportQueryDto, @Res({ passthrough: true }) response: Response) {
    const target = await this.reports.resolveUnit(user, query.unitCode);
    const period = periodFromDates(query.from, query.to, target.unit.timezone, this.reports.now());
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(await this.csv.open(target.unitIds, period), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="cerita-${target.unit.code.toLowerCase()}-${period.from}-${period.to}.csv"`,
    });
  }

  @Get('monthly')
  @Roles('humas', 'commander')
  @ApiOperation({
    summary: 'The monthly anev report of a unit subtree: a printable HTML page (or format=json)',
    description: `The summary's figures (same definitions) for the calendar month in the unit's zone, compared with the month before, with bar charts drawn as inline SVG (stories per week by kind, publications by channel, pickups by partner, resolution-to-publication times) and the data tables behind them. Stylesheet: /assets/reports/monthly.css.`,
  })
  @ApiProduces('text/html', 'application/json')
  @ApiOkResponse({ description: 'The page (text/html), or the figures as JSON with format=json' })
  async monthlyReport(@CurrentUser() user: AuthUser, @Query() query: MonthlyQueryDto, @Res({ passthrough: true }) response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    if (query.format === 'json') return this.monthly.data(user, query.unitCode, query.month);
    const html = await this.monthly.html(user, query.unitCode, query.month);
    response.type('text/html; charset=utf-8');
    return html;
  }
}
