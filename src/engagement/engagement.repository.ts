import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../db/sql';
import { COLLECT_AFTER_MS, MEASURED_CHANNELS, type PostMetrics } from './engagement.types';

export interface DueMetric {
  publication_id: string;
  channel: string;
  external_id: string;
  unit_id: string;
  published_at: Date;
  collections: number;
}

export interface MetricRow {
  publication_id: string;
  channel: string;
  url: string | null;
  impressions: string | null;
  reach: string | null;
  views: string | null;
  likes: string | null;
  comments: string | null;
  shares: string | null;
  saves: string | null;
  engagements: string | null;
  unavailable: string[];
  collected_at: Date | null;
  next_collect_at: Date | null;
}

/** Per channel in a period: posts measured and their summed figures (bigint sums come back as text). */
export interface ChannelTotalsRow {
  channel: string;
  posts: number;
  measured: number;
  impressions: string | null;
  reach: string | null;
  views: string | null;
  engagements: string | null;
}

export interface TopPostRow {
  story_id: string;
  title: string;
  channel: string;
  url: string | null;
  unit_code: string;
  engagements: string | null;
  reach: string | null;
  views: string | null;
  impressions: string | null;
}

export interface UnitTotalsRow {
  unit_code: string;
  unit_name: string;
  posts: number;
  engagements: string | null;
  reach: string | null;
  views: string | null;
  impressions: string | null;
}

/** The SQL of engagement metrics: what to read when, what was read, and the report's sums. */
@Injectable()
export class EngagementRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A post just published through an API: read it back an hour from now. */
  async track(manager: EntityManager, publicationId: string, channel: string, publishedAt: Date): Promise<void> {
    if (!(MEASURED_CHANNELS as readonly string[]).includes(channel)) return;
    await manager.query(
      `INSERT INTO publication_metric (publication_id, channel, next_collect_at) VALUES ($1, $2, $3) ON CONFLICT (publication_id) DO NOTHING`,
      [publicationId, channel, new Date(publishedAt.getTime() + COLLECT_AFTER_MS[0])],
    );
  }

  /** Claims due reads (SKIP LOCKED, with a lease) so that each is done by one instance, a few per channel per round. */
  claimDue(now: Date, perChannel: number, leaseMs: number): Promise<DueMetric[]> {
    return queryRows<DueMetric>(this.db,
      `WITH due AS (
         SELECT m.publication_id FROM publication_metric m
          WHERE m.next_collect_at <= $1 AND (m.lease_until IS NULL OR m.lease_until < $1)
            AND m.publication_id IN (SELECT publication_id FROM (
              SELECT publication_id, row_number() OVER (PARTITION BY channel ORDER BY next_collect_at) AS n
                FROM publication_metric WHERE next_collect_at <= $1) ranked WHERE n <= $2)
          FOR UPDATE OF m SKIP LOCKED)
       UPDATE publication_metric m SET lease_until = $3 FROM due, publication p, story s
        WHERE m.publication_id = due.publication_id AND p.id = m.publication_id AND s.id = p.story_id
       RETURNING m.publication_id, m.channel, p.external_id, s.unit_id, p.published_at, m.collections`,
      [now, perChannel, new Date(now.getTime() + leaseMs)],
    );
  }

  async save(publicationId: string, metrics: PostMetrics, unavailable: string[], collections: number, next: Date | null, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE publication_metric SET impressions = $2, reach = $3, views = $4, likes = $5, comments = $6, shares = $7, saves = $8, engagements = $9,
          unavailable = $10, collections = $11, next_collect_at = $12, collected_at = $13, last_error = NULL, lease_until = NULL WHERE publication_id = $1`,
      [publicationId, metrics.impressions, metrics.reach, metrics.views, metrics.likes, metrics.comments, metrics.shares, metrics.saves, metrics.engagements,
        unavailable, collections, next, now],
    );
  }

  async failed(publicationId: string, reason: string, next: Date | null): Promise<void> {
    await this.db.query(`UPDATE publication_metric SET last_error = $2, next_collect_at = $3, lease_until = NULL WHERE publication_id = $1`, [publicationId, reason, next]);
  }

  forStory(storyId: string): Promise<MetricRow[]> {
    return queryRows<MetricRow>(this.db,
      `SELECT m.publication_id, m.channel, p.url, m.impressions, m.reach, m.views, m.likes, m.comments, m.shares, m.saves, m.engagements,
              m.unavailable, m.collected_at, m.next_collect_at
         FROM publication_metric m JOIN publication p ON p.id = m.publication_id WHERE p.story_id = $1 ORDER BY m.channel`,
      [storyId]);
  }

  /** Posts published in the period by the units, per channel. */
  byChannel(unitIds: string[], start: Date, end: Date): Promise<ChannelTotalsRow[]> {
    return queryRows<ChannelTotalsRow>(this.db,
      `SELECT p.channel, count(*)::int AS posts, count(m.collected_at)::int AS measured,
              sum(m.impressions)::text AS impressions, sum(m.reach)::text AS reach, sum(m.views)::text AS views, sum(m.engagements)::text AS engagements
         FROM publication p JOIN story s ON s.id = p.story_id LEFT JOIN publication_metric m ON m.publication_id = p.id
        WHERE s.unit_id = ANY($1) AND p.status = 'published' AND p.mode <> 'internal' AND p.published_at >= $2 AND p.published_at < $3
        GROUP BY p.channel ORDER BY p.channel`,
      [unitIds, start, end]);
  }

  topPosts(unitIds: string[], start: Date, end: Date, limit: number): Promise<TopPostRow[]> {
    return queryRows<TopPostRow>(this.db,
      `SELECT s.id AS story_id, s.title, p.channel, p.url, u.code AS unit_code, m.engagements::text, m.reach::text, m.views::text, m.impressions::text
         FROM publication_metric m JOIN publication p ON p.id = m.publication_id JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
        WHERE s.unit_id = ANY($1) AND p.published_at >= $2 AND p.published_at < $3 AND m.collected_at IS NOT NULL
        ORDER BY m.engagements DESC NULLS LAST, COALESCE(m.views, m.impressions, m.reach) DESC NULLS LAST LIMIT $4`,
      [unitIds, start, end, limit]);
  }

  byUnit(unitIds: string[], start: Date, end: Date): Promise<UnitTotalsRow[]> {
    return queryRows<UnitTotalsRow>(this.db,
      `SELECT u.code AS unit_code, u.name AS unit_name, count(*)::int AS posts, sum(m.engagements)::text AS engagements,
              sum(m.reach)::text AS reach, sum(m.views)::text AS views, sum(m.impressions)::text AS impressions
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id LEFT JOIN publication_metric m ON m.publication_id = p.id
        WHERE s.unit_id = ANY($1) AND p.status = 'published' AND p.mode <> 'internal' AND p.published_at >= $2 AND p.published_at < $3
        GROUP BY u.code, u.name ORDER BY sum(m.engagements) DESC NULLS LAST, u.code`,
      [unitIds, start, end]);
  }
}
