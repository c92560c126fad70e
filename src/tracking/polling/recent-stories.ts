import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { PickupMatcher, type CandidateStory } from '../matching/pickup-matcher';

/** Partner items are compared with stories published in this many days before the poll. */
export const MATCH_WINDOW_DAYS = 14;

/** Builds the matcher over the stories published in the last MATCH_WINDOW_DAYS (their website release). */
@Injectable()
export class RecentStories {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly clock: Clock,
  ) {}

  async matcher(): Promise<PickupMatcher> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - MATCH_WINDOW_DAYS * 86_400_000);
    const rows: (CandidateStory & { mediaIds: string[] })[] = await this.db.query(
      `SELECT s.id, coalesce(d.title, s.title) AS title, s.slug, coalesce(d.body, '') AS body,
              coalesce((SELECT array_agg(sm.media_id::text) FROM story_media sm WHERE sm.story_id = s.id), '{}') AS "mediaIds"
         FROM story s LEFT JOIN draft d ON d.story_id = s.id AND d.channel = 'website'
        WHERE s.status = 'published' AND s.published_at >= $1 AND s.published_at <= $2`,
      [since, now],
    );
    return new PickupMatcher(rows, this.config.publicBaseUrl);
  }
}
