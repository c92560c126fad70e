import { Injectable } from '@nestjs/common';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StoryWorkflow } from '../../../approval/story-workflow.service';
import type { AuthUser } from '../../../common/auth/auth-user';
import { Clock } from '../../../common/clock';
import { type FieldError, ProblemException } from '../../../common/problem/problem.exception';
import { AchievementsService } from '../../../intake/achievements/achievements.service';
import { ComplaintsService } from '../../../intake/complaints/complaints.service';
import { CreateAchievementDto } from '../../../intake/dto/achievement.dto';
import { CreateComplaintDto } from '../../../intake/dto/complaint.dto';
import { CreateFeedbackDto } from '../../../intake/dto/feedback.dto';
import { FeedbackService } from '../../../intake/feedback/feedback.service';
import { achievementTimeProblems, complaintTimeProblems, feedbackTimeProblems } from '../../../intake/intake-time-rules';
import type { FieldFinding } from '../../../intake/privacy/pii-masker';
import type { Role } from '../../../users/user.entity';
import { ScopeService } from '../../../units/scope.service';
import { validateAs } from '../../console-form';
import { failureOf, convertLocalTimes, formFailure, type FlatForm, type FormFailure, nestForm, single } from '../forms/form-input';

export const INTAKE_KINDS = ['complaint', 'feedback', 'achievement'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

/** Per kind: who may submit (as the API's @Roles), which inputs are datetime-local, its table. */
export const INTAKE_FORMS = {
  complaint: { roles: ['operator', 'humas'], timeFields: ['receivedAt', 'resolvedAt', 'stages[].at', 'consent.givenAt'], table: 'complaint' },
  feedback: { roles: ['operator', 'humas'], timeFields: ['receivedAt', 'consent.givenAt'], table: 'feedback' },
  achievement: { roles: ['commander', 'humas'], timeFields: ['happenedAt'], table: 'achievement' },
} as const satisfies Record<IntakeKind, { roles: readonly Role[]; timeFields: readonly string[]; table: string }>;

export function maySubmit(role: Role, kind: IntakeKind): boolean {
  return role === 'admin' || (INTAKE_FORMS[kind].roles as readonly Role[]).includes(role);
}

export type SubmitOutcome =
  | { ok: true; id: string; storyId: string | null; created: boolean; submitted: boolean }
  | ({ ok: false } & FormFailure);

/** What the result page shows: the masked personal data and the consent recorded. */
export interface IntakeRecord {
  id: string;
  storyId: string | null;
  storyStatus: string | null;
  unitCode: string;
  redactions: FieldFinding[];
  consentLevel: string | null;
  consentQuote: boolean | null;
  publicAttribution: string | null;
  mediaCount: number;
}

const DTOS = { complaint: CreateComplaintDto, feedback: CreateFeedbackDto, achievement: CreateAchievementDto } as const;
const TIME_RULES = { complaint: complaintTimeProblems, feedback: feedbackTimeProblems, achievement: achievementTimeProblems } as const;

/**
 * The console's way into intake: a posted form becomes the same DTO the API validates (same
 * pipe, same rules) and goes to the same service. Before anything is written, every check that
 * can be made on the form alone runs at once (the DTO, the time rules, the unit's scope), so the
 * officer sees every problem in one answer; the services check the same rules again.
 * A new item's story goes straight to review (the intake-to-review flow, README "Console").
 */
@Injectable()
export class IntakeSubmissions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly complaints: ComplaintsService,
    private readonly feedback: FeedbackService,
    private readonly achievements: AchievementsService,
    private readonly workflow: StoryWorkflow,
    private readonly clock: Clock,
  ) {}

  async submit(user: AuthUser, kind: IntakeKind, form: FlatForm): Promise<SubmitOutcome> {
    try {
      const body = await this.toBody(kind, form);
      const refused = await this.problems(user, kind, body);
      if (refused) return { ok: false, ...refused };
      const result = kind === 'complaint'
        ? await this.complaints.create(user, await validateAs(CreateComplaintDto, body))
        : kind === 'feedback'
          ? await this.feedback.create(user, await validateAs(CreateFeedbackDto, body))
          : await this.achievements.create(user, await validateAs(CreateAchievementDto, body));
      const { id, storyId } = result.body;
      const submitted = result.created && storyId !== null ? await this.submitForReview(user, storyId) : false;
      return { ok: true, id, storyId, created: result.created, submitted };
    } catch (error) {
      return { ok: false, ...formFailure(error) };
    }
  }

  /**
   * The story of a new item goes to review at once: nobody has to remember "Ajukan", and the
   * approvers are notified now. Should that fail (the story changed in between), the item is
   * kept and the result page offers the button instead.
   */
  private async submitForReview(user: AuthUser, storyId: string): Promise<boolean> {
    try {
      await this.workflow.submit(user, storyId);
      return true;
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status < 500) return false;
      throw error;
    }
  }

  /** Every problem the form alone shows, at once: the DTO's, the time rules' and the unit's; null when there is none. */
  private async problems(user: AuthUser, kind: IntakeKind, body: Record<string, unknown>): Promise<FormFailure | null> {
    const errors: FieldError[] = [];
    let outOfScope = false;
    try {
      await validateAs<object>(DTOS[kind], body);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status !== 400) throw error;
      errors.push(...(error.problem.errors ?? []));
    }
    // the DTO's own conversions (instants to Dates), for rules over the values it accepted
    const values = plainToInstance(DTOS[kind] as ClassConstructor<object>, body) as Record<string, unknown>;
    const known = new Set(errors.map((e) => e.field));
    errors.push(...TIME_RULES[kind](values, this.clock.now()).filter((e) => !known.has(e.field)));
    if (typeof body.unitCode === 'string' && !known.has('unitCode')) {
      try {
        await this.scope.requireUnitField(user, body.unitCode, 'unitCode');
      } catch (error) {
        if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
        outOfScope = error.problem.status === 403;
        errors.push(...(error.problem.errors ?? []));
      }
    }
    // another unit's form stays a 403 (as the API answers it), with every other problem beside it
    return errors.length ? failureOf(errors, outOfScope ? 403 : 400, null, undefined, outOfScope ? 'unit_out_of_scope' : undefined) : null;
  }

  /** Times are typed in the chosen unit's own zone (WIB, WITA or WIT), whatever the browser's. */
  private async toBody(kind: IntakeKind, form: FlatForm): Promise<Record<string, unknown>> {
    const unit = await this.scope.findByCode(single(form, 'unitCode').trim());
    const body = nestForm(convertLocalTimes(form, INTAKE_FORMS[kind].timeFields, unit?.timezone ?? 'Asia/Jakarta'), ['mediaIds']);
    if (kind !== 'achievement') {
      // An unticked checkbox sends nothing: no quote consent.
      const consent = (body.consent ?? {}) as Record<string, unknown>;
      consent.quote = consent.quote === 'true' || consent.quote === 'on';
      body.consent = consent;
    }
    if (kind === 'achievement' && Array.isArray(body.participants)) {
      // "Memimpin kegiatan": a ticked box sends "true"; an unticked one nothing
      for (const row of body.participants as Record<string, unknown>[]) if (row && typeof row === 'object' && 'led' in row) row.led = row.led === 'true' || row.led === 'on';
    }
    if (kind === 'feedback' && typeof body.rating === 'string' && /^\d{1,2}$/.test(body.rating)) body.rating = Number(body.rating);
    return body;
  }

  /** A submitted item for its result page; outside the caller's scope it does not exist. */
  async record(user: AuthUser, kind: IntakeKind, id: string): Promise<IntakeRecord> {
    const consent = kind === 'achievement'
      ? 'NULL::text AS consent_level, NULL::boolean AS consent_quote, NULL::text AS public_attribution'
      : 'i.consent_level, i.consent_quote, i.public_attribution';
    const [row] = await this.db.query(
      `SELECT i.id, i.redactions, ${consent}, cardinality(i.media_ids) AS media_count, u.code AS unit_code, u.path, s.id AS story_id,
              s.status AS story_status
         FROM ${INTAKE_FORMS[kind].table} i JOIN unit u ON u.id = i.unit_id
         LEFT JOIN story s ON s.kind = $2 AND s.source_id = i.id
        WHERE i.id = $1`,
      [id, kind],
    );
    if (!row || !this.scope.covers(user, row.path)) throw ProblemException.notFound('The submitted item');
    return {
      id: row.id, storyId: row.story_id, storyStatus: row.story_status ?? null, unitCode: row.unit_code, redactions: row.redactions ?? [], consentLevel: row.consent_level,
      consentQuote: row.consent_quote, publicAttribution: row.public_attribution, mediaCount: Number(row.media_count ?? 0),
    };
  }
}
