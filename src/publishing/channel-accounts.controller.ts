import { Body, Get, Param, Put } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { enumParam } from '../common/http/params';
import { UnitCodePipe } from '../units/unit-code.pipe';
import { ACCOUNT_CHANNELS, ChannelAccounts } from './channel-accounts.service';
import { PutChannelAccountDto } from './dto/channel-account.dto';

const channelParam = enumParam('channel', ACCOUNT_CHANNELS);

@ApiController('units', 'channel accounts')
export class ChannelAccountsController {
  constructor(private readonly accounts: ChannelAccounts) {}

  @Get(':code/channels')
  @Roles('humas')
  async list(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string) {
    return { items: await this.accounts.list(user, code) };
  }

  /** Sets the unit's account on a channel; credentials are write-only (sealed, never returned). */
  @Put(':code/channels/:channel')
  @Roles('admin')
  put(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string, @Param('channel', channelParam) channel: string, @Body() body: PutChannelAccountDto) {
    return this.accounts.put(user, code, channel, body);
  }
}
