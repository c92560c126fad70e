import { ProblemException } from '../common/problem/problem.exception';
import type { StoryStatus } from '../stories/dto/story-query.dto';

export type StoryAction = 'submit' | 'approve' | 'urgent' | 'confirm' | 'reject' | 'withdraw' | 'publish';

/**
 * The one table that decides which actions are legal in which state (DESIGN.md §9). `to` is the
 * state after the action completes; a two-step approval's first step leaves the story in review,
 * and a confirmation of an urgent story changes no state.
 */
export const TRANSITIONS: Readonly<Record<StoryAction, { from: readonly StoryStatus[]; to: StoryStatus | null }>> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  urgent: { from: ['draft', 'in_review'], to: 'approved' },
  confirm: { from: ['approved', 'published'], to: null },
  reject: { from: ['in_review'], to: 'rejected' },
  withdraw: { from: ['draft', 'in_review', 'approved', 'published', 'rejected'], to: 'withdrawn' },
  publish: { from: ['approved'], to: 'published' },
};

export function isLegal(action: StoryAction, status: StoryStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** 409 with the current state when an action is not legal now. */
export function assertLegal(action: StoryAction, status: StoryStatus): void {
  if (!isLegal(action, status)) {
    throw ProblemException.conflict('illegal_transition', `Cannot ${action} a story that is ${status}.`, { state: status });
  }
}
