import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/auth/auth-user';
import { ProblemException, type FieldError } from '../../common/problem/problem.exception';
import { queryRows } from '../../db/sql';
import { MediaLinks } from '../../media/media-links.service';
import { StoryCreator } from '../../stories/story-creator.service';
import { ScopeService } from '../../units/scope.service';
import { contentHash } from '../content-hash';
import { CreateComplaintDto } from '../dto/complaint.dto';
import { CATEGORY_LABELS, checkNotFuture, consentRecord, throwIfAny } from '../intake-rules';
import { CitizenContacts } from '../privacy/citizen-contacts';
import { knownCitizen, maskIntake } from '../privacy/intake-masking';
import type { FieldFinding } from '../privacy/pii-masker';
import { complaintSensitivity } from '../privacy/sensitivity';

export interface IntakeResult {
  /** 201 for a new item, 200 for the same externalRef and content again. */
  created: boolean;
  body: { id: string; storyId: string | null; redactions: FieldFinding[] };
}

export type IntakeOrigin = 'api' | 'import' | 'webhook';

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly stories: StoryCreator,
    private readonly contacts: CitizenContacts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mediaLinks: MediaLinks,
  ) {}

  async create(user: AuthUser, dto: CreateComplaintDto, origin: IntakeOrigin = 'api'): Promise<IntakeResult> {
    const unit = await this.scope.requireUnitField(user, dto.unitCode, 'unitCode');
    this.checkTimes(dto);
    const hash = contentHash(dto);
    // A quote without quote consent is not kept at all.
    const body = { ...dto, stages: dto.stages ?? [], quote: dto.consent.quote && dto.consent.level !== 'none' ? dto.quote : undefined };
    const citizens = [knownCitizen(dto.complainant, dto.consent.level, 'pelapor')];
    const { value: masked, redactions } = maskIntake(CreateComplaintDto, body, { citizens, allowedNumbers: unit.publicNumbers });
    const consent = consentRecord(masked.consent, masked.complainant.name, dto.receivedAt, dto.channel);
    const sensitivity = complaintSensitivity({
      category: dto.category, sensitive: dto.sensitive, minorInvolved: dto.minorInvolved, informantInvolved: dto.informantInvolved,
      texts: [masked.summary, masked.resolution, ...masked.stages.map((s) => s.label)],
    });

    return this.db.transaction(async (manager) => {
      const mediaIds = await this.mediaLinks.requireAttachable(manager, user, dto.mediaIds);
      const id = randomUUID();
      // RETURNING *: the row goes on to drafting as stored, without a second read
      const inserted = await queryRows<{ id: string }>(manager,
        `INSERT INTO complaint (id, unit_id, external_ref, content_hash, category, channel, received_at, resolved_at, location, summary,
           resolution, stages, quote, consent_level, consent_quote, consent_given_at, consent_method, public_attribution, redactions, media_ids, created_by,
           sensitive, sensitivity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
         ON CONFLICT (unit_id, external_ref) DO NOTHING RETURNING *`,
        [id, unit.id, dto.externalRef, hash, dto.category, dto.channel, dto.receivedAt, dto.resolvedAt, JSON.stringify(masked.location),
          masked.summary, masked.resolution, JSON.stringify(masked.stages), masked.quote ?? null, consent.level, consent.quote,
          consent.givenAt, consent.method, consent.publicAttribution, JSON.stringify(redactions), dto.mediaIds ?? [], user.id,
          sensitivity.sensitive, sensitivity.reasons],
      );
      if (inserted.length === 0) return this.replay(manager, unit.id, dto.externalRef, hash);

      await this.contacts.store(manager, 'complaint', id, masked.complainant, dto.receivedAt);
      await this.mediaLinks.maskAlts(manager, mediaIds, { citizens, allowedNumbers: unit.publicNumbers });
      const storyId = await this.stories.create(manager, {
        kind: 'complaint', sourceId: id, unitId: unit.id, category: dto.category, authorId: user.id, mediaIds, sourceRow: inserted[0],
        sensitive: sensitivity.sensitive,
        // a sensitive case names neither the category nor the place in its title (it becomes the slug)
        title: sensitivity.sensitive
          ? `${unit.name} Tindak Lanjuti Laporan Warga`
          : `${unit.name} Tuntaskan Laporan ${CATEGORY_LABELS[dto.category]} di ${masked.location.subdistrict}`,
      }, (storyId) => ({
        actorId: user.id, action: 'complaint.create', subjectType: 'complaint', subjectId: id, unitId: unit.id,
        details: { origin, storyId, redactions: redactions.length, consent: consent.level, sensitive: sensitivity.reasons },
      }));
      return { created: true, body: { id, storyId, redactions } };
    });
  }

  /** The same reference again: the same answer if the content is the same, 409 otherwise. */
  private async replay(manager: EntityManager, unitId: string, externalRef: string, hash: Buffer): Promise<IntakeResult> {
    const [existing] = await manager.query(
      `SELECT c.id, c.content_hash, c.redactions, s.id AS story_id FROM complaint c
         LEFT JOIN story s ON s.kind = 'complaint' AND s.source_id = c.id
        WHERE c.unit_id = $1 AND c.external_ref = $2`,
      [unitId, externalRef],
    );
    if (!Buffer.from(existing.content_hash).equals(hash)) {
      throw ProblemException.conflict('external_ref_conflict', `Complaint ${externalRef} was already received with different content.`, { id: existing.id });
    }
    return { created: false, body: { id: existing.id, storyId: existing.story_id, redactions: existing.redactions } };
  }

  private checkTimes(dto: CreateComplaintDto): void {
    const errors: FieldError[] = [];
    if (dto.resolvedAt < dto.receivedAt) errors.push({ field: 'resolvedAt', message: 'resolvedAt must not be before receivedAt' });
    checkNotFuture(errors, this.clock.now(), [['receivedAt', dto.receivedAt], ['resolvedAt', dto.resolvedAt], ['consent.givenAt', dto.consent.givenAt]]);
    (dto.stages ?? []).forEach((stage, i) => {
      if (stage.at < dto.receivedAt) errors.push({ field: `stages[${i}].at`, message: 'a stage cannot come before the complaint was received' });
      checkNotFuture(errors, this.clock.now(), [[`stages[${i}].at`, stage.at]]);
    });
    throwIfAny(errors);
  }
}
