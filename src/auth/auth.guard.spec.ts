import { roleRequirement } from './auth.guard';

describe('role requirement message', () => {
  it('names each role once (issue 17: it read "roles: admin, admin.")', () => {
    expect(roleRequirement(['admin'])).toBe('This action needs the role admin.');
    expect(roleRequirement([])).toBe('This action needs the role admin.');
    expect(roleRequirement(['humas', 'admin'])).toBe('This action needs one of the roles: admin, humas.');
    expect(roleRequirement(['operator', 'humas'])).toBe('This action needs one of the roles: admin, operator, humas.');
  });
});
