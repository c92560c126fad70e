import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import type { FieldProblem } from '../common/http/validation';
import { ProblemException } from '../common/problem/problem.exception';
import { UNIT_VIEW_COLUMNS, type UnitView } from './unit.view';

export interface ScopedUnit extends UnitView {
  /** Ids from the root down to this unit. */
  path: string[];
}

/**
 * The scope rule in one place: a user acts on their own unit and every unit below it, never
 * on siblings or parents; an admin acts everywhere.
 */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  covers(user: Pick<AuthUser, 'role' | 'unitId'>, unitPath: string[]): boolean {
    return user.role === 'admin' || (user.unitId !== null && unitPath.includes(user.unitId));
  }

  /** SQL condition limiting `alias` (a unit row) to the user's scope; pushes its parameter. */
  sqlCondition(user: Pick<AuthUser, 'role' | 'unitId'>, alias: string, params: unknown[]): string {
    if (user.role === 'admin') return 'TRUE';
    params.push(user.unitId);
    return `$${params.length}::uuid = ANY(${alias}.path)`;
  }

  /**
   * Ids of a unit and of every unit below it. `path @> ARRAY[id]` rather than `id = ANY(path)`:
   * only the former can use the GIN index on unit.path.
   */
  async subtreeIds(rootId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM unit WHERE path @> ARRAY[$1::uuid]`, [rootId]);
    return rows.map((r) => r.id);
  }

  async findByCode(code: string, manager: EntityManager = this.db.manager): Promise<ScopedUnit | null> {
    const rows: ScopedUnit[] = await manager.query(
      `SELECT ${UNIT_VIEW_COLUMNS}, u.path FROM unit u LEFT JOIN unit p ON p.id = u.parent_id WHERE u.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** The unit named by a code the caller wants to act on: 404 if unknown, 403 if outside scope. */
  async requireUnit(user: AuthUser, code: string, manager?: EntityManager): Promise<ScopedUnit> {
    const unit = await this.findByCode(code, manager);
    if (!unit) throw ProblemException.notFound(`Unit ${code}`);
    if (!this.covers(user, unit.path)) {
      throw ProblemException.forbidden('unit_out_of_scope', `Unit ${code} is outside your scope.`);
    }
    return unit;
  }

  /**
   * Like requireUnit for a unit named inside a request body: an unknown code is a validation
   * error on that field rather than a missing resource.
   */
  async requireUnitField(user: AuthUser, code: string, field: string, manager?: EntityManager): Promise<ScopedUnit> {
    const unit = await this.findByCode(code, manager);
    const problem = (fieldCode: FieldProblem['code'], message: string): FieldProblem[] => [{ field, code: fieldCode, message }];
    if (!unit) throw ProblemException.validation(problem('not_found', `unknown unit ${code}`));
    if (!this.covers(user, unit.path)) {
      throw new ProblemException({
        status: 403,
        code: 'unit_out_of_scope',
        title: 'Forbidden',
        detail: `Unit ${code} is outside your scope.`,
        errors: problem('out_of_scope', 'unit is outside your scope'),
      });
    }
    return unit;
  }
}
