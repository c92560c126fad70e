import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { uuidParam } from '../../../common/http/params';
import { ProblemException } from '../../../common/problem/problem.exception';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from '../../../users/dto/user.dto';
import { ROLES } from '../../../users/user.entity';
import { UsersService } from '../../../users/users.service';
import { UnitsService } from '../../../units/units.service';
import { ROLE_LABELS } from '../../console-helpers';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, formFields, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { fieldViews } from '../forms/form-fields';
import { type FieldMessages, type FlatForm, formFailure, single } from '../forms/form-input';
import { POLICE_RANKS } from '../intake/police-ranks';
import { userBody } from './admin-forms';

const PAGE_SIZE = 50;
const USER_FIELDS = ['username', 'displayName', 'rank', 'role', 'unitCode', 'password'];

/** Admin: users (list by unit and role, create, deactivate and reactivate) through UsersService. */
@ConsoleController('admin/pengguna')
export class UsersAdminController {
  constructor(
    private readonly view: ConsoleView,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('admin')
  async list(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, string>) {
    await this.show(user, request, response, query ?? {}, { role: 'operator' }, {}, null, 200);
  }

  @Post()
  @Roles('admin')
  @AcceptsBody('form')
  async create(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FormBody) {
    try {
      const created = await this.users.create(user, await validateAs(CreateUserDto, userBody(body ?? {})));
      redirectWithFlash(response, '/admin/pengguna', { kind: 'success', text: `Pengguna ${created.username} dibuat.` });
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      // the password is never sent back into the page
      const { password: _password, ...kept } = body ?? {};
      await this.show(user, request, response, {}, kept, failure.fields, failure.message, failure.status);
    }
  }

  @Post(':id/status')
  @Roles('admin')
  @AcceptsBody('form')
  async setActive(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const active = single(body ?? {}, 'active') === 'true';
    await runFormAction(response, '/admin/pengguna', active ? 'Pengguna diaktifkan kembali.' : 'Pengguna dinonaktifkan dan dikeluarkan dari semua sesi.', async () => {
      // locking oneself out of the console from the console is never what was meant
      if (id === user.id && !active) throw ProblemException.unprocessable('self_deactivation', 'Anda tidak dapat menonaktifkan akun sendiri.');
      await this.users.update(user, id, await validateAs(UpdateUserDto, { active }));
    });
  }

  private async show(
    user: AuthUser, request: ConsoleRequest, response: Response, query: Record<string, string>,
    values: FlatForm, errors: FieldMessages, message: string | null, status: number,
  ) {
    const filter = await validateAs(ListUsersQueryDto, formFields(query, ['unitCode', 'role', 'page']), 'query');
    const [page, units] = await Promise.all([this.users.list(user, { ...filter, pageSize: PAGE_SIZE }), this.units.list(user)]);
    const unitOptions = units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
    const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }));
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const link = (p: number) => `/admin/pengguna?${new URLSearchParams({ ...formFields(query, ['unitCode', 'role']), page: String(p) } as Record<string, string>)}`;
    const model = {
      users: page.items.map((u) => ({
        ...u, self: u.id === user.id, action: `/admin/pengguna/${u.id}/status`, href: `/admin/pengguna/${u.id}`,
        // a lockout is a state of its own: "aktif" while locked out told the admin nothing was wrong
        locked: u.lockedUntil !== null && new Date(u.lockedUntil) > this.clock.now(),
      })),
      filter: {
        units: unitOptions.map((o) => ({ ...o, selected: o.value === filter.unitCode })),
        roles: roleOptions.map((o) => ({ ...o, selected: o.value === filter.role })),
      },
      pager: pages > 1 ? { page: page.page, pages, total: page.total, prev: page.page > 1 ? link(page.page - 1) : null, next: page.page < pages ? link(page.page + 1) : null } : null,
      f: fieldViews(USER_FIELDS, values, errors, { role: roleOptions, unitCode: unitOptions }),
      message, hasErrors: message !== null, ranks: POLICE_RANKS,
    };
    await this.view.send(request, response, 'pages/admin/users', model, { title: 'Pengguna', status });
  }
}
