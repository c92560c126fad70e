import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '../db/sql';

export type JobOutcome = 'success' | 'skipped' | 'failed';

/** Identifies this process in job_run rows (which instance ran an occurrence). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Cron jobs fire on every instance; each occurrence (job, slot) is claimed with an INSERT that
 * only one instance can win, so it runs once across all of them.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('Jobs');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` if this instance claims the occurrence; returns null when another one has it. */
  async runOnce(job: string, slot: string, work: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> | null> {
    const claimed = await queryRows(this.db,
      `INSERT INTO job_run (job, slot, instance) VALUES ($1, $2, $3) ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
      [job, slot, INSTANCE_ID],
    );
    if (claimed.length === 0) return null;
    let outcome: JobOutcome = 'success';
    let details: Record<string, unknown> = {};
    try {
      details = await work();
      return details;
    } catch (error) {
      outcome = 'failed';
      details = { error: (error as Error).name };
      this.logger.error({ job, slot, err: { name: (error as Error).name, stack: (error as Error).stack } }, 'job failed');
      throw error;
    } finally {
      await this.db.query(`UPDATE job_run SET finished_at = now(), outcome = $3, details = $4 WHERE job = $1 AND slot = $2`, [job, slot, outcome, JSON.stringify(details)]);
    }
  }
}
