import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/errors';
import { queryRows } from '../db/sql';
import { ScopeService } from '../units/scope.service';

/** The incident switch: no dispatcher claims anything for a paused unit subtree (or anywhere). */
@Injectable()
export class PublishingPause {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async pause(user: AuthUser, reason: string, unitCode?: string) {
    const unitId = await this.target(user, unitCode);
    try {
      await this.db.transaction(async (manager) => {
        await manager.query(`INSERT INTO publishing_pause (unit_id, reason, paused_by) VALUES ($1, $2, $3)`, [unitId, reason, user.id]);
        await this.audit.record({ actorId: user.id, action: 'publishing.pause', subjectType: 'system', subjectId: unitCode ?? 'all', unitId, reason }, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ProblemException.conflict('already_paused', 'Publishing is already paused there.');
      throw error;
    }
    return this.status(user);
  }

  async resume(user: AuthUser, unitCode?: string) {
    const unitId = await this.target(user, unitCode);
    await this.db.transaction(async (manager) => {
      const resumed = await queryRows(manager,
        `UPDATE publishing_pause SET resumed_at = now(), resumed_by = $2 WHERE unit_id IS NOT DISTINCT FROM $1 AND resumed_at IS NULL RETURNING id`, [unitId, user.id]);
      if (resumed.length === 0) throw ProblemException.conflict('not_paused', 'Publishing is not paused there.');
      await this.audit.record({ actorId: user.id, action: 'publishing.resume', subjectType: 'system', subjectId: unitCode ?? 'all', unitId }, manager);
    });
    return this.status(user);
  }

  /** Active pauses that affect the caller's scope. */
  async status(user: AuthUser) {
    const params: unknown[] = [];
    const scope = user.role === 'admin' ? 'TRUE' : `(p.unit_id IS NULL OR ${this.scope.sqlCondition(user, 'u', params)} OR $${params.length}::uuid = ANY(u.path))`;
    const items = await this.db.query(
      `SELECT u.code AS "unitCode", p.reason, p.paused_at AS "pausedAt", a.username AS "pausedBy"
         FROM publishing_pause p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN app_user a ON a.id = p.paused_by
        WHERE p.resumed_at IS NULL AND ${scope} ORDER BY p.paused_at`,
      params,
    );
    return { paused: items.length > 0, items };
  }

  /** A humas officer pauses their own scope; only an admin pauses everything. */
  private async target(user: AuthUser, unitCode?: string): Promise<string | null> {
    if (!unitCode) {
      if (user.role !== 'admin') throw ProblemException.forbidden('global_pause_admin_only', 'Only an admin pauses publishing everywhere; give unitCode.');
      return null;
    }
    return (await this.scope.requireUnitField(user, unitCode, 'unitCode')).id;
  }
}
