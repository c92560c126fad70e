import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FeedScope, UnitRef } from './feed-model';

export interface StoryRow {
  id: string;
  kind: string;
  category: string | null;
  slug: string;
  status: string;
  title: string;
  body: string;
  published_at: Date | null;
  approved_at: Date | null;
  embargo_until: Date | null;
  draft_updated_at: Date;
  unit_code: string;
  unit_name: string;
  timezone: string;
}

export interface RenditionRow {
  story_id: string;
  media_id: string;
  alt: string | null;
  name: string;
  format: 'jpeg' | 'webp';
  width: number;
  height: number;
  bytes: number;
}

export interface PartnerRow {
  id: string;
  name: string;
  /** The unit whose Humas manages the partner: its feed carries that unit's subtree only. */
  unit_id: string;
}

/**
 * The feeds' reads. A story is in the public feeds when it is published, its approval covers the
 * website (the press release is the website draft) and its embargo, if any, has passed. Partner
 * feeds add approved stories whose embargo has not passed yet, within the partner's unit subtree.
 */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stories(scope: FeedScope, now: Date, limit: number): Promise<StoryRow[]> {
    const params: unknown[] = [now, limit];
    const website = `(s.approved_channels IS NULL OR 'website' = ANY(s.approved_channels))`;
    const visible = `(s.status = 'published' AND (s.embargo_until IS NULL OR s.embargo_until <= $1))`;
    // a story the publish gate holds is in no feed (issue 16)
    const where = [scope.kind === 'partner' ? `(${visible} OR (s.status = 'approved' AND s.embargo_until > $1))` : visible, website, 's.privacy_hold IS NULL'];
    if (scope.kind === 'unit' || scope.kind === 'partner') {
      // A partner sees the subtree of the unit that manages it: embargoed releases are shared
      // early only with the outlets that unit chose, never with another region's partners.
      params.push(scope.kind === 'unit' ? scope.unit.id : scope.unitId);
      where.push(`u.path @> ARRAY[$${params.length}::uuid]`);
    } else if (scope.kind === 'category') {
      params.push(scope.storyKind ?? scope.slug);
      where.push(scope.storyKind ? `s.kind = $${params.length}` : `s.category = $${params.length}`);
    }
    // published_at orders the public feeds (story_feed_idx); an embargoed story counts from its approval
    return this.db.query(
      `SELECT s.id, s.kind, s.category, s.slug, s.status, COALESCE(d.title, s.title) AS title, d.body, s.published_at, s.approved_at,
              s.embargo_until, d.updated_at AS draft_updated_at, u.code AS unit_code, u.name AS unit_name, u.timezone
         FROM story s JOIN unit u ON u.id = s.unit_id JOIN draft d ON d.story_id = s.id AND d.channel = 'website'
        WHERE ${where.join(' AND ')}
        ORDER BY COALESCE(s.published_at, s.approved_at) DESC, s.id
        LIMIT $2`,
      params,
    );
  }

  /** Renditions of each story's main photo (position 0). */
  renditions(storyIds: string[]): Promise<RenditionRow[]> {
    if (storyIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT sm.story_id, m.id AS media_id, m.alt, r.name, r.format, r.width, r.height, r.bytes
         FROM story_media sm JOIN media m ON m.id = sm.media_id JOIN media_rendition r ON r.media_id = m.id
        WHERE sm.story_id = ANY($1::uuid[]) AND sm.position = 0
        ORDER BY sm.story_id, r.width * r.height DESC, r.name, r.format`,
      [storyIds],
    );
  }

  async unit(code: string): Promise<UnitRef | null> {
    const rows: UnitRef[] = await this.db.query(`SELECT id, code, name, timezone FROM unit WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** The active partner whose token hashes to this; null for unknown, rotated or deactivated tokens. */
  async partnerByTokenHash(hash: string): Promise<PartnerRow | null> {
    const rows: PartnerRow[] = await this.db.query(`SELECT id, name, unit_id FROM partner WHERE feed_token_hash = $1 AND active`, [hash]);
    return rows[0] ?? null;
  }
}
