import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { enumParam } from '../../../common/http/params';
import { ACCOUNT_CHANNELS, ChannelAccounts } from '../../../publishing/channel-accounts.service';
import { PutChannelAccountDto } from '../../../publishing/dto/channel-account.dto';
import { CreateUnitDto, UpdateUnitDto } from '../../../units/dto/unit.dto';
import { APPROVAL_POLICIES, HANDLE_CHANNELS, UNIT_LEVELS, UNIT_TIMEZONES } from '../../../units/unit.entity';
import { UnitCodePipe } from '../../../units/unit-code.pipe';
import type { UnitView } from '../../../units/unit.view';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { fieldViews } from '../forms/form-fields';
import { type FieldMessages, type FlatForm, formFailure } from '../forms/form-input';
import { channelAccountBody, CREDENTIAL_FIELDS, unitBody } from './admin-forms';

const opts = (values: readonly string[], labels: Record<string, string> = {}) => values.map((v) => ({ value: v, label: labels[v] ?? v }));
const LEVEL_LABELS: Record<string, string> = { polda: 'Polda', polres: 'Polres', polsek: 'Polsek', satker: 'Satker' };
const ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB (Asia/Jakarta)', 'Asia/Makassar': 'WITA (Asia/Makassar)', 'Asia/Jayapura': 'WIT (Asia/Jayapura)' };
const POLICY_LABELS: Record<string, string> = { self: 'Humas satuan sendiri', parent: 'Humas satuan atas', two_step: 'Dua tahap (satuan + atas)' };
const MODE_LABELS: Record<string, string> = { manual: 'Manual (petugas memposting)', api: 'API kanal', webhook: 'Webhook (sistem sendiri)' };
const UNIT_FIELDS = ['code', 'name', 'level', 'parentCode', 'city', 'timezone', 'approvalPolicy', 'reviewSlaHours', 'hashtags', ...HANDLE_CHANNELS.map((c) => `handles.${c}`)];

interface TreeNode extends UnitView {
  children: TreeNode[];
}

/** Units as a tree (parents before children, as UnitsService.list orders them by depth). */
function tree(units: UnitView[]): TreeNode[] {
  const nodes = new Map(units.map((u) => [u.code, { ...u, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Admin: the unit tree with hashtags and handles, creating and editing units, and each unit's channel accounts. */
@ConsoleController('admin')
export class UnitsAdminController {
  constructor(
    private readonly view: ConsoleView,
    private readonly units: UnitsService,
    private readonly accounts: ChannelAccounts,
  ) {}

  @Get()
  @Roles('admin')
  async index(@Req() request: ConsoleRequest, @Res() response: Response) {
    await this.view.send(request, response, 'pages/admin/index', {}, { title: 'Administrasi' });
  }

  @Get('satuan')
  @Roles('admin')
  async list(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    await this.showList(user, request, response, { level: 'polsek', timezone: 'Asia/Jakarta', approvalPolicy: 'self' }, {}, null, 200);
  }

  @Post('satuan')
  @Roles('admin')
  @AcceptsBody('form')
  async create(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FormBody) {
    try {
      const unit = await this.units.create(user, await validateAs(CreateUnitDto, unitBody(body ?? {}, 'create')));
      redirectWithFlash(response, `/admin/satuan/${unit.code}`, { kind: 'success', text: `Satuan ${unit.code} dibuat.` });
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      await this.showList(user, request, response, body ?? {}, failure.fields, failure.message, failure.status);
    }
  }

  @Get('satuan/:code')
  @Roles('admin')
  async edit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('code', UnitCodePipe) code: string) {
    const unit = await this.units.get(user, code);
    const accounts = await this.accounts.list(user, code);
    const values: FlatForm = {
      name: unit.name, city: unit.city, timezone: unit.timezone, approvalPolicy: unit.approvalPolicy, reviewSlaHours: String(unit.reviewSlaHours),
      hashtags: unit.hashtags.join(' '), ...Object.fromEntries(HANDLE_CHANNELS.map((c) => [`handles.${c}`, unit.handles[c] ?? ''])),
    };
    const channels = ACCOUNT_CHANNELS.map((channel) => {
      const account = accounts.find((a) => a.channel === channel);
      const fields = [...new Set([...(CREDENTIAL_FIELDS[channel]?.api ?? []), ...(CREDENTIAL_FIELDS[channel]?.webhook ?? [])])];
      return {
        channel, action: `/admin/satuan/${code}/kanal/${channel}`, handle: account?.handle ?? '', hasCredentials: account?.hasCredentials ?? false,
        configured: Boolean(account),
        modes: opts(['manual', 'api', 'webhook'], MODE_LABELS).map((m) => ({ ...m, selected: m.value === (account?.mode ?? 'manual') })),
        credentials: fields.map((name) => ({ name, inputName: `credentials.${name}`, id: `cred-${channel}-${name}` })),
      };
    });
    const model = { unit, f: this.fields(values, {}), channels, action: `/admin/satuan/${code}` };
    await this.view.send(request, response, 'pages/admin/unit', model, { title: `Satuan ${unit.name}` });
  }

  @Post('satuan/:code')
  @Roles('admin')
  @AcceptsBody('form')
  async update(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string, @Body() body: FormBody) {
    await runFormAction(response, `/admin/satuan/${code}`, 'Satuan diperbarui.', async () => {
      await this.units.update(user, code, await validateAs(UpdateUnitDto, unitBody(body ?? {}, 'update')));
    });
  }

  @Post('satuan/:code/kanal/:channel')
  @Roles('admin')
  @AcceptsBody('form')
  async putChannel(
    @CurrentUser() user: AuthUser, @Res() response: Response, @Param('code', UnitCodePipe) code: string,
    @Param('channel', enumParam('channel', ACCOUNT_CHANNELS)) channel: string, @Body() body: FormBody,
  ) {
    await runFormAction(response, `/admin/satuan/${code}`, `Akun ${channel} disimpan.`, async () => {
      await this.accounts.put(user, code, channel, await validateAs(PutChannelAccountDto, channelAccountBody(body ?? {})));
    });
  }

  private fields(values: FlatForm, errors: FieldMessages) {
    return fieldViews(UNIT_FIELDS, values, errors, {
      level: opts(UNIT_LEVELS, LEVEL_LABELS), timezone: opts(UNIT_TIMEZONES, ZONE_LABELS), approvalPolicy: opts(APPROVAL_POLICIES, POLICY_LABELS),
    });
  }

  private async showList(user: AuthUser, request: ConsoleRequest, response: Response, values: FlatForm, errors: FieldMessages, message: string | null, status: number) {
    const units = await this.units.list(user);
    const f = this.fields(values, errors);
    f.parentCode.options = units.filter((u) => u.level !== 'polsek').map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === values.parentCode }));
    const model = { tree: tree(units), total: units.length, f, message, hasErrors: message !== null };
    await this.view.send(request, response, 'pages/admin/units', model, { title: 'Satuan', status });
  }
}
