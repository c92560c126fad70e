import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { Metrics } from './metrics';

interface Snapshot {
  up: boolean;
  publications: { status: string; n: number }[];
  oldestDueSeconds: number;
  jobs: { job: string; last_success: Date | null; last_failure: Date | null }[];
  overdueReviews: number;
}

/** Publication states an operator watches: work waiting, or waiting for a person. */
const OPEN_STATES = ['scheduled', 'sending', 'retrying', 'unconfirmed', 'awaiting_manual', 'awaiting_reconnect', 'failed'];

/**
 * The work behind the HTTP figures, read from the database at scrape time (shared by every
 * instance, so any instance's /metrics tells the same): publications by state, how late the
 * oldest due publication is, when each cron job last succeeded, overdue reviews, and whether
 * the database answered at all. One query round per scrape, shared by the gauges.
 */
@Injectable()
export class WorkMetrics implements OnModuleInit {
  private pending?: { at: number; snapshot: Promise<Snapshot> };

  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const self = this;
    new Gauge({
      name: 'gaung_database_up', help: '1 when the database answered the last scrape\'s queries, else 0', registers,
      async collect() {
        this.set((await self.snapshot()).up ? 1 : 0);
      },
    });
    new Gauge({
      name: 'gaung_publications', help: 'Publications not yet done, by status (failed and unconfirmed need an officer)', labelNames: ['status'], registers,
      async collect() {
        const snapshot = await self.snapshot();
        this.reset();
        for (const status of OPEN_STATES) this.set({ status }, snapshot.publications.find((p) => p.status === status)?.n ?? 0);
      },
    });
    new Gauge({
      name: 'gaung_publication_oldest_due_seconds', help: 'How long the oldest due, unsent publication (scheduled or retrying) has waited; 0 when none', registers,
      async collect() {
        this.set((await self.snapshot()).oldestDueSeconds);
      },
    });
    new Gauge({
      name: 'gaung_job_last_success_timestamp_seconds', help: 'When each cron job last finished successfully (Unix time)', labelNames: ['job'], registers,
      async collect() {
        this.reset();
        for (const job of (await self.snapshot()).jobs) if (job.last_success) this.set({ job: job.job }, job.last_success.getTime() / 1000);
      },
    });
    new Gauge({
      name: 'gaung_job_last_failure_timestamp_seconds', help: 'When each cron job last failed (Unix time)', labelNames: ['job'], registers,
      async collect() {
        this.reset();
        for (const job of (await self.snapshot()).jobs) if (job.last_failure) this.set({ job: job.job }, job.last_failure.getTime() / 1000);
      },
    });
    new Gauge({
      name: 'gaung_reviews_overdue', help: 'Stories in review past their unit\'s review limit (escalated)', registers,
      async collect() {
        this.set((await self.snapshot()).overdueReviews);
      },
    });
  }

  /** One snapshot per scrape: the gauges are collected concurrently and share it. */
  private snapshot(): Promise<Snapshot> {
    if (!this.pending || Date.now() - this.pending.at > 1_000) this.pending = { at: Date.now(), snapshot: this.read() };
    return this.pending.snapshot;
  }

  private async read(): Promise<Snapshot> {
    try {
      const [publications, [oldest], jobs, [overdue]] = await Promise.all([
        this.db.query(`SELECT status, count(*)::int AS n FROM publication WHERE status = ANY($1) GROUP BY status`, [OPEN_STATES]),
        this.db.query(`SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(due_at)), 0)::float AS seconds FROM publication WHERE status IN ('scheduled', 'retrying') AND due_at <= now()`),
        this.db.query(`SELECT job, max(finished_at) FILTER (WHERE outcome = 'success') AS last_success, max(finished_at) FILTER (WHERE outcome = 'failed') AS last_failure FROM job_run GROUP BY job`),
        this.db.query(`SELECT count(*)::int AS n FROM story WHERE status = 'in_review' AND overdue_notified_at IS NOT NULL`),
      ]);
      return { up: true, publications, oldestDueSeconds: Math.max(0, Number(oldest.seconds)), jobs, overdueReviews: overdue.n };
    } catch {
      // the database is away: /metrics still answers, with gaung_database_up 0
      return { up: false, publications: [], oldestDueSeconds: 0, jobs: [], overdueReviews: 0 };
    }
  }
}
