import { fourEyesViolation, mayApproveStep, stepsRequired, type StoryForApproval } from '../approval/approval-rules';
import { isLegal } from '../approval/story-transitions';
import type { AuthUser } from '../common/auth/auth-user';
import type { StoryStatus } from '../stories/dto/story-query.dto';

export interface StoryForActions extends StoryForApproval {
  status: StoryStatus;
  awaitingConfirmation: boolean;
  /** Approvers of the current review round (step 1 of a two-step policy, for instance). */
  approversThisRound: string[];
  /** The source item's kind: complaints and achievements can be corrected by their author. */
  kind?: string;
}

/** The one action the page puts first, for this officer, now. */
export type PrimaryAction = 'submit' | 'approve' | 'confirm' | 'correct' | 'edit' | 'schedule' | null;

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
  /** Render the drafts again from the templates (and restore an earlier revision): DraftsService's editable states. */
  regenerate: boolean;
  /** Add, replace, blur photos and make a quote card before approval. */
  media: boolean;
  /** Correct the source item (the report or activity) and send it for review again. */
  correct: boolean;
  /** The approval step the next approval would give (two_step: 1 or 2). */
  step: number;
  stepsRequired: number;
  primary: PrimaryAction;
}

const reviewer = (user: AuthUser) => user.role === 'humas' || user.role === 'admin';
/** DraftsService's EDITABLE states: drafts change only before approval. */
const EDITABLE: StoryStatus[] = ['draft', 'in_review', 'rejected'];
/** Kinds whose source item its author may correct (feedback is the citizen's own words: Humas edits the drafts instead). */
const CORRECTABLE_KINDS = ['complaint', 'achievement'];

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
  const isAuthor = user.id === story.authorId;
  const editable = EDITABLE.includes(story.status);
  const actions = {
    submit: isLegal('submit', story.status) && (reviewer(user) || isAuthor),
    approve: isLegal('approve', story.status) && canGive(step) && fourEyesOk,
    // urgency removes the second look before publication, not the first: never the author or last editor
    urgent: isLegal('urgent', story.status) && canGive(required) && fourEyesOk,
    confirm,
    // the author is never offered to reject their own story
    reject: isLegal('reject', story.status) && canGive(step) && !isAuthor,
    schedule: reviewer(user) && (story.status === 'approved' || story.status === 'published'),
    withdraw: reviewer(user) && isLegal('withdraw', story.status),
    edit: reviewer(user) && editable,
    regenerate: reviewer(user) && editable,
    media: reviewer(user) && editable,
    correct: (story.status === 'rejected' || story.status === 'draft') && CORRECTABLE_KINDS.includes(story.kind ?? '') && (isAuthor || reviewer(user)),
    step,
    stepsRequired: required,
  };
  return { ...actions, primary: primaryOf(user, story, actions) };
}

function primaryOf(user: AuthUser, story: StoryForActions, a: Omit<AllowedActions, 'primary'>): PrimaryAction {
  if (a.approve) return 'approve';
  if (a.confirm) return 'confirm';
  // a rejected story goes back through a correction (its author) or an edit of the drafts (Humas)
  if (story.status === 'rejected') return a.correct && !reviewer(user) ? 'correct' : a.edit ? 'edit' : null;
  if (a.submit) return 'submit';
  if (a.schedule && story.status === 'approved') return 'schedule';
  return null;
}
