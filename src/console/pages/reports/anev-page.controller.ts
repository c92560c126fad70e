import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { Clock } from '../../../common/clock';
import { ProblemException } from '../../../common/problem/problem.exception';
import { MonthlyQueryDto } from '../../../reports/dto/report-query.dto';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { formFields, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { instantToLocal } from '../forms/form-input';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/**
 * The monthly anev (analisa dan evaluasi) report under the console: a month and unit picker
 * around GET /api/v1/reports/monthly (built in src/reports), embedded in a same-origin frame and
 * printable on its own (its print stylesheet), or opened alone in a new tab.
 */
@ConsoleController('anev')
export class AnevPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('humas', 'commander')
  async page(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, string>) {
    const units = await this.units.list(user);
    const own = units.find((u) => u.id === user.unitId) ?? units[0];
    // the current month as the officer's unit counts it
    const thisMonth = instantToLocal(this.clock.now(), own?.timezone ?? 'Asia/Jakarta').slice(0, 7);
    let error: string | null = null;
    let chosen = { unitCode: own?.code, month: thisMonth };
    try {
      const dto = await validateAs(MonthlyQueryDto, { month: thisMonth, ...formFields(query, ['unitCode', 'month']) }, 'query');
      chosen = { unitCode: dto.unitCode ?? own?.code, month: dto.month };
    } catch (e) {
      if (!(e instanceof ProblemException) || e.problem.status !== 400) throw e;
      error = (e.problem.errors ?? []).map((x) => x.message).join('; ') || 'Isian tidak valid.';
    }
    const [year, month] = chosen.month.split('-').map(Number);
    const params = new URLSearchParams({ month: chosen.month, ...(chosen.unitCode ? { unitCode: chosen.unitCode } : {}) });
    const model = {
      month: chosen.month,
      monthLabel: `${MONTHS[month - 1]} ${year}`,
      unitOptions: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === chosen.unitCode })),
      reportUrl: `/api/v1/reports/monthly?${params}`,
      csvUrl: `/api/v1/reports/stories.csv?${new URLSearchParams({ ...(chosen.unitCode ? { unitCode: chosen.unitCode } : {}), from: `${chosen.month}-01`, to: lastDay(year, month) })}`,
      error,
    };
    await this.view.send(request, response, 'pages/reports/anev', model, { title: 'Laporan anev bulanan', status: error ? 400 : 200, scripts: ['report-print.js'] });
  }
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
