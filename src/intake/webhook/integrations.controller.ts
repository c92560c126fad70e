import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { uuidParam } from '../../common/http/params';
import { CreateIntegrationDto } from './integration.dto';
import { IntakeIntegrations } from './intake-integrations.service';

/** Admin management of webhook integrations; secrets are shown once, at creation. */
@ApiController('intake/integrations', 'intake')
export class IntegrationsController {
  constructor(private readonly integrations: IntakeIntegrations) {}

  @Post()
  @Roles('admin')
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateIntegrationDto) {
    return this.integrations.create(actor, body);
  }

  @Get()
  @Roles('admin')
  list() {
    return this.integrations.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  async deactivate(@CurrentUser() actor: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.integrations.deactivate(actor, id);
  }
}
