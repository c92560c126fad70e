import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import type { AuthUser } from '../common/auth/auth-user';
import { pageOf, type Page } from '../common/http/pagination';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../db/errors';
import { ScopeService } from '../units/scope.service';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import type { Role } from './user.entity';
import { UserLockoutRepository } from './user-lockout.repository';
import { USER_VIEW_COLUMNS, type UserView } from './user.view';

export interface NewUser {
  username: string;
  displayName: string;
  rank?: string | null;
  role: Role;
  unitId: string | null;
  password: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly lockout: UserLockoutRepository,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserView> {
    const unitId = await this.unitFor(actor, dto.role, dto.unitCode);
    const id = await this.db.transaction((manager) => this.insert({ ...dto, unitId }, actor.id, manager));
    return this.get(actor, id);
  }

  /** Inserts a user and audits it; also used by first-start seeding (actorId null = system). */
  async insert(user: NewUser, actorId: string | null, manager: EntityManager = this.db.manager): Promise<string> {
    const id = randomUUID();
    const hash = await this.hasher.hash(user.password);
    try {
      await manager.query(
        `INSERT INTO app_user (id, username, display_name, rank, role, unit_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, user.username, user.displayName, user.rank ?? null, user.role, user.unitId, hash],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw ProblemException.conflict('username_taken', `The username ${user.username} is taken.`);
      throw error;
    }
    await this.audit.record({ actorId, action: 'user.create', subjectType: 'user', subjectId: id, unitId: user.unitId, details: { role: user.role } }, manager);
    return id;
  }

  async list(actor: AuthUser, query: ListUsersQueryDto): Promise<Page<UserView>> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    const where = [actor.role === 'admin' ? 'TRUE' : `usr.unit_id IS NOT NULL AND ${this.scope.sqlCondition(actor, 'u', params)}`];
    if (query.unitCode) {
      params.push(query.unitCode);
      where.push(`u.code = $${params.length}`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`usr.role = $${params.length}`);
    }
    const from = `FROM app_user usr LEFT JOIN unit u ON u.id = usr.unit_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT ${USER_VIEW_COLUMNS} ${from} ORDER BY usr.username LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    return { items, total, page, pageSize };
  }

  /** A user the actor may see: outside the scope it does not exist for them (404). */
  async get(actor: AuthUser, id: string): Promise<UserView> {
    const rows: (UserView & { path: string[] | null })[] = await this.db.query(
      `SELECT ${USER_VIEW_COLUMNS}, u.path FROM app_user usr LEFT JOIN unit u ON u.id = usr.unit_id WHERE usr.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || !(actor.role === 'admin' || (row.path && this.scope.covers(actor, row.path)))) {
      throw ProblemException.notFound('User');
    }
    const { path: _path, ...view } = row;
    return view;
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const current = await this.get(actor, id);
    const role = dto.role ?? current.role;
    const unitCode = dto.unitCode ?? current.unitCode ?? undefined;
    const unitId = dto.role !== undefined || dto.unitCode !== undefined ? await this.unitFor(actor, role, unitCode) : undefined;
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (dto.displayName !== undefined) set('display_name', dto.displayName);
    if (dto.rank !== undefined) set('rank', dto.rank);
    if (dto.role !== undefined) set('role', dto.role);
    if (unitId !== undefined) set('unit_id', unitId);
    if (dto.active !== undefined) set('active', dto.active);
    if (dto.password !== undefined) {
      set('password_hash', await this.hasher.hash(dto.password));
      sets.push('failed_logins = 0, first_failed_at = NULL, locked_until = NULL');
    }
    if (sets.length === 0) return current;
    const fields = Object.keys(dto).filter((k) => dto[k as keyof UpdateUserDto] !== undefined);
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      await this.audit.record({ actorId: actor.id, action: 'user.update', subjectType: 'user', subjectId: id, unitId: unitId ?? null, details: { fields } }, manager);
    });
    if (dto.active === false || dto.password !== undefined) await this.tokens.revokeAllOf(id);
    return this.get(actor, id);
  }

  /**
   * Ends a lockout now (an officer locked out by 5 failed logins, whom the admin has verified):
   * failures are forgotten; the password stays (reset it with update({password}) if it leaked).
   */
  async unlock(actor: AuthUser, id: string): Promise<UserView> {
    const current = await this.get(actor, id);
    await this.db.transaction(async (manager) => {
      const changed = await this.lockout.clear(manager, id);
      if (!changed) throw ProblemException.conflict('not_locked', `${current.username} is not locked.`);
      await this.audit.record({ actorId: actor.id, action: 'user.unlock', subjectType: 'user', subjectId: id, unitId: null, details: {} }, manager);
    });
    return this.get(actor, id);
  }

  private async unitFor(actor: AuthUser, role: Role, unitCode: string | undefined): Promise<string | null> {
    if (!unitCode) {
      if (role === 'admin') return null;
      throw ProblemException.validation([{ field: 'unitCode', message: `a ${role} must belong to a unit` }]);
    }
    return (await this.scope.requireUnitField(actor, unitCode, 'unitCode')).id;
  }
}
