import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { ProblemException } from '../common/problem/problem.exception';
import { ScopeService, type ScopedUnit } from '../units/scope.service';
import { type ReportPeriod, periodFromDates } from './report-period';
import { type ReportSummary, shapeSummary } from './report-summary';
import { querySummary, type ReportWindow } from './summary.queries';

/** A unit in the caller's scope, with its subtree, to report on. */
export interface ReportUnit {
  unit: ScopedUnit;
  unitIds: string[];
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The unit asked for (404 unknown, 403 outside the caller's scope) or the caller's own. */
  async resolveUnit(user: AuthUser, unitCode: string | undefined): Promise<ReportUnit> {
    let unit: ScopedUnit | null;
    if (unitCode) {
      unit = await this.scope.requireUnit(user, unitCode);
    } else {
      if (!user.unitId) throw ProblemException.validation([{ field: 'unitCode', message: 'unitCode is required for a user without a unit' }]);
      const [own] = await this.db.query(`SELECT code FROM unit WHERE id = $1`, [user.unitId]);
      unit = own ? await this.scope.findByCode(own.code) : null;
      if (!unit) throw ProblemException.notFound('Your unit');
    }
    return { unit, unitIds: await this.scope.subtreeIds(unit.id) };
  }

  now(): Date {
    return this.clock.now();
  }

  window(target: ReportUnit, period: ReportPeriod): ReportWindow {
    return { unitIds: target.unitIds, start: period.start, end: period.end, now: this.clock.now() };
  }

  async summaryFor(target: ReportUnit, period: ReportPeriod): Promise<ReportSummary> {
    const raw = await querySummary(this.db, this.window(target, period));
    return shapeSummary({ code: target.unit.code, name: target.unit.name, timezone: target.unit.timezone }, period, raw);
  }

  async summary(user: AuthUser, query: { unitCode?: string; from?: string; to?: string }): Promise<ReportSummary> {
    const target = await this.resolveUnit(user, query.unitCode);
    const period = periodFromDates(query.from, query.to, target.unit.timezone, this.clock.now());
    return this.summaryFor(target, period);
  }
}
