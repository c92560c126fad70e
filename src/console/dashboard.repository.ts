import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface DashboardStoryRow {
  id: string;
  title: string;
  status: string;
  kind: string;
  unitCode: string;
  unitName: string;
  createdAt: Date;
  submittedAt: Date | null;
  rejectedReason: string | null;
  overdue: boolean;
}

const STORY = `s.id, s.title, s.status, s.kind, u.code AS "unitCode", u.name AS "unitName", s.created_at AS "createdAt", s.submitted_at AS "submittedAt",
  s.rejected_reason AS "rejectedReason", (s.status = 'in_review' AND s.submitted_at + make_interval(hours => u.review_sla_hours) < $NOW) AS overdue`;

/** Reads of the Beranda panels added for issue 19: what waits for whom, by role, within the caller's units. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stories in review in these units (null: everywhere), oldest submission first: the candidates for "waiting for your approval". */
  inReview(units: string[] | null, now: Date, limit: number): Promise<DashboardStoryRow[]> {
    const params: unknown[] = [now, limit];
    const scope = units ? `AND s.unit_id = ANY($${params.push(units)}::uuid[])` : '';
    return this.db.query(
      `SELECT ${STORY.replace('$NOW', '$1::timestamptz')} FROM story s JOIN unit u ON u.id = s.unit_id
        WHERE s.status = 'in_review' ${scope} ORDER BY s.submitted_at, s.id LIMIT $2`,
      params,
    );
  }

  /** Drafts made by intake of other people (integrations, imports, the API) that nobody submitted yet. */
  unsubmitted(units: string[] | null, userId: string, now: Date, limit: number): Promise<DashboardStoryRow[]> {
    const params: unknown[] = [now, limit, userId];
    const scope = units ? `AND s.unit_id = ANY($${params.push(units)}::uuid[])` : '';
    return this.db.query(
      `SELECT ${STORY.replace('$NOW', '$1::timestamptz')} FROM story s JOIN unit u ON u.id = s.unit_id
        WHERE s.status = 'draft' AND s.submitted_at IS NULL AND s.author_id IS DISTINCT FROM $3 ${scope}
        ORDER BY s.created_at DESC LIMIT $2`,
      params,
    );
  }

  /** The caller's own stories (what they reported or submitted), newest first: where each one stands. */
  mine(userId: string, now: Date, limit: number): Promise<DashboardStoryRow[]> {
    return this.db.query(
      `SELECT ${STORY.replace('$NOW', '$1::timestamptz')} FROM story s JOIN unit u ON u.id = s.unit_id
        WHERE s.author_id = $2 ORDER BY (s.status IN ('rejected', 'draft')) DESC, s.updated_at DESC LIMIT $3`,
      [now, userId, limit],
    );
  }

  /** How many of the caller's own stories are in each state. */
  async mineByStatus(userId: string): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.db.query(
      `SELECT status, count(*)::int AS n FROM story WHERE author_id = $1 GROUP BY status`, [userId]);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }
}
