import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/errors';
import type { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import type { UnitLevel } from './unit.entity';
import { ScopeService, type ScopedUnit } from './scope.service';
import { UNIT_VIEW_COLUMNS, type UnitView } from './unit.view';

/** Which levels may sit directly under which: Polda > Polres > Polsek; a Satker under a Polda or Polres. */
const ALLOWED_PARENT: Record<UnitLevel, UnitLevel[]> = {
  polda: [],
  polres: ['polda'],
  polsek: ['polres'],
  satker: ['polda', 'polres'],
};

const UPDATABLE = { name: 'name', city: 'city', timezone: 'timezone', approvalPolicy: 'approval_policy', reviewSlaHours: 'review_sla_hours', hashtags: 'hashtags', handles: 'handles', publicNumbers: 'public_numbers' } as const;

const strip = ({ path: _path, ...view }: ScopedUnit): UnitView => view;

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<UnitView[]> {
    const params: unknown[] = [];
    const condition = this.scope.sqlCondition(user, 'u', params);
    return this.db.query(
      `SELECT ${UNIT_VIEW_COLUMNS} FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
        WHERE ${condition} ORDER BY array_length(u.path, 1), u.name`,
      params,
    );
  }

  async get(user: AuthUser, code: string): Promise<UnitView> {
    return strip(await this.scope.requireUnit(user, code));
  }

  async create(user: AuthUser, dto: CreateUnitDto): Promise<UnitView> {
    const parent = dto.parentCode ? await this.scope.requireUnitField(user, dto.parentCode, 'parentCode') : null;
    this.checkHierarchy(dto.level, parent);
    const id = randomUUID();
    const path = parent ? [...parent.path, id] : [id];
    try {
      await this.db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO unit (id, code, name, level, parent_id, path, city, timezone, handles, hashtags, approval_policy, review_sla_hours, public_numbers)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [id, dto.code, dto.name, dto.level, parent?.id ?? null, path, dto.city, dto.timezone, JSON.stringify(dto.handles ?? {}),
            dto.hashtags ?? [], dto.approvalPolicy ?? 'self', dto.reviewSlaHours ?? 24, dto.publicNumbers ?? []],
        );
        await this.audit.record({ actorId: user.id, action: 'unit.create', subjectType: 'unit', subjectId: id, unitId: id, details: { code: dto.code } }, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ProblemException.conflict('unit_code_taken', `A unit with code ${dto.code} already exists.`);
      throw error;
    }
    return this.get(user, dto.code);
  }

  async update(user: AuthUser, code: string, dto: UpdateUnitDto): Promise<UnitView> {
    const unit = await this.scope.requireUnit(user, code);
    const sets: string[] = [];
    const params: unknown[] = [unit.id];
    for (const [key, column] of Object.entries(UPDATABLE)) {
      const value = dto[key as keyof UpdateUnitDto];
      if (value === undefined) continue;
      params.push(key === 'handles' ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return strip(unit);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE unit SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      await this.audit.record({
        actorId: user.id, action: 'unit.update', subjectType: 'unit', subjectId: unit.id, unitId: unit.id,
        details: { fields: Object.keys(dto).filter((k) => dto[k as keyof UpdateUnitDto] !== undefined) },
      }, manager);
    });
    return this.get(user, code);
  }

  private checkHierarchy(level: UnitLevel, parent: ScopedUnit | null): void {
    const allowed = ALLOWED_PARENT[level];
    if (!parent && allowed.length > 0) {
      throw ProblemException.validation([{ field: 'parentCode', message: `a ${level} needs a parent (${allowed.join(' or ')})` }]);
    }
    if (parent && !allowed.includes(parent.level)) {
      const message = allowed.length ? `a ${level} must sit under a ${allowed.join(' or ')}, not a ${parent.level}` : 'a polda has no parent';
      throw ProblemException.validation([{ field: 'parentCode', message }]);
    }
  }
}
