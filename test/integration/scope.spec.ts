import { bearer, createTestApp, type TestApp } from '../support/test-app';

describe('units, users and scope', () => {
  let t: TestApp;
  let admin: string;
  let jaksel: string;
  let kebayoran: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    jaksel = await t.login('humas.jaksel');
    kebayoran = await t.login('humas.kebayoran');
  });
  afterAll(() => t.close());

  it('lists the caller\'s unit and everything below it, nothing else', async () => {
    const { body } = await t.http.get('/api/v1/units').set(bearer(jaksel)).expect(200);
    expect(body.items.map((u: { code: string }) => u.code).sort()).toEqual(['POLRES-JAKSEL', 'POLSEK-CILANDAK', 'POLSEK-KEBAYORAN-BARU']);
    const all = await t.http.get('/api/v1/units').set(bearer(admin)).expect(200);
    expect(all.body.total).toBe(12);
  });

  it('shows a unit in scope with its tree position and policy', async () => {
    const { body } = await t.http.get('/api/v1/units/POLSEK-CILANDAK').set(bearer(jaksel)).expect(200);
    expect(body).toMatchObject({ code: 'POLSEK-CILANDAK', level: 'polsek', parentCode: 'POLRES-JAKSEL', timezone: 'Asia/Jakarta', approvalPolicy: 'parent' });
  });

  it.each([
    ['a sibling Polres', 'POLRES-JAKTIM'],
    ['its parent Polda', 'POLDA-METRO'],
    ['another Polda', 'POLDA-PAPUA'],
  ])('refuses %s (403)', async (_label, code) => {
    const { body } = await t.http.get(`/api/v1/units/${code}`).set(bearer(jaksel)).expect(403);
    expect(body.code).toBe('unit_out_of_scope');
  });

  it('keeps a Polsek officer out of its own Polres', async () => {
    await t.http.get('/api/v1/units/POLRES-JAKSEL').set(bearer(kebayoran)).expect(403);
    const { body } = await t.http.get('/api/v1/units').set(bearer(kebayoran)).expect(200);
    expect(body.items.map((u: { code: string }) => u.code)).toEqual(['POLSEK-KEBAYORAN-BARU']);
  });

  it('answers 404 for an unknown unit and 400 for a malformed code', async () => {
    await t.http.get('/api/v1/units/POLSEK-NOWHERE').set(bearer(admin)).expect(404);
    const bad = await t.http.get('/api/v1/units/drop%20table').set(bearer(admin)).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
  });

  it('lists only users in scope and hides others (404)', async () => {
    const { body } = await t.http.get('/api/v1/users?pageSize=100').set(bearer(jaksel)).expect(200);
    const names = body.items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['humas.jaksel', 'humas.kebayoran', 'kapolsek.kebayoran', 'operator.kebayoran']);
    const everyone = await t.http.get('/api/v1/users?pageSize=100').set(bearer(admin)).expect(200);
    const sibling = everyone.body.items.find((u: { username: string }) => u.username === 'humas.jaktim');
    await t.http.get(`/api/v1/users/${sibling.id}`).set(bearer(jaksel)).expect(404);
    await t.http.get(`/api/v1/users/${sibling.id}`).set(bearer(admin)).expect(200);
  });

  it('never falls through to "the first row" on a malformed or missing id', async () => {
    const bad = await t.http.get('/api/v1/users/not-a-uuid').set(bearer(admin)).expect(400);
    expect(bad.body.errors[0].field).toBe('id');
    await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
    await t.http.get('/api/v1/users/').set(bearer(admin)).expect(200); // the list, never one user
  });

  it('lets only admins create units and users', async () => {
    const unit = { code: 'POLSEK-SETIABUDI', name: 'Polsek Setiabudi', level: 'polsek', parentCode: 'POLRES-JAKSEL', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta' };
    const refused = await t.http.post('/api/v1/units').set(bearer(jaksel)).send(unit).expect(403);
    expect(refused.body.code).toBe('role_forbidden');
    const created = await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...unit, hashtags: ['#PolsekSetiabudi'], handles: { instagram: '@polseksetiabudi' } }).expect(201);
    expect(created.body).toMatchObject({ code: 'POLSEK-SETIABUDI', parentCode: 'POLRES-JAKSEL', approvalPolicy: 'self', reviewSlaHours: 24 });
    // the new unit is in the Polres officer's scope at once
    await t.http.get('/api/v1/units/POLSEK-SETIABUDI').set(bearer(jaksel)).expect(200);
    await t.http.post('/api/v1/units').set(bearer(admin)).send(unit).expect(409);

    const user = { username: 'humas.setiabudi', displayName: 'Lina Marlina', rank: 'Aiptu', role: 'humas', unitCode: 'POLSEK-SETIABUDI', password: 'a-strong-password' };
    await t.http.post('/api/v1/users').set(bearer(jaksel)).send(user).expect(403);
    const made = await t.http.post('/api/v1/users').set(bearer(admin)).send(user).expect(201);
    expect(made.body).toMatchObject({ username: 'humas.setiabudi', unitCode: 'POLSEK-SETIABUDI', role: 'humas', active: true });
    expect(made.body.passwordHash).toBeUndefined();
    await t.login('humas.setiabudi', 'a-strong-password');
    await t.http.post('/api/v1/users').set(bearer(admin)).send({ ...user, username: 'HUMAS.setiabudi' }).expect(409);
  });

  it('checks the unit hierarchy', async () => {
    const base = { name: 'X', city: 'Jakarta', timezone: 'Asia/Jakarta' };
    const polsekUnderPolda = await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...base, code: 'POLSEK-X', level: 'polsek', parentCode: 'POLDA-METRO' }).expect(400);
    expect(polsekUnderPolda.body.errors).toEqual([{ field: 'parentCode', message: expect.stringMatching(/polres/) }]);
    await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...base, code: 'POLRES-X', level: 'polres' }).expect(400);
    const unknownParent = await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...base, code: 'POLRES-Y', level: 'polres', parentCode: 'POLDA-NOPE' }).expect(400);
    expect(unknownParent.body.errors[0].field).toBe('parentCode');
  });

  it('updates a unit and audits the change', async () => {
    const { body } = await t.http.patch('/api/v1/units/POLSEK-CILANDAK').set(bearer(admin)).send({ approvalPolicy: 'two_step', hashtags: ['#PolsekCilandak'] }).expect(200);
    expect(body).toMatchObject({ approvalPolicy: 'two_step', hashtags: ['#PolsekCilandak'] });
    const audit = await t.http.get('/api/v1/audit?subjectType=unit').set(bearer(admin)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'unit.update', unitCode: 'POLSEK-CILANDAK', actorUsername: 'admin', details: { fields: ['approvalPolicy', 'hashtags'] } });
    await t.http.get('/api/v1/audit').set(bearer(jaksel)).expect(403);
  });
});
