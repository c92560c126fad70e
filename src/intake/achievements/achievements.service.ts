import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { queryRows } from '../../db/sql';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/auth/auth-user';
import { MediaLinks } from '../../media/media-links.service';
import { StoryCreator } from '../../stories/story-creator.service';
import { ScopeService } from '../../units/scope.service';
import type { IntakeOrigin, IntakeResult } from '../complaints/complaints.service';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { throwIfAny } from '../intake-rules';
import { achievementTimeProblems } from '../intake-time-rules';
import { maskIntake } from '../privacy/intake-masking';

@Injectable()
export class AchievementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly stories: StoryCreator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mediaLinks: MediaLinks,
  ) {}

  async create(user: AuthUser, dto: CreateAchievementDto, origin: IntakeOrigin = 'api'): Promise<IntakeResult> {
    const unit = await this.scope.requireUnitField(user, dto.unitCode, 'unitCode');
    const problems = achievementTimeProblems(dto, this.clock.now());
    if ((dto.participants ?? []).filter((p) => p.led).length > 1) {
      problems.push({ field: 'participants', code: 'one_leader', message: 'at most one participant may be marked as the leader (led)' });
    }
    throwIfAny(problems);
    // officers are public officials and are named; citizens mentioned in the text are masked
    const { value: masked, redactions } = maskIntake(CreateAchievementDto, { ...dto, quotes: dto.quotes ?? [], participants: dto.participants ?? [] }, {
      allowedNumbers: unit.publicNumbers,
    });

    return this.db.transaction(async (manager) => {
      const mediaIds = await this.mediaLinks.requireAttachable(manager, user, dto.mediaIds);
      const id = randomUUID();
      // RETURNING *: the row goes on to drafting as stored, without a second read
      const [row] = await queryRows<Record<string, unknown>>(manager,
        `INSERT INTO achievement (id, unit_id, title, activity_type, happened_at, location, participants, narrative, quotes, redactions, media_ids, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        [id, unit.id, masked.title, dto.activityType, dto.happenedAt, JSON.stringify(masked.location), JSON.stringify(masked.participants),
          masked.narrative, JSON.stringify(masked.quotes), JSON.stringify(redactions), dto.mediaIds ?? [], user.id],
      );
      await this.mediaLinks.maskAlts(manager, mediaIds, { allowedNumbers: unit.publicNumbers });
      const storyId = await this.stories.create(manager, {
        kind: 'achievement', sourceId: id, unitId: unit.id, category: dto.activityType, authorId: user.id, title: masked.title, mediaIds, sourceRow: row,
      }, (storyId) => ({
        actorId: user.id, action: 'achievement.create', subjectType: 'achievement', subjectId: id, unitId: unit.id,
        details: { origin, storyId, redactions: redactions.length },
      }));
      return { created: true, body: { id, storyId, redactions } };
    });
  }
}
