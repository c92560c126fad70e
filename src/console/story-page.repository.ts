import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ApprovalPolicy } from '../units/unit.entity';

export interface StoryUnitRow {
  path: string[];
  policy: ApprovalPolicy;
  timezone: string;
  handles: Record<string, string> | null;
  round: number;
}

export interface StoryPhotoRow {
  id: string;
  alt: string | null;
  kind: string;
  width: number;
  height: number;
  position: number;
}

export interface ChannelAccountRow {
  channel: string;
  mode: string;
  handle: string | null;
}

/** The story page's reads beyond StoriesService.get (which the API shares). */
@Injectable()
export class StoryPageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async unitOf(storyId: string): Promise<StoryUnitRow> {
    const [row] = await this.db.query(
      `SELECT u.path, u.approval_policy AS policy, u.timezone, u.handles, s.review_round AS round
         FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`,
      [storyId],
    );
    return row as StoryUnitRow;
  }

  approversThisRound(storyId: string, round: number): Promise<{ approver_id: string }[]> {
    return this.db.query(`SELECT approver_id FROM story_approval WHERE story_id = $1 AND round = $2 AND kind = 'approve' ORDER BY step`, [storyId, round]);
  }

  /** Every photo and quote card of the story, in their order (the first is the one channels carry). */
  photos(storyId: string): Promise<StoryPhotoRow[]> {
    return this.db.query(
      `SELECT m.id, m.alt, m.kind, m.width, m.height, sm.position FROM story_media sm JOIN media m ON m.id = sm.media_id
        WHERE sm.story_id = $1 ORDER BY sm.position`,
      [storyId],
    );
  }

  /** Whether the story's citizen agreed to be quoted (a quote card can be made): the rule QuoteCardService applies. */
  async hasConsentedQuote(storyId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT COALESCE(c.quote, CASE WHEN f.consent_quote THEN f.text END) IS NOT NULL AS has
         FROM story s LEFT JOIN complaint c ON s.kind = 'complaint' AND c.id = s.source_id
         LEFT JOIN feedback f ON s.kind = 'feedback' AND f.id = s.source_id WHERE s.id = $1`,
      [storyId],
    );
    return row?.has === true;
  }

  /** The unit's channel accounts (mode and handle: what a publication goes out as). */
  accounts(storyId: string): Promise<ChannelAccountRow[]> {
    return this.db.query(
      `SELECT ca.channel, ca.mode, ca.handle FROM channel_account ca JOIN story s ON s.unit_id = ca.unit_id WHERE s.id = $1`,
      [storyId],
    );
  }
}
