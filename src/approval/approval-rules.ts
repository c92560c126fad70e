import type { ApprovalPolicy } from '../units/unit.entity';
import type { Role } from '../users/user.entity';

export interface Approver {
  id: string;
  role: Role;
  unitId: string | null;
}

export interface StoryForApproval {
  /** Ids from the root down to the story's unit. */
  unitPath: string[];
  policy: ApprovalPolicy;
  authorId: string | null;
  lastEditedBy: string | null;
  /** A sensitive case (issue 16): two approvers whatever the unit's policy. */
  sensitive?: boolean;
}

/**
 * Approvals a story needs under its unit's policy: two_step needs the unit's own, then the
 * parent's; a sensitive case needs two under any policy (two people, each allowed by the policy).
 */
export const stepsRequired = (policy: ApprovalPolicy, sensitive = false) => (policy === 'two_step' || sensitive ? 2 : 1);

const storyUnit = (story: StoryForApproval) => story.unitPath[story.unitPath.length - 1];
/** The parent unit and above; a Polda has none, so its "parent" policies fall back to itself. */
const aboveStoryUnit = (story: StoryForApproval) => (story.unitPath.length > 1 ? story.unitPath.slice(0, -1) : story.unitPath);

/**
 * Who may give approval step `step` (1-based):
 *  - self:     humas of the story's unit or above;
 *  - parent:   humas of the parent unit or above;
 *  - two_step: step 1 the unit's own humas, step 2 humas of the parent unit or above.
 * Admins may give any step (and are audited).
 */
export function mayApproveStep(approver: Approver, story: StoryForApproval, step: number): boolean {
  if (approver.role === 'admin') return true;
  if (approver.role !== 'humas' || !approver.unitId) return false;
  if (story.policy === 'self') return story.unitPath.includes(approver.unitId);
  if (story.policy === 'parent') return aboveStoryUnit(story).includes(approver.unitId);
  return step === 1 ? approver.unitId === storyUnit(story) : aboveStoryUnit(story).includes(approver.unitId);
}

/** The units whose humas officers are asked for step `step` (nearest first). */
export function unitsAskedFor(story: StoryForApproval, step: number): string[] {
  const own = storyUnit(story);
  if (story.policy === 'self' || (story.policy === 'two_step' && step === 1)) return [own, ...[...story.unitPath].reverse().slice(1)];
  return [...aboveStoryUnit(story)].reverse();
}

/** Four eyes: the author of a story and the author of its latest edit never give the approval it needs. */
export function fourEyesViolation(approver: Approver, story: StoryForApproval, earlierApprovers: string[]): string | null {
  if (approver.id === story.authorId) return 'the author of a story cannot approve it';
  if (approver.id === story.lastEditedBy) return 'the author of the latest edit cannot approve it';
  if (earlierApprovers.includes(approver.id)) return 'one person cannot give two approvals of the same story';
  return null;
}
