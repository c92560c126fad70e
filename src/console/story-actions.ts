import { fourEyesViolation, mayApproveStep, stepsRequired, type StoryForApproval } from '../approval/approval-rules';
import { isLegal } from '../approval/story-transitions';
import type { AuthUser } from '../common/auth/auth-user';
import type { StoryStatus } from '../stories/dto/story-query.dto';

export interface StoryForActions extends StoryForApproval {
  status: StoryStatus;
  awaitingConfirmation: boolean;
  /** Approvers of the current review round (step 1 of a two-step policy, for instance). */
  approversThisRound: string[];
}

/** What the story page offers this user now. */
export interface AllowedActions {
  submit: boolean;
  approve: boolean;
  urgent: boolean;
  confirm: boolean;
  reject: boolean;
  schedule: boolean;
  withdraw: boolean;
  edit: boolean;
  /** The approval step the next approval would give (two_step: 1 or 2). */
  step: number;
  stepsRequired: number;
}

const reviewer = (user: AuthUser) => user.role === 'humas' || user.role === 'admin';
/** DraftsService's EDITABLE states: drafts change only before approval. */
const EDITABLE: StoryStatus[] = ['draft', 'in_review', 'rejected'];

/**
 * The buttons to show, decided by the same rules the services enforce (story-transitions for
 * legality, approval-rules for who may give which step and four eyes, and the API's @Roles).
 * Showing a button never grants anything: every action is checked again by its service.
 */
export function allowedActions(user: AuthUser, story: StoryForActions): AllowedActions {
  const required = stepsRequired(story.policy, story.sensitive);
  const step = story.approversThisRound.length + 1;
  const canGive = (s: number) => reviewer(user) && mayApproveStep(user, story, s);
  const fourEyesOk = !fourEyesViolation(user, story, story.approversThisRound);
  const confirm = story.awaitingConfirmation && isLegal('confirm', story.status) && canGive(required) && !fourEyesViolation(user, story, []);
  return {
    submit: isLegal('submit', story.status) && (reviewer(user) || user.id === story.authorId),
    approve: isLegal('approve', story.status) && canGive(step) && fourEyesOk,
    urgent: isLegal('urgent', story.status) && canGive(required),
    confirm,
    reject: isLegal('reject', story.status) && canGive(step),
    schedule: reviewer(user) && (story.status === 'approved' || story.status === 'published'),
    withdraw: reviewer(user) && isLegal('withdraw', story.status),
    edit: reviewer(user) && EDITABLE.includes(story.status),
    step,
    stepsRequired: required,
  };
}
