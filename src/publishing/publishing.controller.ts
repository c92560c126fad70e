import { Body, Get, HttpCode, Post } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { PauseDto, ResumeDto } from './dto/publication.dto';
import { PublishingPause } from './publishing-pause.service';

@ApiController('publishing')
export class PublishingController {
  constructor(private readonly pauses: PublishingPause) {}

  @Get('status')
  @Roles('humas')
  status(@CurrentUser() user: AuthUser) {
    return this.pauses.status(user);
  }

  /** Stops all dispatching for a unit subtree (or everywhere, admin) within one dispatcher interval. */
  @Post('pause')
  @HttpCode(200)
  @Roles('humas')
  pause(@CurrentUser() user: AuthUser, @Body() body: PauseDto) {
    return this.pauses.pause(user, body.reason, body.unitCode);
  }

  @Post('resume')
  @HttpCode(200)
  @Roles('humas')
  resume(@CurrentUser() user: AuthUser, @Body() body: ResumeDto) {
    return this.pauses.resume(user, body.unitCode);
  }
}
