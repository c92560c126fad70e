import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { StoriesService } from '../stories/stories.service';
import { ScopeService } from '../units/scope.service';
import { ApprovalStatus } from './approval-status';
import { DashboardRepository } from './dashboard.repository';
import { instantToLocal } from './local-time';

const LIST = 8;
/** Stories in review read to find those waiting for this officer (past this, the count is a lower bound). */
const CANDIDATES = 300;

/**
 * What the dashboard shows, per role and unit scope. Story lists go through StoriesService (the
 * API's scope and overdue rules); the other panels are read-only counts over the same tables,
 * limited to the caller's unit subtree.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly repository: DashboardRepository,
    private readonly approval: ApprovalStatus,
  ) {}

  /**
   * Each role sees what waits for them: humas the stories whose approval they may give now (the
   * approval rules decide), new intake, drafts nobody submitted, and publications to act on;
   * operators and commanders where their own reports stand and which came back to them. Panels
   * a role cannot act on (manual posts for an operator) are not shown.
   */
  async forUser(user: AuthUser) {
    const reviewer = user.role === 'humas' || user.role === 'admin';
    const units = user.role === 'admin' ? null : user.unitId ? await this.scope.subtreeIds(user.unitId) : [];
    const now = this.clock.now();
    const [forMe, unsubmitted, overdue, mine, mineCounts, publications, today, pickups, timezone] = await Promise.all([
      reviewer ? this.waitingForMe(user, units, now) : null,
      reviewer ? this.repository.unsubmitted(units, user.id, now, LIST) : null,
      reviewer || user.role === 'commander' ? this.stories.list(user, { overdue: 'true', pageSize: LIST }) : null,
      reviewer ? null : this.myStories(user, now),
      reviewer ? null : this.repository.mineByStatus(user.id),
      reviewer ? this.publicationsNeedingAction(units) : null,
      this.publishedToday(user, units),
      this.pickupsThisWeek(units),
      this.zoneOf(user),
    ]);
    return { reviewer, forMe, unsubmitted, overdue, mine, mineCounts, publications, today, pickups, timezone, weeks: this.weeks(timezone) };
  }

  /**
   * Stories in review whose next approval this officer may give (unit, step, four eyes: the same
   * rules the workflow enforces), oldest submission first; new ones (submitted in the last 24 h)
   * are counted apart as "baru masuk".
   */
  private async waitingForMe(user: AuthUser, units: string[] | null, now: Date) {
    const candidates = await this.repository.inReview(units, now, CANDIDATES);
    const rules = new Map((await this.approval.load(candidates.map((c) => c.id))).map((r) => [r.id, r]));
    const mine = candidates.filter((c) => rules.has(c.id) && this.approval.mayApproveNow(user, rules.get(c.id)!));
    const dayAgo = now.getTime() - 86_400_000;
    return {
      items: mine.slice(0, LIST),
      total: mine.length,
      totalIsLowerBound: candidates.length === CANDIDATES,
      fresh: mine.filter((c) => c.submittedAt && new Date(c.submittedAt).getTime() >= dayAgo).length,
      othersInReview: candidates.length - mine.length,
    };
  }

  /** An operator's or commander's own stories, with who each one waits for. */
  private async myStories(user: AuthUser, now: Date) {
    const rows = await this.repository.mine(user.id, now, LIST);
    const review = new Map((await this.approval.load(rows.filter((r) => r.status === 'in_review').map((r) => r.id))).map((r) => [r.id, r]));
    return Promise.all(rows.map(async (row) => ({
      ...row,
      waitingFor: review.has(row.id) ? (await this.approval.describe(review.get(row.id)!)).text : null,
      needsMe: row.status === 'rejected' || row.status === 'draft',
    })));
  }

  /**
   * The last six calendar weeks (Monday to Sunday, the current one up to today) in the caller's
   * zone, as "from:to" dates for the reports API, oldest first: the weekly chart asks one summary per week.
   */
  private weeks(timezone: string): string {
    const today = instantToLocal(this.clock.now(), timezone).slice(0, 10);
    const day = new Date(`${today}T00:00:00Z`);
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
    const out: string[] = [];
    for (let w = 5; w >= 0; w--) {
      const from = new Date(monday.getTime() - w * 7 * 86_400_000);
      const to = w === 0 ? day : new Date(from.getTime() + 6 * 86_400_000);
      out.push(`${from.toISOString().slice(0, 10)}:${to.toISOString().slice(0, 10)}`);
    }
    return out.join(',');
  }

  /** Publications an officer has to look at: failed, outcome unknown, or waiting to be posted by hand. */
  private async publicationsNeedingAction(units: string[] | null) {
    const params: unknown[] = [];
    const scope = units ? `AND s.unit_id = ANY($${params.push(units)}::uuid[])` : '';
    const rows: { status: string; count: number }[] = await this.db.query(
      `SELECT p.status, count(*)::int AS count FROM publication p JOIN story s ON s.id = p.story_id
        WHERE p.status IN ('failed', 'unconfirmed', 'awaiting_manual') ${scope} GROUP BY p.status`,
      params,
    );
    const items = await this.db.query(
      `SELECT p.channel, p.status, p.last_error AS "lastError", p.updated_at AS "updatedAt", s.id AS "storyId", s.title
         FROM publication p JOIN story s ON s.id = p.story_id
        WHERE p.status IN ('failed', 'unconfirmed', 'awaiting_manual') ${scope}
        ORDER BY p.updated_at DESC LIMIT ${LIST}`,
      params,
    );
    const count = (status: string) => rows.find((r) => r.status === status)?.count ?? 0;
    return { failed: count('failed'), unconfirmed: count('unconfirmed'), awaitingManual: count('awaiting_manual'), items };
  }

  /** Stories published since midnight in the caller's own zone. */
  private async publishedToday(user: AuthUser, units: string[] | null) {
    const zone = await this.zoneOf(user);
    const params: unknown[] = [this.clock.now(), zone];
    const scope = units ? `AND s.unit_id = ANY($${params.push(units)}::uuid[])` : '';
    return this.db.query(
      `SELECT s.id, s.title, s.kind, s.published_at AS "publishedAt", u.code AS "unitCode", u.timezone
         FROM story s JOIN unit u ON u.id = s.unit_id
        WHERE s.status = 'published' AND s.published_at >= (date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2) ${scope}
        ORDER BY s.published_at DESC LIMIT 20`,
      params,
    );
  }

  /** Partner media pickups detected in the last 7 days (the tracking module fills the table). */
  private async pickupsThisWeek(units: string[] | null) {
    const params: unknown[] = [new Date(this.clock.now().getTime() - 7 * 86_400_000)];
    const scope = units ? `AND s.unit_id = ANY($${params.push(units)}::uuid[])` : '';
    return this.db.query(
      `SELECT pk.detected_at AS "detectedAt", pk.score, pa.name AS partner, pi.link, s.id AS "storyId", s.title
         FROM pickup pk JOIN partner pa ON pa.id = pk.partner_id JOIN partner_item pi ON pi.id = pk.partner_item_id
         JOIN story s ON s.id = pk.story_id
        WHERE pk.detected_at >= $1 ${scope} ORDER BY pk.detected_at DESC LIMIT 20`,
      params,
    );
  }

  private async zoneOf(user: AuthUser): Promise<string> {
    if (!user.unitId) return 'Asia/Jakarta';
    const [row] = await this.db.query(`SELECT timezone FROM unit WHERE id = $1`, [user.unitId]);
    return row?.timezone ?? 'Asia/Jakarta';
  }
}
