import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { UsersService } from '../users/users.service';
import { type DemoContentReport, seedDemoContent } from './demo-content';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-organisation';

const SEED_LOCK = 7_414_202;

export interface FirstStartReport {
  /** Present when this start created the admin; password only when it was generated. */
  admin?: { username: string; generatedPassword?: string };
  demoUsers?: { username: string; role: string; unit: string }[];
  demoPassword?: string;
  /** Present when this start also created the demo stories. */
  demoContent?: DemoContentReport;
}

export interface FirstStartOptions {
  /**
   * Also create demo stories when the demo organisation is seeded. Only `npm start` (main.ts)
   * asks for it: test apps seed the organisation too, and their tests count stories.
   */
  demoContent?: boolean;
}

/**
 * Creates the admin when no user exists and, in demo mode, the demo organisation when no unit
 * exists. Idempotent and safe when several instances start at once (advisory lock).
 */
@Injectable()
export class FirstStartService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async run(options: FirstStartOptions = {}): Promise<FirstStartReport> {
    const report = await this.seedAccounts();
    // After the seed transaction has committed: the stories go through the intake, workflow and
    // publishing services, each with its own transactions (on the embedded database a second
    // connection would wait for the first one forever).
    if (options.demoContent && report.demoUsers) {
      try {
        report.demoContent = await seedDemoContent(this.moduleRef, this.config.adminUsername);
      } catch (error) {
        // the organisation and logins are there; a start must not fail for want of sample stories
        const e = error as Error & { code?: string };
        new Logger('FirstStart').warn({ err: { name: e?.name, code: e?.code, stack: e?.stack } }, 'demo stories could not be created');
      }
    }
    return report;
  }

  private seedAccounts(): Promise<FirstStartReport> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const report: FirstStartReport = {};
      const [{ users }] = await manager.query(`SELECT count(*)::int AS users FROM app_user`);
      if (users === 0) report.admin = await this.createAdmin(manager);
      const [{ units }] = await manager.query(`SELECT count(*)::int AS units FROM unit`);
      if (this.config.demo && units === 0) {
        report.demoUsers = await this.seedDemo(manager);
        report.demoPassword = DEMO_PASSWORD;
      }
      return report;
    });
  }

  private async createAdmin(manager: EntityManager): Promise<FirstStartReport['admin']> {
    const generated = this.config.adminPassword ? undefined : randomBytes(15).toString('base64url');
    await this.users.insert(
      { username: this.config.adminUsername, displayName: 'Administrator', role: 'admin', unitId: null, password: this.config.adminPassword ?? generated! },
      null,
      manager,
    );
    return { username: this.config.adminUsername, generatedPassword: generated };
  }

  private async seedDemo(manager: EntityManager): Promise<FirstStartReport['demoUsers']> {
    const ids = new Map<string, { id: string; path: string[] }>();
    for (const unit of DEMO_UNITS) {
      const id = randomUUID();
      const parent = unit.parent ? ids.get(unit.parent)! : null;
      const path = parent ? [...parent.path, id] : [id];
      ids.set(unit.code, { id, path });
      await manager.query(
        `INSERT INTO unit (id, code, name, level, parent_id, path, city, timezone, handles, hashtags, approval_policy)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, unit.code, unit.name, unit.level, parent?.id ?? null, path, unit.city, unit.timezone, JSON.stringify(unit.handles), unit.hashtags, unit.approvalPolicy],
      );
    }
    for (const user of DEMO_USERS) {
      await this.users.insert({ ...user, unitId: ids.get(user.unit)!.id, password: DEMO_PASSWORD }, null, manager);
    }
    await this.audit.record({ actorId: null, action: 'system.demo_seeded', subjectType: 'system', details: { units: DEMO_UNITS.length, users: DEMO_USERS.length } }, manager);
    return DEMO_USERS.map((u) => ({ username: u.username, role: u.role, unit: u.unit }));
  }
}
