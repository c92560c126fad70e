import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FeedFile } from './feed-model';

export interface PartnerPull {
  partnerId: string;
  feed: FeedFile;
  at: Date;
  items: number;
  notModified: boolean;
}

const FLUSH_EVERY_MS = 1_000;
/** Pulls kept while the database is away; past this the oldest are dropped (and that is logged). */
const MAX_PENDING = 10_000;

/**
 * Every pull of a partner feed, for reports (partner_pull). Written in batches, one INSERT a
 * second at most, so a pull costs the request nothing; a failed batch is kept and retried, and
 * whatever is pending is written when the instance shuts down.
 */
@Injectable()
export class PartnerPullLog implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PartnerPulls');
  private pending: PartnerPull[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(pull: PartnerPull): void {
    this.pending.push(pull);
    if (this.pending.length > MAX_PENDING) {
      const dropped = this.pending.splice(0, this.pending.length - MAX_PENDING).length;
      this.logger.error({ dropped }, 'partner pulls dropped: the database has been unreachable too long');
    }
  }

  /** Writes what is pending (tests call it instead of waiting a second). */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.db.query(
        `INSERT INTO partner_pull (partner_id, feed, at, items, not_modified)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::boolean[])`,
        [batch.map((p) => p.partnerId), batch.map((p) => p.feed), batch.map((p) => p.at), batch.map((p) => p.items), batch.map((p) => p.notModified)],
      );
    } catch (error) {
      // a partner deleted meanwhile makes the batch fail on its foreign key: keep the others
      this.pending = batch.concat(this.pending);
      this.logger.warn({ pulls: batch.length, err: { name: (error as Error).name, message: (error as Error).message } }, 'partner pulls not written yet; retrying');
      if ((error as { code?: string }).code === '23503') await this.dropDeletedPartners();
    }
  }

  private async dropDeletedPartners(): Promise<void> {
    const ids = [...new Set(this.pending.map((p) => p.partnerId))];
    const rows: { id: string }[] | null = await this.db.query(`SELECT id FROM partner WHERE id = ANY($1::uuid[])`, [ids]).catch(() => null);
    if (!rows) return;
    const live = new Set(rows.map((r) => r.id));
    this.pending = this.pending.filter((p) => live.has(p.partnerId));
  }
}
