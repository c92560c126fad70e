import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { JobRunner } from '../jobs/job-runner.service';
import { ConnectionError } from './connection.errors';
import { CONNECTABLE_CHANNELS, type HealthReading } from './connection.types';
import { ConnectorRegistry } from './connector-registry';
import { type AccountRow, ConnectionsRepository } from './connections.repository';
import { TikTokConnector } from './connectors/tiktok.connector';
import { TokenKeeper } from './token-keeper.service';

export interface HealthRunSummary {
  checked: number;
  refreshed: number;
  byState: Record<string, number>;
  unreachable: number;
}

/**
 * Checks every connected API account once per period, once across instances (job_run slot):
 * renews tokens that would expire before the next run, makes a cheap authenticated call, reads
 * granted scopes and the bot's admin right, and records connected / expiring / reconnect_needed
 * / revoked. An account that just became unusable notifies its unit's humas and the admins.
 * A platform that cannot be reached changes nothing (no verdict on a network failure).
 */
@Injectable()
export class TokenHealthJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Connections');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ConnectionsRepository,
    private readonly connectors: ConnectorRegistry,
    private readonly tokens: TokenKeeper,
    private readonly tiktok: TikTokConnector,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  private get periodMs(): number {
    return this.config.connections.tokenHealthMinutes * 60_000;
  }

  onApplicationBootstrap(): void {
    if (this.periodMs <= 0) return;
    // every instance ticks each minute; the job_run slot makes each period run once
    this.timer = setInterval(() => void this.run().catch((error: Error) => this.logger.error({ err: { name: error.name } }, 'token health run failed')), Math.min(60_000, this.periodMs));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One run per period across all instances; null when another instance has this slot. */
  async run(): Promise<HealthRunSummary | null> {
    const period = this.periodMs > 0 ? this.periodMs : 15 * 60_000;
    const now = this.clock.now();
    const slot = new Date(Math.floor(now.getTime() / period) * period).toISOString();
    // nothing connected through an API (many installations, most tests): no occurrence to claim
    if (!(await this.repository.anyApiAccount(CONNECTABLE_CHANNELS))) return null;
    return (await this.jobs.runOnce('token-health', slot, async () => ({ ...(await this.checkAll(period)) }))) as HealthRunSummary | null;
  }

  /** Checks every account now (also what `run` does in its slot). */
  async checkAll(period: number): Promise<HealthRunSummary> {
    const summary: HealthRunSummary = { checked: 0, refreshed: 0, byState: {}, unreachable: 0 };
    for (const row of await this.repository.apiAccounts(CONNECTABLE_CHANNELS)) {
      const reading = await this.checkOne(row, period, summary);
      if (!reading) continue;
      summary.checked++;
      summary.byState[reading.state] = (summary.byState[reading.state] ?? 0) + 1;
    }
    return summary;
  }

  private async checkOne(row: AccountRow, period: number, summary: HealthRunSummary): Promise<HealthReading | null> {
    const connector = this.connectors.forChannel(row.channel);
    if (!connector) return null;
    try {
      // renew what would expire before the next run (plus the usual margin)
      const needed = this.tokens.needsRefresh(row, period + 10 * 60_000);
      const fresh = await this.tokens.fresh(row, period + 10 * 60_000);
      if (!fresh.ok) return { state: 'reconnect_needed', reason: fresh.reason };
      if (needed) summary.refreshed++;
      let reading = await connector.check(row.channel, fresh.credentials);
      if (reading.state === 'connected' && row.channel === 'tiktok' && this.tiktok.refreshExpiring(row.refresh_expires_at)) {
        reading = { ...reading, state: 'expiring', reason: 'Token penyegar TikTok segera berakhir: hubungkan ulang.' };
      }
      await this.db.transaction(async (manager) => {
        const notify = await this.repository.setState(manager, row.id, reading, this.clock.now());
        if (notify) await this.repository.notifyReconnect(manager, row.unit_id, null, `Akun ${row.channel} ${row.unit_code} perlu dihubungkan ulang: ${reading.reason ?? reading.state}`);
      });
      return reading;
    } catch (error) {
      summary.unreachable++;
      this.logger.warn({ channel: row.channel, unit: row.unit_code, error: error instanceof ConnectionError ? error.code : (error as Error).name }, 'account check failed');
      return null;
    }
  }
}
