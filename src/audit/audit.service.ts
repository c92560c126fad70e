import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  /** Null for the system itself (cron jobs, first-start seeding). */
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  unitId?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  /** Never personal data: ids, counts, field names, states. */
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** Restrict to events of these units (a caller's scope); undefined = all. */
  unitIds?: string[];
  limit: number;
  beforeSeq?: string;
}

/**
 * Writes the append-only audit log. Pass the transaction's manager so that the event is
 * committed (or rolled back) together with the change it records.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (id, actor_id, action, subject_type, subject_id, unit_id, from_state, to_state, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        randomUUID(),
        entry.actorId,
        entry.action,
        entry.subjectType,
        entry.subjectId ?? null,
        entry.unitId ?? null,
        entry.from ?? null,
        entry.to ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** Several events in one statement (batch work such as the dispatcher's website publications). */
  async recordMany(entries: AuditEntry[], manager: EntityManager = this.db.manager): Promise<void> {
    if (entries.length === 0) return;
    const column = <T>(pick: (e: AuditEntry) => T) => entries.map(pick);
    await manager.query(
      `INSERT INTO audit_event (id, actor_id, action, subject_type, subject_id, unit_id, from_state, to_state, reason, details)
       SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[])`,
      [
        column((e) => e.actorId), column((e) => e.action), column((e) => e.subjectType), column((e) => e.subjectId ?? null),
        column((e) => e.unitId ?? null), column((e) => e.from ?? null), column((e) => e.to ?? null), column((e) => e.reason ?? null),
        column((e) => JSON.stringify(e.details ?? {})),
      ],
    );
  }

  async list(query: AuditQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.subjectType) add('e.subject_type = ?', query.subjectType);
    if (query.subjectId) add('e.subject_id = ?', query.subjectId);
    if (query.actorId) add('e.actor_id = ?', query.actorId);
    if (query.unitIds) add('e.unit_id = ANY(?)', query.unitIds);
    if (query.beforeSeq) add('e.seq < ?', query.beforeSeq);
    params.push(query.limit);
    return this.db.query(
      `SELECT e.id, e.seq, e.at, e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId",
              e.from_state AS "from", e.to_state AS "to", e.reason, e.details,
              u.username AS "actorUsername", e.actor_id AS "actorId", un.code AS "unitCode"
         FROM audit_event e
         LEFT JOIN app_user u ON u.id = e.actor_id
         LEFT JOIN unit un ON un.id = e.unit_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    );
  }
}
