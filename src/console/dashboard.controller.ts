import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ConsoleController } from './console-controller.decorator';
import { type ConsoleRequest, ConsoleView } from './console-view.service';
import { DashboardService } from './dashboard.service';

/** The dashboard ("Beranda") at /: what needs the officer today; charts are drawn in the browser from the reports API. */
@ConsoleController()
export class DashboardController {
  constructor(
    private readonly view: ConsoleView,
    private readonly dashboard: DashboardService,
  ) {}

  @Get()
  async home(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthUser) {
    const model = await this.dashboard.forUser(user);
    // Reports are for humas and commanders of a unit (GET /api/v1/reports/summary); an admin has no unit of their own.
    const charts = user.role === 'humas' || user.role === 'commander';
    await this.view.send(request, response, 'dashboard', { ...model, charts }, {
      title: 'Beranda',
      scripts: charts ? ['dashboard.js'] : [],
      vendorScripts: charts ? ['/assets/vendor/chart.js/chart.umd.min.js'] : [],
    });
  }
}
