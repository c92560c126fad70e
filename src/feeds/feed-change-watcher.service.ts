import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { FeedCache } from './cache/feed-cache.service';
import { WebSubNotifier } from './websub-notifier';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Keeps this instance's feed cache in step with the database: every FEED_CHECK_INTERVAL_MS one
 * primary-key read of feed_state (whose version the triggers of migration 1763900900000 bump in
 * the same transaction as the change). When it moved, every cached body is dropped and the hub,
 * if any, is told which feeds changed.
 */
@Injectable()
export class FeedChangeWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Feeds');
  private timer?: NodeJS.Timeout;
  private checking: Promise<void> | null = null;
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: FeedCache,
    private readonly websub: WebSubNotifier,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check().catch((error: Error) => this.logger.warn({ err: { name: error.name, message: error.message } }, 'first feed version check failed'));
    this.timer = setInterval(() => void this.check().catch((error: Error) => this.logger.warn({ err: { name: error.name, message: error.message } }, 'feed version check failed')), this.config.feedCheckIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Makes sure the cache has a version (a request may arrive before the first check finished). */
  async ready(): Promise<void> {
    if (this.cache.version === null) await this.check();
  }

  /** One check; concurrent callers share it. */
  check(): Promise<void> {
    this.checking ??= this.read().finally(() => (this.checking = null));
    return this.checking;
  }

  private async read(): Promise<void> {
    const [row] = await this.db.query(`SELECT version, changed_at FROM feed_state WHERE id = 1`);
    const first = this.cache.version === null;
    if (!this.cache.moveTo({ version: Number(row.version), changedAt: new Date(row.changed_at).getTime() }) || first) return;
    if (this.websub.enabled) void this.websub.publishChanges(Number(row.version)).catch((error: Error) => this.logger.warn({ err: { name: error.name, message: error.message } }, 'WebSub publishing failed'));
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.db.query(`DELETE FROM feed_change WHERE at < now() - interval '1 day'`);
    }
  }
}
