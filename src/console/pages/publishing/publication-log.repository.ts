import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user';
import { ScopeService } from '../../../units/scope.service';

export interface PublicationLogRow {
  storyId: string;
  storyTitle: string;
  unitCode: string;
  unitName: string;
  timezone: string;
  channel: string;
  mode: string;
  account: string | null;
  status: string;
  url: string | null;
  /** Published: when; otherwise when it was (or is) due. */
  at: Date;
  confirmedBy: string | null;
  /** Groups or accounts recorded for a manual post ("Grup RT 05, Grup RW 02"). */
  targets: string | null;
}

export interface PublicationLogFilter {
  from: Date;
  to: Date;
  unitId?: string;
  channel?: string;
  status?: string;
}

/** Every publication in the caller's scope, for the publication log and its CSV. */
@Injectable()
export class PublicationLogRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  private where(user: AuthUser, filter: PublicationLogFilter, params: unknown[]): string {
    params.push(filter.from, filter.to);
    const where = [`COALESCE(p.published_at, p.due_at) >= $1 AND COALESCE(p.published_at, p.due_at) < $2`, this.scope.sqlCondition(user, 'u', params)];
    if (filter.unitId) where.push(`$${params.push(filter.unitId)}::uuid = ANY(u.path)`);
    if (filter.channel) where.push(`p.channel = $${params.push(filter.channel)}`);
    if (filter.status) where.push(`p.status = $${params.push(filter.status)}`);
    return where.join(' AND ');
  }

  async page(user: AuthUser, filter: PublicationLogFilter, limit: number, offset: number): Promise<{ rows: PublicationLogRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(user, filter, params);
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id WHERE ${where}`, params);
    const rows = await this.rows(where, params, limit, offset);
    return { rows, total };
  }

  all(user: AuthUser, filter: PublicationLogFilter, limit: number): Promise<PublicationLogRow[]> {
    const params: unknown[] = [];
    const where = this.where(user, filter, params);
    return this.rows(where, params, limit, 0);
  }

  private rows(where: string, params: unknown[], limit: number, offset: number): Promise<PublicationLogRow[]> {
    return this.db.query(
      `SELECT p.story_id AS "storyId", s.title AS "storyTitle", u.code AS "unitCode", u.name AS "unitName", u.timezone, p.channel, p.mode,
              CASE WHEN p.channel = 'website' THEN 'Ruang rilis' ELSE ca.handle END AS account, p.status, p.url,
              COALESCE(p.published_at, p.due_at) AS at, c.username AS "confirmedBy",
              (SELECT string_agg(pp.target, ', ' ORDER BY pp.recorded_at) FROM publication_post pp WHERE pp.publication_id = p.id) AS targets
         FROM publication p JOIN story s ON s.id = p.story_id JOIN unit u ON u.id = s.unit_id
         LEFT JOIN channel_account ca ON ca.unit_id = s.unit_id AND ca.channel = p.channel
         LEFT JOIN app_user c ON c.id = p.confirmed_by
        WHERE ${where}
        ORDER BY at DESC, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
  }
}
