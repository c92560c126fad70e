import { Get, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { PickupQueryDto } from './dto/pickup-query.dto';
import { PickupsService } from './pickups.service';

@ApiController('pickups', 'tracking')
export class PickupsController {
  constructor(private readonly pickups: PickupsService) {}

  /** Partner items matched to our stories, newest first, with score and evidence; scoped by the story's unit. */
  @Get()
  @Roles('humas', 'commander')
  list(@CurrentUser() user: AuthUser, @Query() query: PickupQueryDto) {
    return this.pickups.list(user, query);
  }
}
