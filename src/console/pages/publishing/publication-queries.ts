import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import type { Channel } from '../../../drafting/channels';
import { RENDITION } from '../../../publishing/publication-request.builder';
import { ScopeService } from '../../../units/scope.service';


export interface ManualPost {
  storyId: string;
  storyTitle: string;
  unitCode: string;
  unitName: string;
  channel: string;
  dueAt: Date;
  /** The ready text (the channel's approved draft), as the officer pastes it. */
  text: string;
  image: { url: string; fileName: string; alt: string | null } | null;
}

export interface PublicationRow {
  storyId: string;
  storyTitle: string;
  unitCode: string;
  channel: string;
  mode: string;
  status: string;
  attempts: number;
  dueAt: Date;
  lastError: string | null;
  url: string | null;
}

/** Statuses an officer must look at (the rest go on by themselves). */
export const NEEDS_ATTENTION = ['failed', 'unconfirmed', 'retrying', 'awaiting_manual'] as const;
const LIST_LIMIT = 100;

/**
 * Read models of the publishing pages. Only reads: confirm, retry, cancel and pause go through
 * PublicationsService and PublishingPause, like the API.
 */
@Injectable()
export class PublicationQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** Publications waiting for an officer to post them by hand, oldest first. */
  async manualQueue(user: AuthUser): Promise<ManualPost[]> {
    const params: unknown[] = [];
    const inScope = this.scope.sqlCondition(user, 'u', params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT p.story_id, s.title AS story_title, u.code AS unit_code, u.name AS unit_name, p.channel, p.due_at, d.body,
              (SELECT sm.media_id FROM story_media sm WHERE sm.story_id = s.id ORDER BY sm.position LIMIT 1) AS media_id,
              (SELECT m.alt FROM story_media sm JOIN media m ON m.id = sm.media_id WHERE sm.story_id = s.id ORDER BY sm.position LIMIT 1) AS media_alt
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
         LEFT JOIN draft d ON d.story_id = p.story_id AND d.channel = p.channel
        WHERE p.status = 'awaiting_manual' AND ${inScope}
        ORDER BY p.due_at, p.channel LIMIT ${LIST_LIMIT}`,
      params,
    );
    return rows.map((r) => {
      const rendition = RENDITION[r.channel as Channel] ?? 'web';
      return {
        storyId: String(r.story_id), storyTitle: String(r.story_title), unitCode: String(r.unit_code), unitName: String(r.unit_name),
        channel: String(r.channel), dueAt: r.due_at as Date, text: String(r.body ?? ''),
        image: r.media_id
          ? { url: `/api/v1/media/${r.media_id}/${rendition}.jpg`, fileName: `${r.unit_code}-${r.channel}-${rendition}.jpg`.toLowerCase(), alt: (r.media_alt as string | null) ?? null }
          : null,
      };
    });
  }

  /**
   * Manual publications confirmed in the last days, with the groups or accounts recorded so far:
   * one story is shared to many WhatsApp groups, and each further group is recorded on it.
   */
  async recentlyPosted(user: AuthUser, since: Date): Promise<{ storyId: string; storyTitle: string; unitName: string; channel: string; publishedAt: Date; targets: string[] }[]> {
    const params: unknown[] = [since];
    const inScope = this.scope.sqlCondition(user, 'u', params);
    return this.db.query(
      `SELECT p.story_id AS "storyId", s.title AS "storyTitle", u.name AS "unitName", p.channel, p.published_at AS "publishedAt",
              COALESCE((SELECT array_agg(pp.target ORDER BY pp.recorded_at) FROM publication_post pp WHERE pp.publication_id = p.id AND pp.removed_at IS NULL), '{}') AS targets
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
        WHERE p.mode = 'manual' AND p.status = 'published' AND p.published_at >= $1 AND s.status <> 'withdrawn' AND ${inScope}
        ORDER BY p.published_at DESC LIMIT ${LIST_LIMIT}`,
      params,
    );
  }

  /** Counts per channel and status in scope (the last 30 days: old history says nothing about today). */
  async countsByChannel(user: AuthUser, since: Date): Promise<{ channel: string; counts: Record<string, number>; total: number }[]> {
    const params: unknown[] = [since];
    const inScope = this.scope.sqlCondition(user, 'u', params);
    const rows: { channel: string; status: string; n: number }[] = await this.db.query(
      `SELECT p.channel, p.status, count(*)::int AS n
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
        WHERE (p.updated_at >= $1 OR p.status IN ('failed', 'unconfirmed', 'retrying', 'awaiting_manual', 'scheduled', 'sending')) AND ${inScope}
        GROUP BY p.channel, p.status`,
      params,
    );
    const byChannel = new Map<string, Record<string, number>>();
    for (const row of rows) byChannel.set(row.channel, { ...(byChannel.get(row.channel) ?? {}), [row.status]: row.n });
    const order = ['website', 'x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram'];
    return [...byChannel]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([channel, counts]) => ({ channel, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }));
  }

  /** Publications that need an officer: failed, unconfirmed, retrying (and manual ones, listed on their own page). */
  async needingAttention(user: AuthUser): Promise<PublicationRow[]> {
    const params: unknown[] = [[...NEEDS_ATTENTION].filter((s) => s !== 'awaiting_manual')];
    const inScope = this.scope.sqlCondition(user, 'u', params);
    return this.db.query(
      `SELECT p.story_id AS "storyId", s.title AS "storyTitle", u.code AS "unitCode", p.channel, p.mode, p.status, p.attempts,
              p.due_at AS "dueAt", p.last_error AS "lastError", p.url
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
        WHERE p.status = ANY($1::text[]) AND ${inScope}
        ORDER BY array_position(ARRAY['unconfirmed','failed','retrying'], p.status), p.updated_at DESC LIMIT ${LIST_LIMIT}`,
      params,
    );
  }
}
