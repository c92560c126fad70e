import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { ScopeService } from '../../../units/scope.service';

export interface CalendarRow {
  storyId: string;
  storyTitle: string;
  unitCode: string;
  unitName: string;
  timezone: string;
  channel: string;
  status: string;
  /** When it goes (or went) out: published_at once published, else due_at. */
  at: Date;
  embargoUntil: Date | null;
}

export interface CalendarFilter {
  from: Date;
  to: Date;
  /** The chosen unit and everything below it (already checked to be in scope), else the officer's scope. */
  unitId?: string;
  channel?: string;
}

/** Publications of a period for the content calendar: scheduled, waiting, embargoed and published. */
@Injectable()
export class CalendarRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  list(user: AuthUser, filter: CalendarFilter, limit: number): Promise<CalendarRow[]> {
    const params: unknown[] = [filter.from, filter.to, limit];
    const where = [this.scope.sqlCondition(user, 'u', params)];
    if (filter.unitId) where.push(`$${params.push(filter.unitId)}::uuid = ANY(u.path)`);
    if (filter.channel) where.push(`p.channel = $${params.push(filter.channel)}`);
    return this.db.query(
      `SELECT p.story_id AS "storyId", s.title AS "storyTitle", u.code AS "unitCode", u.name AS "unitName", u.timezone, p.channel, p.status,
              COALESCE(p.published_at, p.due_at) AS at, s.embargo_until AS "embargoUntil"
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
        WHERE p.status IN ('scheduled', 'retrying', 'sending', 'awaiting_manual', 'unconfirmed', 'published')
          AND COALESCE(p.published_at, p.due_at) >= $1 AND COALESCE(p.published_at, p.due_at) < $2
          AND s.status <> 'withdrawn' AND ${where.join(' AND ')}
        ORDER BY at, p.channel LIMIT $3`,
      params,
    );
  }
}
