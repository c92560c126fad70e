import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { queryRows } from '../db/sql';
import { KIND_SLUGS } from './feed-categories';
import { FEED_FILES } from './feed-model';

const HUB_TIMEOUT_MS = 5_000;
const PARALLEL = 4;

/**
 * WebSub publisher (https://www.w3.org/TR/websub/#publishing): after a change, tells the hub
 * which public feeds changed. The feed_change rows of new versions are claimed with one UPDATE,
 * so when every instance notices the same change only one of them pings. Partner feeds are never
 * announced: their address holds the partner's secret token. Failures are logged, never thrown.
 */
@Injectable()
export class WebSubNotifier {
  private readonly logger = new Logger('WebSub');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.websubHubUrl);
  }

  async publishChanges(upToVersion: number): Promise<string[]> {
    if (!this.config.websubHubUrl) return [];
    const changes = await queryRows<{ unit_id: string | null; category: string | null; kind: string | null }>(this.db,
      `UPDATE feed_change SET pinged_at = now() WHERE pinged_at IS NULL AND version <= $1 AND public RETURNING unit_id, category, kind`,
      [upToVersion],
    );
    if (changes.length === 0) return [];
    const topics = await this.topics(changes);
    let next = 0;
    const worker = async () => {
      while (next < topics.length) await this.ping(topics[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, topics.length) }, worker));
    return topics;
  }

  /** Every public feed that shows one of the changed stories: all, its unit and the units above, its categories. */
  private async topics(changes: { unit_id: string | null; category: string | null; kind: string | null }[]): Promise<string[]> {
    const unitIds = [...new Set(changes.map((c) => c.unit_id).filter((id): id is string => id !== null))];
    const units: { code: string }[] = unitIds.length
      ? await this.db.query(`SELECT DISTINCT a.code FROM unit u JOIN unit a ON a.id = ANY(u.path) WHERE u.id = ANY($1::uuid[]) ORDER BY a.code`, [unitIds])
      : [];
    const categories = new Set<string>();
    for (const c of changes) {
      if (c.category) categories.add(c.category);
      for (const [slug, k] of Object.entries(KIND_SLUGS)) if (k.kind === c.kind) categories.add(slug);
    }
    const paths = ['/feeds', ...units.map((u) => `/feeds/units/${encodeURIComponent(u.code)}`), ...[...categories].sort().map((c) => `/feeds/categories/${encodeURIComponent(c)}`)];
    return paths.flatMap((p) => Object.keys(FEED_FILES).map((file) => `${this.config.publicBaseUrl}${p}/${file}`));
  }

  private async ping(topic: string): Promise<void> {
    try {
      const response = await fetch(this.config.websubHubUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
        signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
        redirect: 'error',
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) this.logger.warn({ topic, status: response.status }, 'WebSub hub refused a publish ping');
    } catch (error) {
      this.logger.warn({ topic, err: { name: (error as Error).name, message: (error as Error).message } }, 'WebSub publish ping failed');
    }
  }
}
