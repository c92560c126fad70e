import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { ConnectionsRepository } from '../connections/connections.repository';
import { TokenKeeper } from '../connections/token-keeper.service';
import { type DueMetric, EngagementRepository } from './engagement.repository';
import { COLLECT_AFTER_MS, EMPTY_METRICS, unavailableOf } from './engagement.types';
import { MetricReaders, MetricsReadError } from './metric-readers';

/** Reads per channel per round and instance: well inside each API's per-token limits. */
const PER_CHANNEL = 25;
const LEASE_MS = 5 * 60_000;
/** A failed read is tried again in an hour, then the schedule goes on. */
const RETRY_MS = 3_600_000;

/**
 * Reads back the figures of published posts on a schedule that slows down as a post ages
 * (1 h, 6 h, 1 day, 7 days after publication). Every instance runs rounds; rows are claimed
 * with SKIP LOCKED and a lease, so each read happens once.
 */
@Injectable()
export class EngagementJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Engagement');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly repository: EngagementRepository,
    private readonly readers: MetricReaders,
    private readonly accounts: ConnectionsRepository,
    private readonly tokens: TokenKeeper,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.connections.engagementPollMinutes;
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.run().catch((error: Error) => this.logger.error({ err: { name: error.name } }, 'engagement round failed')), minutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One round: returns how many posts were read. */
  async run(): Promise<{ read: number; failed: number }> {
    if (this.running) return { read: 0, failed: 0 };
    this.running = true;
    try {
      const due = await this.repository.claimDue(this.clock.now(), PER_CHANNEL, LEASE_MS);
      let read = 0;
      let failed = 0;
      for (const item of due) (await this.readOne(item)) ? read++ : failed++;
      return { read, failed };
    } finally {
      this.running = false;
    }
  }

  private async readOne(item: DueMetric): Promise<boolean> {
    const now = this.clock.now();
    const collections = item.collections + 1;
    const next = COLLECT_AFTER_MS[collections] === undefined ? null : new Date(new Date(item.published_at).getTime() + COLLECT_AFTER_MS[collections]);
    try {
      if (item.channel === 'telegram') {
        // nothing to read: say so once and stop
        await this.repository.save(item.publication_id, EMPTY_METRICS, unavailableOf(EMPTY_METRICS), collections, null, now);
        return true;
      }
      const account = await this.accounts.account(item.unit_id, item.channel);
      if (!account || account.mode !== 'api') throw new MetricsReadError('the account is no longer connected through the API');
      const fresh = await this.tokens.fresh(account);
      if (!fresh.ok) throw new MetricsReadError(fresh.reason, true);
      const metrics = await this.readers.read(item.channel, item.external_id, fresh.credentials);
      await this.repository.save(item.publication_id, metrics, unavailableOf(metrics), collections, next, now);
      return true;
    } catch (error) {
      const reason = error instanceof MetricsReadError ? error.reason : (error as Error).name;
      await this.repository.failed(item.publication_id, reason, new Date(Math.max(now.getTime() + RETRY_MS, next?.getTime() ?? 0)));
      return false;
    }
  }
}
