import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem/problem.exception';
import type { Channel } from '../../drafting/channels';
import { DraftWriter } from '../../drafting/draft-writer.service';
import { ScopeService } from '../../units/scope.service';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { CreateComplaintDto } from '../dto/complaint.dto';
import { CATEGORY_LABELS, throwIfAny } from '../intake-rules';
import { achievementTimeProblems, complaintTimeProblems } from '../intake-time-rules';
import { CitizenContacts } from '../privacy/citizen-contacts';
import { knownCitizen, maskIntake } from '../privacy/intake-masking';
import { complaintSensitivity } from '../privacy/sensitivity';
import type { CorrectAchievementDto, CorrectComplaintDto } from './correction.dto';
import { type CorrectableRow, CorrectionsRepository } from './corrections.repository';

/** A correction reopens the story only before it is approved: an approved or published story is withdrawn instead. */
const CORRECTABLE = ['draft', 'rejected'];

export interface CorrectionResult {
  storyId: string;
  /** Channels drafted again from the corrected item; edited ones keep their edit (as regeneration does). */
  regenerated: Channel[];
  kept: Channel[];
}

/**
 * Corrections of a source item whose story came back (rejected) or is still a draft: the author
 * (or Humas in scope) fixes the facts with the same rules as intake (DTO, time rules, masking),
 * and the story's drafts are rendered again from them in the same transaction. Closes the loop
 * "dikembalikan ke penulis": the author can act on the reason, then send it for review again.
 */
@Injectable()
export class IntakeCorrections {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly repository: CorrectionsRepository,
    private readonly writer: DraftWriter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly contacts: CitizenContacts,
  ) {}

  /** The item and its stored facts, if this user may correct it now (else the reason, as a problem). */
  async complaintForm(user: AuthUser, id: string): Promise<{ item: CorrectableRow; values: Record<string, unknown> }> {
    const item = this.allowed(user, await this.repository.complaint(this.db.manager, id));
    return { item, values: (await this.repository.complaintValues(this.db.manager, id))! };
  }

  async achievementForm(user: AuthUser, id: string): Promise<{ item: CorrectableRow; values: Record<string, unknown> }> {
    const item = this.allowed(user, await this.repository.achievement(this.db.manager, id));
    return { item, values: (await this.repository.achievementValues(this.db.manager, id))! };
  }

  async complaint(user: AuthUser, id: string, dto: CorrectComplaintDto): Promise<CorrectionResult> {
    throwIfAny(complaintTimeProblems(dto, this.clock.now()));
    return this.db.transaction(async (manager) => {
      const item = this.allowed(user, await this.repository.complaint(manager, id, true));
      const unit = await this.scope.findByCode(item.unitCode, manager);
      // masked as at intake (the privacy module's own pipeline): the complainant as a known citizen, the unit's public numbers allowed
      const contact = await this.contacts.find(manager, 'complaint', id);
      const level = item.consentLevel ?? 'none';
      const citizens = contact?.name ? [knownCitizen(contact, level, 'pelapor')] : [];
      const quote = item.consentQuote && level !== 'none' ? dto.quote : undefined;
      const { value: masked, redactions } = maskIntake(CreateComplaintDto,
        { summary: dto.summary, resolution: dto.resolution, stages: dto.stages ?? [], quote, location: dto.location },
        { citizens, allowedNumbers: unit?.publicNumbers ?? [] });
      // the operator's own marks stay; the category and the words are read again
      const marks = item.sensitivity;
      const sensitivity = complaintSensitivity({
        category: dto.category, sensitive: marks.includes('marked'), minorInvolved: marks.includes('minor'), informantInvolved: marks.includes('informant'),
        texts: [masked.summary, masked.resolution, ...masked.stages.map((s) => s.label)],
      });
      await this.repository.updateComplaint(manager, id, {
        category: dto.category, channel: dto.channel, receivedAt: dto.receivedAt, resolvedAt: dto.resolvedAt, location: masked.location,
        summary: masked.summary, resolution: masked.resolution, stages: masked.stages, quote: masked.quote ?? null, redactions,
        sensitive: sensitivity.sensitive, sensitivity: sensitivity.reasons,
      });
      // a sensitive case names neither the category nor the place in its title (as at intake)
      const title = sensitivity.sensitive
        ? `${item.unitName} Tindak Lanjuti Laporan Warga`
        : `${item.unitName} Tuntaskan Laporan ${CATEGORY_LABELS[dto.category]} di ${masked.location.subdistrict}`;
      return this.redraft(manager, user, item, 'complaint', title, dto.category, redactions.length, sensitivity.sensitive);
    });
  }

  async achievement(user: AuthUser, id: string, dto: CorrectAchievementDto): Promise<CorrectionResult> {
    throwIfAny(achievementTimeProblems(dto, this.clock.now()));
    return this.db.transaction(async (manager) => {
      const item = this.allowed(user, await this.repository.achievement(manager, id, true));
      const unit = await this.scope.findByCode(item.unitCode, manager);
      // officers are public officials and are named; citizens mentioned in the text are masked (as at intake)
      const { value: masked, redactions } = maskIntake(CreateAchievementDto,
        { ...dto, quotes: dto.quotes ?? [], participants: dto.participants ?? [] }, { allowedNumbers: unit?.publicNumbers ?? [] });
      await this.repository.updateAchievement(manager, id, {
        title: masked.title, activityType: dto.activityType, happenedAt: dto.happenedAt, location: masked.location,
        participants: masked.participants ?? [], narrative: masked.narrative, quotes: masked.quotes, redactions,
      });
      return this.redraft(manager, user, item, 'achievement', masked.title, dto.activityType, redactions.length, null);
    });
  }

  /** Out of scope: 404; not the author nor Humas: 403; approved or published: 409 (withdraw and report again). */
  private allowed(user: AuthUser, item: CorrectableRow | null): CorrectableRow {
    if (!item || !this.scope.covers(user, item.path)) throw ProblemException.notFound('The item');
    const reviewer = user.role === 'humas' || user.role === 'admin';
    if (!reviewer && user.id !== item.authorId && user.id !== item.createdBy) {
      throw ProblemException.forbidden('not_author', 'Only the author of an item or a humas officer corrects it.');
    }
    if (!item.storyId || !CORRECTABLE.includes(item.storyStatus ?? '')) {
      throw ProblemException.conflict('not_correctable', `Only an item whose story is a draft or was rejected is corrected; this one is ${item.storyStatus ?? 'without a story'}.`, { state: item.storyStatus });
    }
    return item;
  }

  /** The story follows the corrected item: drafts rendered again (edited ones kept), a rejected story is a draft again. */
  private async redraft(
    manager: EntityManager, user: AuthUser, item: CorrectableRow, kind: 'complaint' | 'achievement', title: string, category: string, masked: number,
    sensitive: boolean | null,
  ): Promise<CorrectionResult> {
    const storyId = item.storyId!;
    const [reopened] = await this.repository.reopenStory(manager, storyId, title, category, user.id, sensitive);
    if (!reopened || !CORRECTABLE.includes(reopened.from)) {
      throw ProblemException.conflict('not_correctable', 'The story changed meanwhile; reload the page.', { state: reopened?.from });
    }
    const edited = new Set((await this.repository.editedChannels(manager, storyId)).map((r) => r.channel));
    const { drafts } = await this.writer.render(manager, storyId);
    const regenerated: Channel[] = [];
    const kept: Channel[] = [];
    for (const draft of drafts) {
      if (edited.has(draft.channel)) {
        kept.push(draft.channel);
        continue;
      }
      await this.writer.replace(manager, storyId, draft, user.id);
      regenerated.push(draft.channel);
    }
    await this.audit.recordMany([
      { actorId: user.id, action: `${kind}.correct`, subjectType: kind, subjectId: item.id, unitId: item.unitId, details: { storyId, redactions: masked } },
      { actorId: user.id, action: `${kind}.correct`, subjectType: 'story', subjectId: storyId, unitId: item.unitId, from: reopened.from, to: 'draft', details: { regenerated, kept } },
    ], manager);
    return { storyId, regenerated, kept };
  }
}
