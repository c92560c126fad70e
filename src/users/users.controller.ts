import { Body, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiController } from '../common/http/api-controller';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/http/params';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiController('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  /** Users of the caller's unit and the units below it. */
  @Get()
  list(@CurrentUser() actor: AuthUser, @Query() query: ListUsersQueryDto) {
    return this.users.list(actor, query);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.users.get(actor, id);
  }

  /** Ends a login lockout now (admin). 409 when the user is not locked. */
  @Post(':id/unlock')
  @HttpCode(200)
  @Roles('admin')
  unlock(@CurrentUser() actor: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.users.unlock(actor, id);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() actor: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }
}
