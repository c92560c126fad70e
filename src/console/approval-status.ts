import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fourEyesViolation, mayApproveStep, stepsRequired, type StoryForApproval, unitsAskedFor } from '../approval/approval-rules';
import type { AuthUser } from '../common/auth/auth-user';
import type { ApprovalPolicy } from '../units/unit.entity';

/** A story as the approval rules see it, with this round's approvals. */
export interface StoryUnderReview extends StoryForApproval {
  id: string;
  status: string;
  awaitingConfirmation: boolean;
  /** Approvers of the current round, in step order. */
  approvers: string[];
}

/** Who the story waits for, in words, from the rules the API enforces (approval-rules.ts). */
export interface WaitingFor {
  /** "Menunggu persetujuan tahap 1 dari 2: Humas Polsek Kebayoran Baru" (null when the story waits for nobody). */
  text: string | null;
  /** The unit's policy in one sentence. */
  policy: string;
  step: number;
  steps: number;
}

const POLICY_TEXT: Record<ApprovalPolicy, string> = {
  self: 'Kebijakan satuan: disetujui satu Humas dari satuan ini atau satuan di atasnya.',
  parent: 'Kebijakan satuan: disetujui Humas satuan induk (atau di atasnya).',
  two_step: 'Kebijakan satuan: dua tahap, Humas satuan ini lalu Humas satuan induk (atau di atasnya).',
};
const FOUR_EYES = 'Penulis cerita dan penyunting terakhir tidak boleh menyetujuinya.';

/**
 * Says who must approve a story next and answers "may this officer give the approval now", with
 * the rules of approval-rules.ts (the same functions the workflow enforces): nothing here decides.
 */
@Injectable()
export class ApprovalStatus {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The stories' rule inputs: unit path and policy, author, last editor and this round's approvers. */
  async load(storyIds: string[]): Promise<StoryUnderReview[]> {
    if (storyIds.length === 0) return [];
    const rows: {
      id: string; status: string; awaiting: boolean; path: string[]; policy: ApprovalPolicy; author: string | null; editor: string | null;
      approvers: string[] | null; sensitive: boolean;
    }[] =
      await this.db.query(
        `SELECT s.id, s.status, s.awaiting_confirmation AS awaiting, u.path, u.approval_policy AS policy, s.author_id AS author, s.sensitive,
                s.last_edited_by AS editor,
                (SELECT array_agg(a.approver_id ORDER BY a.step) FROM story_approval a
                  WHERE a.story_id = s.id AND a.round = s.review_round AND a.kind = 'approve') AS approvers
           FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = ANY($1::uuid[])`,
        [storyIds],
      );
    return rows.map((r) => ({
      id: r.id, status: r.status, awaitingConfirmation: r.awaiting, unitPath: r.path, policy: r.policy, authorId: r.author,
      lastEditedBy: r.editor, approvers: r.approvers ?? [], sensitive: r.sensitive === true,
    }));
  }

  /** Whether this officer may give the approval the story waits for now (role, unit, four eyes). */
  mayApproveNow(user: AuthUser, story: StoryUnderReview): boolean {
    if (story.status !== 'in_review') return false;
    const step = story.approvers.length + 1;
    return (user.role === 'humas' || user.role === 'admin') && mayApproveStep(user, story, step) && !fourEyesViolation(user, story, story.approvers);
  }

  async describe(story: StoryUnderReview): Promise<WaitingFor> {
    const steps = stepsRequired(story.policy, story.sensitive);
    const step = Math.min(story.approvers.length + 1, steps);
    // a sensitive case needs two approvers whatever the policy (approval-rules.ts)
    const policy = `${POLICY_TEXT[story.policy]}${story.sensitive ? ' Kasus sensitif: perlu dua persetujuan dari dua petugas.' : ''} ${FOUR_EYES}`;
    const stage = steps > 1 ? ` tahap ${step} dari ${steps}` : '';
    const who = async (forStep: number) => this.humasOf(unitsAskedFor(story, forStep));
    if (story.status === 'in_review') return { text: `Menunggu persetujuan${stage}: ${await who(step)}`, policy, step, steps };
    if (story.awaitingConfirmation && (story.status === 'approved' || story.status === 'published')) {
      return { text: `Terbit mendesak, menunggu konfirmasi: ${await who(steps)}`, policy, step: steps, steps };
    }
    if (story.status === 'draft' || story.status === 'rejected') {
      return { text: `Setelah diajukan, disetujui oleh ${await who(1)}${steps > 1 ? `, lalu ${await who(2)}` : ''}.`, policy, step: 1, steps };
    }
    return { text: null, policy, step, steps };
  }

  /** "Humas Polsek Kebayoran Baru (atau satuan di atasnya)": the nearest unit asked, by name. */
  private async humasOf(unitIds: string[]): Promise<string> {
    if (unitIds.length === 0) return 'Humas';
    const [row] = await this.db.query(`SELECT name FROM unit WHERE id = $1`, [unitIds[0]]);
    return `Humas ${row?.name ?? ''}${unitIds.length > 1 ? ' (atau satuan di atasnya)' : ''}`.trim();
  }
}
