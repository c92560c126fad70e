import { Body, Param, Post, Put } from '@nestjs/common';
import { IsBoolean } from 'class-validator';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { enumParam } from '../common/http/params';
import { UnitCodePipe } from '../units/unit-code.pipe';
import { CONNECTABLE_CHANNELS } from './connection.types';
import { ConnectService } from './connect.service';

export class HumasMayConnectDto {
  /** Whether the unit's own humas officers may connect its channel accounts. */
  @IsBoolean()
  allowed: boolean;
}

const channelParam = enumParam('channel', CONNECTABLE_CHANNELS);

/** Starting an OAuth connection (the callback is a console page: the officer's browser comes back there). */
@ApiController('units', 'channel connections')
export class ConnectionsController {
  constructor(private readonly connect: ConnectService) {}

  /** `{authorizationUrl}`: send the officer's browser there; the platform returns to /koneksi/callback/:provider. */
  @Post(':code/channels/:channel/connect')
  @Roles('humas')
  async start(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string, @Param('channel', channelParam) channel: string) {
    try {
      return await this.connect.start(user, code, channel);
    } catch (error) {
      throw this.connect.problem(error);
    }
  }

  @Put(':code/humas-may-connect')
  @Roles('admin')
  async allowHumas(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string, @Body() body: HumasMayConnectDto) {
    await this.connect.allowHumas(user, code, body.allowed);
    return { unitCode: code, humasMayConnect: body.allowed };
  }
}
