import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { CHANNELS } from '../drafting/channels';
import type { StoryStatus } from '../stories/dto/story-query.dto';
import { withdrawStory } from '../stories/withdraw-story';
import { ScopeService } from '../units/scope.service';
import type { ApprovalPolicy } from '../units/unit.entity';
import { ApprovalPrivacy } from './approval-privacy.service';
import { fourEyesViolation, mayApproveStep, stepsRequired, type StoryForApproval, unitsAskedFor } from './approval-rules';
import type { ApproveDto } from './dto/workflow.dto';
import { Notifier } from './notifier.service';
import { assertLegal, type StoryAction } from './story-transitions';

interface LockedStory extends StoryForApproval {
  id: string;
  title: string;
  status: StoryStatus;
  unitId: string;
  awaitingConfirmation: boolean;
  round: number;
}

@Injectable()
export class StoryWorkflow {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly privacy: ApprovalPrivacy,
  ) {}

  /** draft -> in_review: by a humas officer in scope or the story's author. */
  submit(user: AuthUser, storyId: string) {
    return this.inTransaction(user, storyId, async (manager, story) => {
      if (user.role !== 'humas' && user.role !== 'admin' && user.id !== story.authorId) {
        throw ProblemException.forbidden('role_forbidden', 'Only a humas officer or the story\'s author submits it for review.');
      }
      assertLegal('submit', story.status);
      await manager.query(`UPDATE story SET status = 'in_review', submitted_at = $2, overdue_notified_at = NULL, version = version + 1, updated_at = $2 WHERE id = $1`, [story.id, this.clock.now()]);
      await this.record(manager, user, story, 'submit', 'in_review');
      await this.notifier.toHumasOf(manager, unitsAskedFor(story, 1), 'submitted', story.id, `Menunggu persetujuan Anda: ${story.title}`, [user.id]);
    });
  }

  /** One approval step, an urgent approval, or the confirmation an urgent story waits for. */
  approve(user: AuthUser, storyId: string, dto: ApproveDto) {
    return this.inTransaction(user, storyId, async (manager, story) => {
      this.checkEmbargo(dto);
      if (story.awaitingConfirmation && !dto.urgent) return this.confirm(manager, user, story);
      const action: StoryAction = dto.urgent ? 'urgent' : 'approve';
      assertLegal(action, story.status);
      const required = stepsRequired(story.policy, story.sensitive);
      const given: { step: number; approver_id: string }[] = await manager.query(
        `SELECT step, approver_id FROM story_approval WHERE story_id = $1 AND round = $2 AND kind = 'approve'`, [story.id, story.round]);
      const step = dto.urgent ? required : given.length + 1;
      if (!mayApproveStep(user, story, step)) {
        throw ProblemException.forbidden('not_your_approval', `Approval step ${step} of this story (policy ${story.policy}) belongs to another unit's humas.`);
      }
      const violation = dto.urgent ? null : fourEyesViolation(user, story, given.map((g) => g.approver_id));
      if (violation) throw ProblemException.forbidden('four_eyes', `Four eyes: ${violation}.`);
      // a sensitive case goes to the website only unless the approver opts social channels in
      const channels = dto.channels ?? (story.sensitive ? ['website' as const] : [...CHANNELS]);
      await this.checkLint(manager, user, story, channels, dto);
      await this.privacy.checkAtApproval(manager, user, story, channels, dto);
      await manager.query(
        `INSERT INTO story_approval (story_id, step, kind, approver_id, approver_unit_id, round) VALUES ($1, $2, $3, $4, $5, $6)`,
        [story.id, step, dto.urgent ? 'urgent' : 'approve', user.id, user.unitId, story.round],
      );
      if (!dto.urgent && step < required) {
        if (dto.embargoUntil) await manager.query(`UPDATE story SET embargo_until = $2 WHERE id = $1`, [story.id, dto.embargoUntil]);
        await this.record(manager, user, story, 'approve', 'in_review', null, { step, of: required, ...this.embargoDetail(dto) });
        await this.notifier.toHumasOf(manager, unitsAskedFor(story, step + 1), 'submitted', story.id, `Menunggu persetujuan tahap ${step + 1}: ${story.title}`, [user.id]);
        return;
      }
      const now = this.clock.now();
      await manager.query(
        `UPDATE story SET status = 'approved', approved_at = $2, approved_channels = $3, urgent = $4, urgent_reason = $5,
                awaiting_confirmation = $4, embargo_until = COALESCE($6, embargo_until), version = version + 1, updated_at = $2 WHERE id = $1`,
        [story.id, now, channels, dto.urgent === true, dto.urgent ? dto.reason : null, dto.embargoUntil ?? null],
      );
      await this.record(manager, user, story, action, 'approved', dto.urgent ? dto.reason : null, { step, channels, ...this.embargoDetail(dto) });
      await this.notifier.toUsers(manager, [story.authorId, story.lastEditedBy].filter((id) => id !== user.id), 'approved', story.id, `Disetujui: ${story.title}`);
      if (dto.urgent) {
        await this.notifier.toHumasOf(manager, unitsAskedFor(story, required), 'awaiting_confirmation', story.id, `Terbit mendesak, menunggu konfirmasi Anda: ${story.title}`, [user.id]);
      }
    });
  }

  /** in_review -> rejected, with a reason; approvals of this round no longer count. */
  reject(user: AuthUser, storyId: string, reason: string) {
    return this.inTransaction(user, storyId, async (manager, story) => {
      assertLegal('reject', story.status);
      const [{ given }] = await manager.query(`SELECT count(*)::int AS given FROM story_approval WHERE story_id = $1 AND round = $2 AND kind = 'approve'`, [story.id, story.round]);
      if (!mayApproveStep(user, story, given + 1)) throw ProblemException.forbidden('not_your_approval', 'Only the officer whose approval is awaited may reject.');
      await manager.query(
        `UPDATE story SET status = 'rejected', rejected_reason = $2, review_round = review_round + 1, version = version + 1, updated_at = $3 WHERE id = $1`,
        [story.id, reason, this.clock.now()],
      );
      await this.record(manager, user, story, 'reject', 'rejected', reason);
      await this.notifier.toUsers(manager, [story.authorId, story.lastEditedBy], 'rejected', story.id, `Ditolak: ${story.title}. Alasan: ${reason}`);
    });
  }

  /** Releases a privacy hold of the story with a reason (issue 16); held publications go out. */
  releasePrivacy(user: AuthUser, storyId: string, reason: string) {
    return this.inTransaction(user, storyId, async (manager, story) => {
      await this.privacy.release(manager, user, story, reason);
    });
  }

  /** Retracts a story from the press room and feeds; pending publications are cancelled. */
  withdraw(user: AuthUser, storyId: string, reason: string) {
    return this.inTransaction(user, storyId, async (manager, story) => {
      if (user.role !== 'humas' && user.role !== 'admin') throw ProblemException.forbidden('role_forbidden', 'Only a humas officer withdraws a story.');
      assertLegal('withdraw', story.status);
      await withdrawStory(manager, story.id, reason, this.clock.now());
      await this.record(manager, user, story, 'withdraw', 'withdrawn', reason);
    });
  }

  private async confirm(manager: EntityManager, user: AuthUser, story: LockedStory): Promise<void> {
    assertLegal('confirm', story.status);
    const [urgent] = await manager.query(`SELECT approver_id FROM story_approval WHERE story_id = $1 AND kind = 'urgent' ORDER BY at DESC LIMIT 1`, [story.id]);
    const violation = fourEyesViolation(user, story, urgent ? [urgent.approver_id] : []);
    if (violation) throw ProblemException.forbidden('four_eyes', `Four eyes: ${violation}.`);
    if (!mayApproveStep(user, story, stepsRequired(story.policy, story.sensitive))) {
      throw ProblemException.forbidden('not_your_approval', 'The confirmation of this urgent story belongs to another unit\'s humas.');
    }
    await manager.query(
      `INSERT INTO story_approval (story_id, step, kind, approver_id, approver_unit_id, round) VALUES ($1, 99, 'confirm', $2, $3, $4)`,
      [story.id, user.id, user.unitId, story.round],
    );
    await manager.query(`UPDATE story SET awaiting_confirmation = false, version = version + 1, updated_at = $2 WHERE id = $1`, [story.id, this.clock.now()]);
    await this.record(manager, user, story, 'confirm', story.status);
  }

  /** An embargo must lie ahead (and within a year: a typo in the year must not bury a release). */
  private checkEmbargo(dto: ApproveDto): void {
    if (!dto.embargoUntil) return;
    const now = this.clock.now().getTime();
    const at = dto.embargoUntil.getTime();
    if (at <= now) throw ProblemException.validation([{ field: 'embargoUntil', message: 'embargoUntil must be in the future' }]);
    if (at > now + 366 * 86_400_000) throw ProblemException.validation([{ field: 'embargoUntil', message: 'embargoUntil must be within a year' }]);
  }

  private embargoDetail(dto: ApproveDto): Record<string, string> {
    return dto.embargoUntil ? { embargoUntil: dto.embargoUntil.toISOString() } : {};
  }

  /** Lint errors in the approved channels block approval unless overridden with a reason (audited, shown on the story). */
  private async checkLint(manager: EntityManager, user: AuthUser, story: LockedStory, channels: string[], dto: ApproveDto): Promise<void> {
    const drafts: { channel: string; lint: { code: string; severity: string; message: string }[] }[] = await manager.query(
      `SELECT channel, lint FROM draft WHERE story_id = $1 AND channel = ANY($2)`, [story.id, channels]);
    const findings = drafts.flatMap((d) => d.lint.filter((f) => f.severity === 'error').map((f) => ({ channel: d.channel, code: f.code, message: f.message })));
    if (findings.length === 0) return;
    if (!dto.override) {
      throw ProblemException.unprocessable('lint_blocking', 'Drafts have lint errors: fix them, leave those channels out, or override with a reason.', { findings });
    }
    await manager.query(`UPDATE story SET lint_override_reason = $2, lint_override_by = $3 WHERE id = $1`, [story.id, dto.reason, user.id]);
    await this.audit.record({ actorId: user.id, action: 'story.lint_override', subjectType: 'story', subjectId: story.id, unitId: story.unitId, reason: dto.reason, details: { findings: findings.map((f) => `${f.channel}:${f.code}`) } }, manager);
  }

  private async record(manager: EntityManager, user: AuthUser, story: LockedStory, action: StoryAction, to: StoryStatus, reason: string | null = null, details: Record<string, unknown> = {}) {
    await this.audit.record({ actorId: user.id, action: `story.${action}`, subjectType: 'story', subjectId: story.id, unitId: story.unitId, from: story.status, to, reason, details }, manager);
  }

  /** Locks the story row for the whole action: concurrent actions on one story take turns. */
  private async inTransaction(user: AuthUser, storyId: string, work: (manager: EntityManager, story: LockedStory) => Promise<void>) {
    await this.db.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT s.id, s.title, s.status, s.unit_id, s.author_id, s.last_edited_by, s.awaiting_confirmation, s.review_round, s.sensitive, u.path, u.approval_policy
           FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1 FOR UPDATE OF s`,
        [storyId],
      );
      if (!row || !this.scope.covers(user, row.path)) throw ProblemException.notFound('Story');
      await work(manager, {
        id: row.id, title: row.title, status: row.status, unitId: row.unit_id, authorId: row.author_id, lastEditedBy: row.last_edited_by,
        awaitingConfirmation: row.awaiting_confirmation, round: row.review_round, unitPath: row.path, policy: row.approval_policy as ApprovalPolicy,
        sensitive: row.sensitive === true,
      });
    });
  }
}
