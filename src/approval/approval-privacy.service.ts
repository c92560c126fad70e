import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { CHANNELS } from '../drafting/channels';
import { describeFinding, type GateFinding } from '../privacy-gate/publish-gate';
import { PublishGate } from '../privacy-gate/publish-gate.service';
import { fourEyesViolation, type StoryForApproval } from './approval-rules';

export interface StoryForPrivacy extends StoryForApproval {
  id: string;
  unitId: string;
}

/**
 * The publish gate at approval, and its release (issue 16). A finding refuses approval unless
 * the approver overrides with a reason (the same override as for lint errors): the override then
 * releases exactly the texts it was given for, audited; an edit changes a text and voids it.
 */
@Injectable()
export class ApprovalPrivacy {
  constructor(
    private readonly gate: PublishGate,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async checkAtApproval(
    manager: EntityManager, user: AuthUser, story: StoryForPrivacy, channels: readonly string[], dto: { override?: boolean; reason?: string },
  ): Promise<void> {
    const [{ findings }] = await this.gate.check(manager, [story.id], { channels });
    if (findings.length === 0) return;
    if (!dto.override || !dto.reason) {
      throw new ProblemException({
        status: 422, code: 'privacy_gate', title: 'Unprocessable Content',
        detail: 'Data pribadi terdeteksi pada teks yang akan terbit: perbaiki teksnya, kecualikan kanalnya, atau lepaskan dengan alasan.',
        errors: findings.map((f) => ({ field: `${f.surface}.${f.field}`, code: f.class, message: describeFinding(f) })),
      });
    }
    await this.releaseFindings(manager, user, story, findings, dto.reason);
  }

  /**
   * Releases what holds a story (at approval it was a refusal; after approval, a publication that
   * waits): four eyes apply, the reason is audited, held publications become due again.
   */
  async release(manager: EntityManager, user: AuthUser, story: StoryForPrivacy, reason: string): Promise<{ released: number; requeued: string[] }> {
    if (user.role !== 'humas' && user.role !== 'admin') throw ProblemException.forbidden('role_forbidden', 'Only a humas officer releases a privacy hold.');
    const violation = fourEyesViolation(user, story, []);
    if (violation) throw ProblemException.forbidden('four_eyes', `Four eyes: ${violation}.`);
    const [{ findings }] = await this.gate.check(manager, [story.id], { channels: [...CHANNELS] });
    await this.releaseFindings(manager, user, story, findings, reason);
    await this.gate.hold(manager, story.id, null);
    const requeued = await this.gate.requeueHeld(manager, story.id, this.clock.now());
    return { released: findings.length, requeued };
  }

  private async releaseFindings(manager: EntityManager, user: AuthUser, story: StoryForPrivacy, findings: GateFinding[], reason: string): Promise<void> {
    await this.gate.release(manager, story.id, findings, reason, user.id);
    await this.audit.record({
      actorId: user.id, action: 'story.privacy_release', subjectType: 'story', subjectId: story.id, unitId: story.unitId, reason,
      details: { findings: findings.map((f) => `${f.surface}.${f.field}:${f.class}`) },
    }, manager);
  }
}
