import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { queryRows } from '../db/sql';
import { JobRunner } from '../jobs/job-runner.service';
import { Notifier } from './notifier.service';

const SLOT_MS = 15 * 60_000;

/**
 * Stories waiting in review longer than their unit's limit (default 24 h) escalate: the parent
 * unit's humas officers are notified, once per story and review round.
 */
@Injectable()
export class ReviewSlaJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Cron('*/15 * * * *', { name: 'review-sla' })
  async scheduled(): Promise<void> {
    await this.run();
  }

  /** One run per 15-minute slot across all instances; null when another instance has it. */
  async run(): Promise<{ escalated: number } | null> {
    const now = this.clock.now();
    const slot = new Date(Math.floor(now.getTime() / SLOT_MS) * SLOT_MS).toISOString();
    return (await this.jobs.runOnce('review-sla', slot, () =>
      this.db.transaction(async (manager) => {
        const overdue = await queryRows<{ id: string; title: string; unit_id: string; path: string[] }>(manager,
          `UPDATE story s SET overdue_notified_at = $1 FROM unit u
            WHERE u.id = s.unit_id AND s.status = 'in_review' AND s.overdue_notified_at IS NULL
              AND s.submitted_at + make_interval(hours => u.review_sla_hours) < $1
            RETURNING s.id, s.title, s.unit_id, u.path`,
          [now],
        );
        for (const story of overdue) {
          const above = story.path.length > 1 ? story.path.slice(0, -1).reverse() : story.path;
          await this.notifier.toHumasOf(manager, above, 'overdue', story.id, `Lewat batas waktu review: ${story.title}`);
          await this.audit.record({ actorId: null, action: 'story.overdue', subjectType: 'story', subjectId: story.id, unitId: story.unit_id }, manager);
        }
        return { escalated: overdue.length };
      }),
    )) as { escalated: number } | null;
  }
}
