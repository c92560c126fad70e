import { Body, Post } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { AchievementsService } from './achievements.service';

@ApiController('achievements')
export class AchievementsController {
  constructor(private readonly achievements: AchievementsService) {}

  @Post()
  @Roles('commander', 'humas')
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateAchievementDto) {
    return (await this.achievements.create(user, body)).body;
  }
}
