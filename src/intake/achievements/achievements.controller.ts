import { Body, Param, Post, Put } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { uuidParam } from '../../common/http/params';
import { CorrectAchievementDto } from '../corrections/correction.dto';
import { IntakeCorrections } from '../corrections/intake-corrections.service';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { AchievementsService } from './achievements.service';

@ApiController('achievements')
export class AchievementsController {
  constructor(
    private readonly achievements: AchievementsService,
    private readonly corrections: IntakeCorrections,
  ) {}

  @Post()
  @Roles('commander', 'humas')
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateAchievementDto) {
    return (await this.achievements.create(user, body)).body;
  }

  /** Corrects an achievement whose story is a draft or came back rejected (its author or humas); its drafts are rendered again. */
  @Put(':id')
  @Roles('commander', 'humas')
  correct(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: CorrectAchievementDto) {
    return this.corrections.achievement(user, id, body);
  }
}
