import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { STORY_KINDS } from '../drafting/channels';
import { STORY_STATUSES } from '../stories/dto/story-query.dto';
import { MonthlyPageRenderer } from './monthly-page.renderer';
import { localIso, monthName, periodOfMonth, previousMonth, ZONE_LABEL } from './report-period';
import { CHANNEL_LABEL, changeText, durationChangeText, durationText, KIND_LABEL, numberText, OUTCOME_LABEL, STATUS_LABEL } from './report-labels';
import { PUBLICATION_OUTCOMES, type ReportSummary } from './report-summary';
import { ReportsService } from './reports.service';
import { queryStoriesPerWeek } from './summary.queries';
import { barChart } from './svg-charts';
import { EngagementReport, type EngagementSummary } from '../engagement/engagement-report.service';
import { engagementView } from '../engagement/engagement-view';

const DAY_MS = 86_400_000;

/** The monthly figures as data (format=json). */
export interface MonthlyReport {
  unit: ReportSummary['unit'];
  month: string;
  previousMonth: string;
  current: ReportSummary;
  previous: ReportSummary;
  /** Stories created per week of the month (days 1-7, 8-14, ...), by kind. */
  storiesPerWeek: { week: number; firstDay: number; lastDay: number; byKind: Record<string, number> }[];
  /** Reach, views and interactions read back from the platforms (issue 21). */
  engagement: EngagementSummary;
}

/** The anev (analysis and evaluation) report of one unit and month, compared with the month before. */
@Injectable()
export class MonthlyReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly renderer: MonthlyPageRenderer,
    private readonly engagement: EngagementReport,
  ) {}

  async data(user: AuthUser, unitCode: string | undefined, month: string): Promise<MonthlyReport> {
    const target = await this.reports.resolveUnit(user, unitCode);
    const tz = target.unit.timezone;
    const period = periodOfMonth(month, tz);
    const before = previousMonth(month);
    const [current, previous, weeks, engagement] = await Promise.all([
      this.reports.summaryFor(target, period),
      this.reports.summaryFor(target, periodOfMonth(before, tz)),
      queryStoriesPerWeek(this.db, this.reports.window(target, period), tz),
      this.engagement.summary(target.unitIds, period.start, period.end),
    ]);
    const days = Math.round((period.end.getTime() - period.start.getTime()) / DAY_MS);
    const storiesPerWeek = Array.from({ length: Math.ceil(days / 7) }, (_, week) => ({
      week: week + 1,
      firstDay: week * 7 + 1,
      lastDay: Math.min(days, week * 7 + 7),
      byKind: Object.fromEntries(STORY_KINDS.map((kind) => [kind, weeks.filter((w) => w.week === week && w.kind === kind).reduce((a, w) => a + w.n, 0)])),
    }));
    return { unit: current.unit, month, previousMonth: before, current, previous, storiesPerWeek, engagement };
  }

  async html(user: AuthUser, unitCode: string | undefined, month: string): Promise<string> {
    return this.renderer.render(this.view(await this.data(user, unitCode, month), this.reports.now()));
  }

  /** Everything the template shows, already formatted: the template only places and escapes. */
  private view(report: MonthlyReport, now: Date) {
    const { current: c, previous: p, unit } = report;
    const monthLabel = monthName(report.month);
    const zone = ZONE_LABEL[unit.timezone];
    const lastDay = report.storiesPerWeek.at(-1)?.lastDay ?? 0;
    const published = (s: ReportSummary) => s.publications.byOutcome.published;
    const pulls = (s: ReportSummary) => s.partnerFeedPulls.reduce((a, r) => a + r.pulls, 0);
    const served = (s: ReportSummary) => s.partnerFeedPulls.reduce((a, r) => a + r.itemsServed, 0);
    const count = (label: string, pick: (s: ReportSummary) => number) =>
      ({ label, current: numberText(pick(c)), previous: numberText(pick(p)), change: changeText(pick(c), pick(p)) });
    const duration = (label: string, pick: (s: ReportSummary) => number | null) =>
      ({ label, current: durationText(pick(c)), previous: durationText(pick(p)), change: durationChangeText(pick(c), pick(p)) });
    const channels = c.publications.byChannel;
    return {
      title: `Laporan Bulanan Humas — ${unit.name} — ${monthLabel}`,
      unitName: unit.name,
      unitCode: unit.code,
      monthLabel,
      previousLabel: monthName(report.previousMonth),
      periodLabel: `1–${lastDay} ${monthLabel} (${zone})`,
      generatedAt: `${localIso(now, unit.timezone).slice(0, 16).replace('T', ' ')} ${zone}`,
      figures: [
        count('Cerita dibuat', (s) => s.stories.total),
        count('Publikasi terbit', published),
        count('Publikasi gagal', (s) => s.publications.byOutcome.failed),
        count('Pickup oleh media mitra', (s) => s.pickups.total),
        count('Penarikan feed oleh mitra', pulls),
        count('Item feed disajikan ke mitra', served),
        count('Pengaduan selesai yang terbit', (s) => s.resolutionToPublication.count),
        duration('Median selesai → terbit', (s) => s.resolutionToPublication.medianSeconds),
        duration('Persentil 90 selesai → terbit', (s) => s.resolutionToPublication.p90Seconds),
        count('Review selesai', (s) => s.timeInReview.count),
        duration('Median waktu review', (s) => s.timeInReview.medianSeconds),
        duration('Persentil 90 waktu review', (s) => s.timeInReview.p90Seconds),
        count('Review melewati batas waktu', (s) => s.overdueReviews.inPeriod),
      ],
      overdueNow: numberText(c.overdueReviews.openNow),
      statusHeaders: STORY_STATUSES.map((s) => STATUS_LABEL[s]),
      storyRows: [
        ...STORY_KINDS.map((kind) => ({
          label: KIND_LABEL[kind],
          cells: STORY_STATUSES.map((status) => numberText(c.stories.byKindAndStatus.find((r) => r.kind === kind && r.status === status)?.count ?? 0)),
          total: numberText(c.stories.byKind[kind]),
        })),
        { label: 'Jumlah', cells: STORY_STATUSES.map((status) => numberText(c.stories.byStatus[status])), total: numberText(c.stories.total) },
      ],
      outcomeHeaders: PUBLICATION_OUTCOMES.map((o) => OUTCOME_LABEL[o]),
      channelRows: channels.map((ch) => ({
        label: CHANNEL_LABEL[ch.channel] ?? ch.channel,
        cells: PUBLICATION_OUTCOMES.map((o) => numberText(ch.byOutcome[o] ?? 0)),
        total: numberText(ch.total),
      })),
      charts: [
        barChart({
          id: 'chart-weekly', title: 'Cerita per minggu menurut jenis', unit: 'cerita',
          description: `Jumlah cerita yang dibuat tiap minggu pada ${monthLabel}, menurut jenis.`,
          categories: report.storiesPerWeek.map((w) => `Minggu ${w.week} (${w.firstDay}–${w.lastDay})`),
          series: STORY_KINDS.map((kind) => ({ name: KIND_LABEL[kind], values: report.storiesPerWeek.map((w) => w.byKind[kind]) })),
        }),
        barChart({
          id: 'chart-channels', title: 'Publikasi per kanal', unit: 'publikasi',
          description: `Publikasi pada ${monthLabel} per kanal: yang terbit dan yang lain (terjadwal, gagal, batal, belum pasti).`,
          categories: channels.map((ch) => CHANNEL_LABEL[ch.channel] ?? ch.channel),
          series: [
            { name: 'Terbit', values: channels.map((ch) => ch.byOutcome.published) },
            { name: 'Lainnya', values: channels.map((ch) => ch.total - ch.byOutcome.published) },
          ],
        }),
        barChart({
          id: 'chart-partners', title: 'Pickup per media mitra', unit: 'pickup',
          description: `Berita kita yang dimuat ulang oleh media mitra pada ${monthLabel}, per mitra.`,
          categories: c.pickups.byPartner.map((r) => r.name),
          series: [{ name: 'Pickup', values: c.pickups.byPartner.map((r) => r.pickups) }],
        }),
        barChart({
          id: 'chart-delay', title: 'Sebaran waktu pengaduan selesai → terbit', unit: 'cerita',
          description: `Berapa lama sejak pengaduan selesai ditangani sampai ceritanya pertama kali terbit, untuk cerita yang terbit pada ${monthLabel}.`,
          categories: c.resolutionToPublication.distribution.map((d) => d.label),
          series: [{ name: 'Cerita', values: c.resolutionToPublication.distribution.map((d) => d.count) }],
        }),
      ],
      topStories: c.topStories.map((s, i) => ({ rank: i + 1, title: s.title, slug: s.slug, pickups: numberText(s.pickups) })),
      engagement: engagementView(report.engagement),
      pullRows: c.partnerFeedPulls.map((r) => ({ name: r.name, pulls: numberText(r.pulls), served: numberText(r.itemsServed), notModified: numberText(r.notModified) })),
    };
  }
}
