import { bearer, createTestApp, type TestApp } from '../support/test-app';

describe('audit log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records logins, user and unit changes with who and what', async () => {
    const admin = await t.login('admin');
    await t.http.post('/api/v1/users').set(bearer(admin)).send({ username: 'op.cilandak', displayName: 'Ayu', role: 'operator', unitCode: 'POLSEK-CILANDAK', password: 'another-long-password' }).expect(201);
    await t.http.patch('/api/v1/units/POLSEK-CILANDAK').set(bearer(admin)).send({ city: 'Jakarta Selatan' }).expect(200);
    const { body } = await t.http.get('/api/v1/audit?limit=10').set(bearer(admin)).expect(200);
    const actions = body.items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 3)).toEqual(['unit.update', 'user.create', 'auth.login']);
    expect(body.items[1]).toMatchObject({ actorUsername: 'admin', subjectType: 'user', unitCode: 'POLSEK-CILANDAK', details: { role: 'operator' } });
    expect(JSON.stringify(body)).not.toContain('another-long-password');
  });

  it('refuses UPDATE, DELETE and TRUNCATE even from SQL', async () => {
    const [{ count: before }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_event`);
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const [{ count: after }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_event`);
    expect(after).toBe(before);
  });
});
