import { fourEyesViolation, mayApproveStep, stepsRequired, unitsAskedFor, urgentApprovalViolation, urgentConfirmationViolation, type StoryForApproval } from './approval-rules';
import { TRANSITIONS, isLegal } from './story-transitions';

const POLDA = 'polda', POLRES = 'polres', POLSEK = 'polsek', SIBLING = 'sibling-polres';
const story = (policy: StoryForApproval['policy'], path = [POLDA, POLRES, POLSEK]): StoryForApproval => ({ unitPath: path, policy, authorId: 'author', lastEditedBy: 'editor' });
const humas = (unitId: string) => ({ id: `h-${unitId}`, role: 'humas' as const, unitId });

describe('approval rules', () => {
  it.each([
    ['self', 1, POLSEK, true], ['self', 1, POLRES, true], ['self', 1, POLDA, true], ['self', 1, SIBLING, false],
    ['parent', 1, POLSEK, false], ['parent', 1, POLRES, true], ['parent', 1, POLDA, true], ['parent', 1, SIBLING, false],
    ['two_step', 1, POLSEK, true], ['two_step', 1, POLRES, false], ['two_step', 2, POLSEK, false], ['two_step', 2, POLRES, true], ['two_step', 2, POLDA, true],
  ] as const)('policy %s step %i: humas of %s may approve = %s', (policy, step, unit, expected) => {
    expect(mayApproveStep(humas(unit), story(policy), step)).toBe(expected);
  });

  it('lets only humas and admins approve', () => {
    for (const role of ['commander', 'operator'] as const) expect(mayApproveStep({ id: 'x', role, unitId: POLSEK }, story('self'), 1)).toBe(false);
    expect(mayApproveStep({ id: 'a', role: 'admin', unitId: null }, story('two_step'), 2)).toBe(true);
  });

  it('lets a Polda approve its own stories under the parent policy (it has no parent)', () => {
    expect(mayApproveStep(humas(POLDA), story('parent', [POLDA]), 1)).toBe(true);
  });

  it('asks the right units first', () => {
    expect(unitsAskedFor(story('self'), 1)).toEqual([POLSEK, POLRES, POLDA]);
    expect(unitsAskedFor(story('parent'), 1)).toEqual([POLRES, POLDA]);
    expect(unitsAskedFor(story('two_step'), 2)).toEqual([POLRES, POLDA]);
    expect(stepsRequired('two_step')).toBe(2);
  });

  it('keeps four eyes: not the author, not the last editor, not twice the same person', () => {
    const s = story('self');
    expect(fourEyesViolation({ id: 'author', role: 'humas', unitId: POLSEK }, s, [])).toMatch(/author/);
    expect(fourEyesViolation({ id: 'editor', role: 'humas', unitId: POLSEK }, s, [])).toMatch(/edit/);
    expect(fourEyesViolation({ id: 'x', role: 'admin', unitId: null }, s, ['x'])).toMatch(/two approvals/);
    expect(fourEyesViolation({ id: 'x', role: 'humas', unitId: POLSEK }, s, [])).toBeNull();
  });

  it('holds an urgent approval to four eyes: never the author or the last editor', () => {
    const s = story('self');
    expect(urgentApprovalViolation({ id: 'author', role: 'humas', unitId: POLSEK }, s, [])).toMatch(/author/);
    expect(urgentApprovalViolation({ id: 'editor', role: 'humas', unitId: POLSEK }, s, [])).toMatch(/edit/);
    expect(urgentApprovalViolation({ id: 'step1', role: 'humas', unitId: POLSEK }, story('two_step'), ['step1'])).toMatch(/two approvals/);
    expect(urgentApprovalViolation({ id: 'x', role: 'humas', unitId: POLSEK }, s, [])).toBeNull();
  });

  it('takes the confirmation of an urgent release from yet another officer', () => {
    const s = story('self');
    for (const id of ['author', 'editor', 'urgent-approver', 'step1']) {
      expect(urgentConfirmationViolation({ id, role: 'humas', unitId: POLSEK }, s, ['step1', 'urgent-approver'])).not.toBeNull();
    }
    expect(urgentConfirmationViolation({ id: 'third', role: 'humas', unitId: POLSEK }, s, ['step1', 'urgent-approver'])).toBeNull();
  });

  it('has one transition table covering every state', () => {
    const legal = (action: keyof typeof TRANSITIONS) => ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn'].filter((s) => isLegal(action, s as never));
    expect(legal('submit')).toEqual(['draft']);
    expect(legal('approve')).toEqual(['in_review']);
    expect(legal('reject')).toEqual(['in_review']);
    expect(legal('withdraw')).toEqual(['draft', 'in_review', 'approved', 'published', 'rejected']);
    expect(legal('publish')).toEqual(['approved']);
    expect(legal('urgent')).toEqual(['draft', 'in_review']);
  });
});
