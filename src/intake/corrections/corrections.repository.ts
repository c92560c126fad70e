import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../db/sql';

/** A source item with its story, as a correction needs it. */
export interface CorrectableRow {
  id: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  path: string[];
  createdBy: string | null;
  storyId: string | null;
  storyStatus: string | null;
  authorId: string | null;
  consentQuote: boolean;
  consentLevel: string | null;
  /** Why the complaint was recorded as sensitive (issue 16), e.g. ['marked', 'minor']. */
  sensitivity: string[];
  receivedAt: Date | null;
}

export interface CorrectedComplaint {
  category: string;
  channel: string;
  receivedAt: Date;
  resolvedAt: Date;
  location: unknown;
  summary: string;
  resolution: string;
  stages: unknown;
  quote: string | null;
  redactions: unknown;
  sensitive: boolean;
  sensitivity: string[];
}

export interface CorrectedAchievement {
  title: string;
  activityType: string;
  happenedAt: Date;
  location: unknown;
  participants: unknown;
  narrative: string;
  quotes: unknown;
  redactions: unknown;
}

/** SQL of corrections of complaints and achievements (always in the caller's transaction). */
@Injectable()
export class CorrectionsRepository {
  async complaint(manager: EntityManager, id: string, lock = false): Promise<CorrectableRow | null> {
    const rows = await queryRows<CorrectableRow>(manager,
      `SELECT c.id, c.unit_id AS "unitId", u.name AS "unitName", u.code AS "unitCode", u.path, c.created_by AS "createdBy",
              s.id AS "storyId", s.status AS "storyStatus", s.author_id AS "authorId", c.consent_quote AS "consentQuote",
              c.consent_level AS "consentLevel", c.sensitivity, c.received_at AS "receivedAt"
         FROM complaint c JOIN unit u ON u.id = c.unit_id LEFT JOIN story s ON s.kind = 'complaint' AND s.source_id = c.id
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async achievement(manager: EntityManager, id: string, lock = false): Promise<CorrectableRow | null> {
    const rows = await queryRows<CorrectableRow>(manager,
      `SELECT a.id, a.unit_id AS "unitId", u.name AS "unitName", u.code AS "unitCode", u.path, a.created_by AS "createdBy",
              s.id AS "storyId", s.status AS "storyStatus", s.author_id AS "authorId", false AS "consentQuote",
              NULL::text AS "consentLevel", '{}'::text[] AS sensitivity, NULL::timestamptz AS "receivedAt"
         FROM achievement a JOIN unit u ON u.id = a.unit_id LEFT JOIN story s ON s.kind = 'achievement' AND s.source_id = a.id
        WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The stored facts, for the correction form (masked text, as stored). */
  async complaintValues(manager: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const rows = await queryRows<Record<string, unknown>>(manager,
      `SELECT category, channel, received_at AS "receivedAt", resolved_at AS "resolvedAt", location, summary, resolution, stages, quote
         FROM complaint WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async achievementValues(manager: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const rows = await queryRows<Record<string, unknown>>(manager,
      `SELECT title, activity_type AS "activityType", happened_at AS "happenedAt", location, participants, narrative, quotes
         FROM achievement WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async updateComplaint(manager: EntityManager, id: string, c: CorrectedComplaint): Promise<void> {
    await manager.query(
      `UPDATE complaint SET category = $2, channel = $3, received_at = $4, resolved_at = $5, location = $6, summary = $7, resolution = $8,
              stages = $9, quote = $10, redactions = $11, sensitive = $12, sensitivity = $13 WHERE id = $1`,
      [id, c.category, c.channel, c.receivedAt, c.resolvedAt, JSON.stringify(c.location), c.summary, c.resolution, JSON.stringify(c.stages),
        c.quote, JSON.stringify(c.redactions), c.sensitive, c.sensitivity],
    );
  }

  async updateAchievement(manager: EntityManager, id: string, a: CorrectedAchievement): Promise<void> {
    await manager.query(
      `UPDATE achievement SET title = $2, activity_type = $3, happened_at = $4, location = $5, participants = $6, narrative = $7, quotes = $8,
              redactions = $9 WHERE id = $1`,
      [id, a.title, a.activityType, a.happenedAt, JSON.stringify(a.location), JSON.stringify(a.participants), a.narrative, JSON.stringify(a.quotes),
        JSON.stringify(a.redactions)],
    );
  }

  /** The story follows its corrected source: title and category, and a rejected story is a draft again. */
  async reopenStory(manager: EntityManager, storyId: string, title: string, category: string, userId: string, sensitive: boolean | null): Promise<{ from: string }[]> {
    return queryRows<{ from: string }>(manager,
      `UPDATE story s SET title = $2, category = $3, status = CASE WHEN old.status = 'rejected' THEN 'draft' ELSE old.status END,
              last_edited_by = $4, sensitive = COALESCE($5, s.sensitive), version = s.version + 1, updated_at = now()
         FROM (SELECT id, status FROM story WHERE id = $1 FOR UPDATE) old WHERE s.id = old.id RETURNING old.status AS from`,
      [storyId, title, category, userId, sensitive],
    );
  }

  editedChannels(manager: EntityManager, storyId: string): Promise<{ channel: string }[]> {
    return queryRows<{ channel: string }>(manager, `SELECT channel FROM draft WHERE story_id = $1 AND edited`, [storyId]);
  }
}
