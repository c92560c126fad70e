import type { AuthUser } from '../common/auth/auth-user';
import { allowedActions, type StoryForActions } from './story-actions';

const POLDA = 'polda';
const POLRES = 'polres';
const POLSEK = 'polsek';
const user = (id: string, role: AuthUser['role'], unitId: string | null): AuthUser => ({ id, username: id, displayName: id, rank: null, role, unitId, tokenId: 't', via: 'cookie' });
const story = (over: Partial<StoryForActions> = {}): StoryForActions => ({
  status: 'in_review', awaitingConfirmation: false, approversThisRound: [], unitPath: [POLDA, POLRES, POLSEK], policy: 'self',
  authorId: 'operator', lastEditedBy: null, ...over,
});

describe('allowedActions: the buttons of the story page follow the approval rules', () => {
  it('gives a humas officer in scope approve, reject, urgent, withdraw and edit on a story in review', () => {
    const a = allowedActions(user('h', 'humas', POLSEK), story());
    expect(a).toMatchObject({ submit: false, approve: true, reject: true, urgent: true, withdraw: true, edit: true, schedule: false, confirm: false });
  });

  it('gives a commander and an operator no review action; the author may submit a draft', () => {
    for (const u of [user('c', 'commander', POLSEK), user('operator', 'operator', POLSEK)]) {
      const a = allowedActions(u, story());
      expect([a.approve, a.reject, a.urgent, a.withdraw, a.edit, a.schedule]).toEqual([false, false, false, false, false, false]);
    }
    expect(allowedActions(user('operator', 'operator', POLSEK), story({ status: 'draft' })).submit).toBe(true);
    expect(allowedActions(user('other', 'operator', POLSEK), story({ status: 'draft' })).submit).toBe(false);
  });

  it('hides approve from the last editor (four eyes) but keeps reject', () => {
    const a = allowedActions(user('h', 'humas', POLSEK), story({ lastEditedBy: 'h' }));
    expect(a.approve).toBe(false);
    expect(a.reject).toBe(true);
  });

  it('follows two_step: step 1 is the unit\'s own humas, step 2 the parent\'s', () => {
    const own = user('h1', 'humas', POLSEK);
    const parent = user('h2', 'humas', POLRES);
    expect(allowedActions(own, story({ policy: 'two_step' })).approve).toBe(true);
    expect(allowedActions(parent, story({ policy: 'two_step' })).approve).toBe(false);
    const afterStep1 = story({ policy: 'two_step', approversThisRound: ['h1'] });
    expect(allowedActions(parent, afterStep1)).toMatchObject({ approve: true, step: 2, stepsRequired: 2 });
    expect(allowedActions(own, afterStep1).approve).toBe(false);
  });

  it('offers schedule after approval and the confirmation of an urgent story to another officer', () => {
    expect(allowedActions(user('h', 'humas', POLRES), story({ status: 'approved' })).schedule).toBe(true);
    const urgent = story({ status: 'approved', awaitingConfirmation: true, lastEditedBy: null });
    expect(allowedActions(user('h', 'humas', POLRES), urgent).confirm).toBe(true);
    expect(allowedActions(user('operator', 'humas', POLRES), urgent).confirm).toBe(false); // the author
    expect(allowedActions(user('h', 'humas', POLRES), story({ status: 'withdrawn' })).withdraw).toBe(false);
  });

  it('never offers the author to reject or urgently approve their own story, and puts first what the officer can do', () => {
    const author = user('operator', 'humas', POLSEK);
    expect(allowedActions(author, story())).toMatchObject({ reject: false, approve: false, urgent: false, primary: null });
    expect(allowedActions(user('h', 'humas', POLSEK), story()).primary).toBe('approve');
    expect(allowedActions(user('operator', 'operator', POLSEK), story({ status: 'draft' })).primary).toBe('submit');
    expect(allowedActions(user('h', 'humas', POLRES), story({ status: 'approved' })).primary).toBe('schedule');
  });

  it('lets the author correct a rejected complaint or achievement (not feedback), and humas edit drafts, photos and regenerate before approval', () => {
    const rejected = story({ status: 'rejected', kind: 'complaint' });
    expect(allowedActions(user('operator', 'operator', POLSEK), rejected)).toMatchObject({ correct: true, primary: 'correct', edit: false, media: false });
    expect(allowedActions(user('other', 'operator', POLSEK), rejected).correct).toBe(false);
    expect(allowedActions(user('operator', 'operator', POLSEK), story({ status: 'rejected', kind: 'feedback' })).correct).toBe(false);
    expect(allowedActions(user('h', 'humas', POLSEK), rejected)).toMatchObject({ correct: true, edit: true, regenerate: true, media: true, primary: 'edit' });
    expect(allowedActions(user('h', 'humas', POLSEK), story({ status: 'approved', kind: 'complaint' }))).toMatchObject({ correct: false, media: false, regenerate: false });
  });

  it('asks two approvals of a sensitive case under any policy', () => {
    expect(allowedActions(user('h', 'humas', POLSEK), story({ sensitive: true })).stepsRequired).toBe(2);
  });
});
