import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { queryRows } from '../../db/sql';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/auth/auth-user';
import type { FieldError } from '../../common/problem/problem.exception';
import { MediaLinks } from '../../media/media-links.service';
import { StoryCreator } from '../../stories/story-creator.service';
import { ScopeService } from '../../units/scope.service';
import type { IntakeOrigin, IntakeResult } from '../complaints/complaints.service';
import { CreateFeedbackDto } from '../dto/feedback.dto';
import { checkNotFuture, consentRecord, SERVICE_LABELS, throwIfAny } from '../intake-rules';
import { CitizenContacts } from '../privacy/citizen-contacts';
import { knownCitizen, maskIntake } from '../privacy/intake-masking';
import { publishableQuote } from '../privacy/publishable-text';

/** Only good feedback the citizen agreed to have quoted becomes public content. */
export const PUBLISHABLE_RATING = 4;

@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly stories: StoryCreator,
    private readonly contacts: CitizenContacts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mediaLinks: MediaLinks,
  ) {}

  async create(user: AuthUser, dto: CreateFeedbackDto, origin: IntakeOrigin = 'api'): Promise<IntakeResult> {
    const unit = await this.scope.requireUnitField(user, dto.unitCode, 'unitCode');
    const errors: FieldError[] = [];
    checkNotFuture(errors, this.clock.now(), [['receivedAt', dto.receivedAt], ['consent.givenAt', dto.consent.givenAt]]);
    throwIfAny(errors);
    const citizens = [knownCitizen(dto.author, dto.consent.level, 'warga')];
    const { value: masked, redactions } = maskIntake(CreateFeedbackDto, dto, { citizens, allowedNumbers: unit.publicNumbers });
    const consent = consentRecord(masked.consent, masked.author.name, dto.receivedAt, dto.source);
    // the words are the story: none left once sentences with personal data are left out, no story
    const publishable = dto.rating >= PUBLISHABLE_RATING && consent.view.quoteAllowed && publishableQuote(masked.text) !== null;

    return this.db.transaction(async (manager) => {
      const mediaIds = await this.mediaLinks.requireAttachable(manager, user, dto.mediaIds);
      const id = randomUUID();
      // RETURNING *: the row goes on to drafting as stored, without a second read
      const [row] = await queryRows<Record<string, unknown>>(manager,
        `INSERT INTO feedback (id, unit_id, service_type, rating, text, source, received_at, consent_level, consent_quote, consent_given_at,
           consent_method, public_attribution, redactions, media_ids, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
        [id, unit.id, dto.serviceType, dto.rating, masked.text, dto.source, dto.receivedAt, consent.level, consent.quote, consent.givenAt,
          consent.method, consent.publicAttribution, JSON.stringify(redactions), dto.mediaIds ?? [], user.id],
      );
      await this.contacts.store(manager, 'feedback', id, masked.author, dto.receivedAt);
      await this.mediaLinks.maskAlts(manager, mediaIds, { citizens, allowedNumbers: unit.publicNumbers });
      const storyId = publishable
        ? await this.stories.create(manager, {
            kind: 'feedback', sourceId: id, unitId: unit.id, category: dto.serviceType, authorId: user.id, mediaIds, sourceRow: row,
            title: `Warga Apresiasi Pelayanan ${SERVICE_LABELS[dto.serviceType]} ${unit.name}`,
          })
        : null;
      await this.audit.record({
        actorId: user.id, action: 'feedback.create', subjectType: 'feedback', subjectId: id, unitId: unit.id,
        details: { origin, storyId, rating: dto.rating, redactions: redactions.length, consent: consent.level },
      }, manager);
      return { created: true, body: { id, storyId, redactions } };
    });
  }
}
