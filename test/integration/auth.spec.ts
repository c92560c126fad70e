import { FixedClock } from '../../src/common/clock';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app';

const LOGIN = '/api/v1/auth/login';

describe('auth', () => {
  const clock = new FixedClock(new Date('2026-11-02T03:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('logs in with a bearer token and an httpOnly SameSite session cookie', async () => {
    const response = await t.http.post(LOGIN).send({ username: 'humas.jaksel', password: DEMO_PASSWORD }).expect(200);
    expect(response.body.token).toMatch(/^gng_[A-Za-z0-9_-]{43}$/);
    expect(response.body.user).toMatchObject({ username: 'humas.jaksel', role: 'humas', unitCode: 'POLRES-JAKSEL' });
    expect(response.body.user.passwordHash).toBeUndefined();
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/gaung_session=gng_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(response.body.token)).expect(200);
    expect(me.body.user.username).toBe('humas.jaksel');
  });

  it('answers an unknown user and a wrong password with the same 401', async () => {
    const unknown = await t.http.post(LOGIN).send({ username: 'nobody.here', password: 'whatever-it-is' }).expect(401);
    const wrong = await t.http.post(LOGIN).send({ username: 'humas.metro', password: 'not-the-password' }).expect(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.code).toBe('invalid_credentials');
  });

  it('stores only an argon2id hash of the password', async () => {
    const [row] = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE username = 'humas.jaksel'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });

  it('locks an account for 15 minutes after 5 failures within 15 minutes', async () => {
    const attempt = (password: string) => t.http.post(LOGIN).send({ username: 'humas.makassar', password });
    for (let i = 0; i < 4; i++) await attempt('wrong-password').expect(401);
    const locking = await attempt('wrong-password').expect(429);
    expect(locking.body.code).toBe('account_locked');
    expect(Number(locking.headers['retry-after'])).toBe(900);

    clock.advance(5 * 60_000);
    const stillLocked = await attempt(DEMO_PASSWORD).expect(429);
    expect(Number(stillLocked.headers['retry-after'])).toBe(600);

    clock.advance(10 * 60_000 + 1_000);
    await attempt(DEMO_PASSWORD).expect(200);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event e JOIN app_user u ON u.id = e.subject_id::uuid WHERE u.username = 'humas.makassar' ORDER BY seq`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'user.create', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked', 'auth.login',
    ]);
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    const attempt = (password: string) => t.http.post(LOGIN).send({ username: 'humas.papua', password });
    for (let i = 0; i < 4; i++) await attempt('wrong-password').expect(401);
    clock.advance(16 * 60_000);
    await attempt('wrong-password').expect(401);
    await attempt(DEMO_PASSWORD).expect(200);
  });

  it('issues API tokens shown once and stored as hashes, and revokes them', async () => {
    const session = await t.login('humas.metro');
    const created = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'SPKT integration' }).expect(201);
    expect(created.body.token).toMatch(/^gng_/);
    const stored = await t.dataSource.query(`SELECT token_hash FROM api_token WHERE id = $1`, [created.body.id]);
    expect(Buffer.from(stored[0].token_hash).toString('utf8')).not.toContain(created.body.token);

    await t.http.get('/api/v1/units').set(bearer(created.body.token)).expect(200);
    const listed = await t.http.get('/api/v1/auth/tokens').set(bearer(session)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'SPKT integration' })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    await t.http.delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(session)).expect(204);
    const refused = await t.http.get('/api/v1/units').set(bearer(created.body.token)).expect(401);
    expect(refused.body.code).toBe('invalid_token');
    await t.http.delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(session)).expect(404);
  });

  it('refuses expired tokens', async () => {
    const session = await t.login('humas.jaktim');
    const created = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'short', expiresInDays: 1 }).expect(201);
    await t.http.get('/api/v1/auth/me').set(bearer(created.body.token)).expect(200);
    clock.advance(86_400_000 + 1_000);
    await t.http.get('/api/v1/auth/me').set(bearer(created.body.token)).expect(401);
  });

  it('does not let one user revoke another user\'s token', async () => {
    const owner = await t.login('humas.metro');
    const other = await t.login('humas.jaksel');
    const created = await t.http.post('/api/v1/auth/tokens').set(bearer(owner)).send({ name: 'mine' }).expect(201);
    await t.http.delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(other)).expect(404);
    await t.http.get('/api/v1/auth/me').set(bearer(created.body.token)).expect(200);
  });

  it('revokes the session on logout', async () => {
    const session = await t.login('operator.kebayoran');
    await t.http.post('/api/v1/auth/logout').set(bearer(session)).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer(session)).expect(401);
  });

  it('requires the CSRF token for state-changing calls made with the session cookie', async () => {
    const login = await t.http.post(LOGIN).send({ username: 'humas.metro', password: DEMO_PASSWORD }).expect(200);
    const cookie = `gaung_session=${login.body.token}`;
    await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    const refused = await t.http.post('/api/v1/auth/tokens').set('Cookie', cookie).send({ name: 'x' }).expect(403);
    expect(refused.body.code).toBe('csrf_failed');
    await t.http.post('/api/v1/auth/tokens').set('Cookie', cookie).set('x-csrf-token', 'forged').send({ name: 'x' }).expect(403);
    await t.http.post('/api/v1/auth/tokens').set('Cookie', cookie).set('x-csrf-token', login.body.csrfToken).send({ name: 'x' }).expect(201);
  });

  it('refuses deactivated users and their existing sessions', async () => {
    const admin = await t.login('admin');
    const session = await t.login('kapolsek.abepura');
    const { body: me } = await t.http.get('/api/v1/auth/me').set(bearer(session)).expect(200);
    await t.http.patch(`/api/v1/users/${me.user.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await t.http.get('/api/v1/auth/me').set(bearer(session)).expect(401);
    await t.http.post(LOGIN).send({ username: 'kapolsek.abepura', password: DEMO_PASSWORD }).expect(401);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('limits login attempts per client address', async () => {
    for (let i = 0; i < 3; i++) await t.http.post(LOGIN).send({ username: 'x-unknown', password: 'y' }).expect(401);
    const limited = await t.http.post(LOGIN).send({ username: 'humas.metro', password: DEMO_PASSWORD }).expect(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.body.code).toBe('too_many_requests');
  });
});
