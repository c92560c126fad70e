import { Body, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiController } from '../common/http/api-controller';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { UnitCodePipe } from './unit-code.pipe';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiController('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The caller's unit and every unit below it (all units for an admin). */
  @Get()
  async list(@CurrentUser() user: AuthUser) {
    const items = await this.units.list(user);
    return { items, total: items.length };
  }

  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string) {
    return this.units.get(user, code);
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUnitDto) {
    return this.units.create(user, body);
  }

  @Patch(':code')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('code', UnitCodePipe) code: string, @Body() body: UpdateUnitDto) {
    return this.units.update(user, code, body);
  }
}
