import { Body, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { enumParam } from '../../common/http/params';
import { UnitCodePipe } from '../../units/unit-code.pipe';
import { registryCsv } from './official-accounts-csv';
import { OfficialAccountsService, REGISTRY_CHANNELS } from './official-accounts.service';

const flag = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class RegistryQueryDto {
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{2,64}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  /** Units without an account on this channel. */
  @IsOptional()
  @IsIn(REGISTRY_CHANNELS)
  without?: string;

  /** Units with an account that is not verified. */
  @IsOptional()
  @Transform(flag)
  @IsBoolean({ message: 'unverified must be true or false' })
  unverified?: boolean;

  /** Units with an account that needs reconnecting. */
  @IsOptional()
  @Transform(flag)
  @IsBoolean({ message: 'needsReconnect must be true or false' })
  needsReconnect?: boolean;
}

export class MarkVerifiedDto {
  /** Whether the platform shows the account's verified badge (checked by the admin today). */
  @IsBoolean()
  verified: boolean;
}

/** The registry of official accounts: every unit in scope with its account per channel. */
@ApiController('official-accounts', 'official accounts')
export class OfficialAccountsController {
  constructor(private readonly registry: OfficialAccountsService) {}

  @Get()
  @Roles('humas', 'commander')
  list(@CurrentUser() user: AuthUser, @Query() query: RegistryQueryDto) {
    return this.registry.list(user, query);
  }

  @Get('export.csv')
  @Roles('humas', 'commander')
  @ApiProduces('text/csv')
  async csv(@CurrentUser() user: AuthUser, @Query() query: RegistryQueryDto, @Res() response: Response) {
    const { items } = await this.registry.list(user, query);
    response.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="akun-resmi.csv"');
    response.send(registryCsv(items));
  }
}

/** An admin marks a badge that the platform's API does not report. */
@ApiController('units', 'official accounts')
export class AccountVerificationController {
  constructor(private readonly registry: OfficialAccountsService) {}

  @Put(':code/channels/:channel/verification')
  @Roles('admin')
  async mark(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string, @Param('channel', enumParam('channel', REGISTRY_CHANNELS)) channel: string, @Body() body: MarkVerifiedDto) {
    await this.registry.markVerified(user, code, channel, body.verified);
    return { unitCode: code, channel, verified: body.verified };
  }
}
