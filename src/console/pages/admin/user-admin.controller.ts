import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { Clock } from '../../../common/clock';
import { AcceptsBody } from '../../../common/http/body-kind';
import { uuidParam } from '../../../common/http/params';
import { ProblemException } from '../../../common/problem/problem.exception';
import { UpdateUserDto } from '../../../users/dto/user.dto';
import { ROLES } from '../../../users/user.entity';
import type { UserView } from '../../../users/user.view';
import { UsersService } from '../../../users/users.service';
import { UnitsService } from '../../../units/units.service';
import { ROLE_LABELS } from '../../console-helpers';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { fieldViews } from '../forms/form-fields';
import { type FieldMessages, type FlatForm, formFailure, single } from '../forms/form-input';
import { POLICE_RANKS } from '../intake/police-ranks';

const EDIT_FIELDS = ['displayName', 'rank', 'role', 'unitCode'];

/**
 * Admin: one user. Change name, rank, role and unit (UsersService.update, as PATCH /users/:id),
 * end a lockout (POST /users/:id/unlock), set a new password (signs them out everywhere).
 */
@ConsoleController('admin/pengguna/:id')
export class UserAdminController {
  constructor(
    private readonly view: ConsoleView,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('admin')
  async page(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    const target = await this.users.get(user, id);
    await this.show(user, request, response, target, valuesOf(target), {}, null, 200);
  }

  @Post()
  @Roles('admin')
  @AcceptsBody('form')
  async update(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const target = await this.users.get(user, id);
    const form = body ?? {};
    try {
      const changes: Record<string, unknown> = {};
      for (const name of EDIT_FIELDS) changes[name] = single(form, name).trim();
      // an admin belongs to no unit; every other role to one (the service says so by field when missing)
      if (changes.role === 'admin' || changes.unitCode === '') delete changes.unitCode;
      if (changes.rank === '') changes.rank = undefined;
      if (id === user.id && changes.role !== 'admin') throw ProblemException.validation([{ field: 'role', message: 'Anda tidak dapat mengubah peran akun sendiri.' }]);
      await this.users.update(user, id, await validateAs(UpdateUserDto, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))));
      redirectWithFlash(response, `/admin/pengguna/${id}`, { kind: 'success', text: `Data ${target.username} diperbarui.` });
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      await this.show(user, request, response, target, form, failure.fields, failure.message, failure.status);
    }
  }

  @Post('buka-kunci')
  @Roles('admin')
  @AcceptsBody('form')
  unlock(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    return runFormAction(response, `/admin/pengguna/${id}`, 'Kunci akun dibuka; pengguna dapat masuk lagi.', () => this.users.unlock(user, id));
  }

  @Post('kata-sandi')
  @Roles('admin')
  @AcceptsBody('form')
  password(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    return runFormAction(response, `/admin/pengguna/${id}`, 'Kata sandi baru disimpan; pengguna dikeluarkan dari semua sesi. Sampaikan kata sandinya secara langsung.', async () => {
      // a password is taken exactly as typed (spaces count)
      await this.users.update(user, id, await validateAs(UpdateUserDto, { password: single(body ?? {}, 'password') }));
    });
  }

  private async show(
    user: AuthUser, request: ConsoleRequest, response: Response, target: UserView, values: FlatForm, errors: FieldMessages, message: string | null, status: number,
  ) {
    const units = await this.units.list(user);
    const f = fieldViews(EDIT_FIELDS, values, errors, {
      role: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r })),
      unitCode: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    });
    const locked = target.lockedUntil !== null && new Date(target.lockedUntil) > this.clock.now();
    await this.view.send(request, response, 'pages/admin/user', {
      target, f, message, hasErrors: message !== null, locked, self: target.id === user.id, ranks: POLICE_RANKS,
      base: `/admin/pengguna/${target.id}`,
      passwordField: fieldViews(['password'], {}, {}).password,
    }, { title: `Pengguna ${target.username}`, status });
  }
}

function valuesOf(u: UserView): FlatForm {
  return { displayName: u.displayName, rank: u.rank ?? '', role: u.role, unitCode: u.unitCode ?? '' };
}
