import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { bodyShapeError } from '../../common/http/body-shape';
import { createValidationPipe } from '../../common/http/validation';
import { ProblemException, type FieldError } from '../../common/problem/problem.exception';
import { AchievementsService } from '../achievements/achievements.service';
import { ComplaintsService, type IntakeOrigin, type IntakeResult } from '../complaints/complaints.service';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { CreateComplaintDto } from '../dto/complaint.dto';
import { CreateFeedbackDto } from '../dto/feedback.dto';
import { FeedbackService } from '../feedback/feedback.service';
import { mayCreate, type IntakeKind } from './intake-kinds';

/** The global ValidationPipe itself, so bulk items get exactly the API's options and messages. */
const pipe = createValidationPipe();

/**
 * Validates a plain object with a DTO class as the API would (whitelist, forbidNonWhitelisted,
 * same messages) and returns the typed instance; throws the API's 400 problem otherwise.
 */
export async function validateItem<T extends object>(dto: new () => T, plain: unknown, what = '(item)'): Promise<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw ProblemException.validation([{ field: what, message: 'must be a JSON object' }]);
  }
  const shape = bodyShapeError(plain);
  if (shape) throw ProblemException.validation([shape]);
  return (await pipe.transform(plain, { type: 'body', metatype: dto })) as T;
}

/** The same problem with every field named from `prefix` (the webhook's "item.summary"). */
export function prefixProblem(error: unknown, prefix: string): unknown {
  if (!(error instanceof ProblemException) || !error.problem.errors?.length) return error;
  const errors: FieldError[] = error.problem.errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` }));
  return error.problem.code === 'validation_failed' ? ProblemException.validation(errors) : new ProblemException({ ...error.problem, errors });
}

/**
 * One entry for items arriving in bulk (import, webhook): the role check of the single
 * endpoint, its DTO validation, then the very same service, which runs its own transaction.
 */
@Injectable()
export class IntakeDispatcher {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly feedback: FeedbackService,
    private readonly achievements: AchievementsService,
  ) {}

  async submit(user: AuthUser, kind: IntakeKind, plain: unknown, origin: IntakeOrigin): Promise<IntakeResult> {
    if (!mayCreate(user.role, kind)) {
      throw ProblemException.forbidden('role_forbidden', `A ${user.role} cannot submit ${kind} items.`);
    }
    // The same DTO classes as the single endpoints' @Body() parameters.
    switch (kind) {
      case 'complaint':
        return this.complaints.create(user, await validateItem(CreateComplaintDto, plain), origin);
      case 'feedback':
        return this.feedback.create(user, await validateItem(CreateFeedbackDto, plain), origin);
      case 'achievement':
        return this.achievements.create(user, await validateItem(CreateAchievementDto, plain), origin);
    }
  }
}
