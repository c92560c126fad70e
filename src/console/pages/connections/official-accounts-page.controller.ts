import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { STATE_LABELS } from '../../../connections/registry/official-accounts-csv';
import { OfficialAccountsService, REGISTRY_CHANNELS, type RegistryFilter } from '../../../connections/registry/official-accounts.service';
import { ConsoleController } from '../../console-controller.decorator';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';

const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * /akun-resmi: every unit in scope with its official account per channel (handle, connection
 * state, verified badge and where it was read, last post), with the follow-up filters of the
 * order that every unit has verified accounts, and the CSV export.
 */
@ConsoleController('akun-resmi')
export class OfficialAccountsPageController {
  constructor(private readonly view: ConsoleView, private readonly registry: OfficialAccountsService) {}

  @Get()
  @Roles('humas', 'commander')
  async index(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, unknown>) {
    const without = one(query.tanpa);
    const filter: RegistryFilter = {
      without: (REGISTRY_CHANNELS as readonly string[]).includes(without ?? '') ? without : undefined,
      unverified: one(query.belum_terverifikasi) === '1',
      needsReconnect: one(query.perlu_sambung) === '1',
    };
    const { items, total } = await this.registry.list(user, filter);
    const params = new URLSearchParams({
      ...(filter.without && { without: filter.without }), ...(filter.unverified && { unverified: 'true' }), ...(filter.needsReconnect && { needsReconnect: 'true' }),
    });
    const model = {
      total, channels: REGISTRY_CHANNELS,
      filterChannels: REGISTRY_CHANNELS.map((c) => ({ value: c, selected: c === filter.without })),
      unverified: filter.unverified, needsReconnect: filter.needsReconnect,
      csvUrl: `/api/v1/official-accounts/export.csv${params.size ? `?${params.toString()}` : ''}`,
      units: items.map((u) => ({ ...u, accounts: u.accounts.map((a) => ({ ...a, stateLabel: STATE_LABELS[a.state] ?? a.state, attention: a.state === 'reconnect_needed' || a.state === 'revoked' })) })),
    };
    await this.view.send(request, response, 'pages/connections/registry', model, { title: 'Akun resmi' });
  }
}
