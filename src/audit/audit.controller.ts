import { Get, Query } from '@nestjs/common';
import { ApiController } from '../common/http/api-controller';
import { Roles } from '../common/auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

/** The whole audit log, newest first, for administrators (stories expose their own trail). */
@ApiController('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: AuditQueryDto) {
    return this.audit.list({ ...query, limit: query.limit ?? 100 }).then((items) => ({ items }));
  }
}
