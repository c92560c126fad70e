import { FixedClock } from '../../src/common/clock';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app';

const LOGIN = '/api/v1/auth/login';

describe('auth', () => {
  const clock = new FixedClock(new Date('2026-11-02T03:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    // TRUST_PROXY: X-Forwarded-For stands for the caller's address, as behind the load balancer
    t = await createTestApp({ clock, env: { TRUST_PROXY: '1' } });
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

  const from = (address: string, username: string, password: string) => t.http.post(LOGIN).set('X-Forwarded-For', address).send({ username, password });

  it('never lets an attacker at another address lock an officer out (issue 17: lockout as a weapon)', async () => {
    for (let i = 0; i < 12; i++) {
      const attempt = await from('203.0.113.66', 'humas.makassar', 'wrong-password');
      expect([401, 429]).toContain(attempt.status);
      clock.advance(1_000);
    }
    await from('198.51.100.7', 'humas.makassar', DEMO_PASSWORD).expect(200);
  });

  it('throttles a username from one address with growing delays, and forgets them after a success', async () => {
    const attempt = (password: string) => from('203.0.113.10', 'humas.papua', password);
    for (let i = 0; i < 2; i++) await attempt('wrong-password').expect(401);
    await attempt('wrong-password').expect(401); // the third failure starts a 1 s wait
    const first = await attempt(DEMO_PASSWORD).expect(429);
    expect(first.body.code).toBe('login_throttled');
    expect(Number(first.headers['retry-after'])).toBe(1);
    clock.advance(1_000);
    await attempt('wrong-password').expect(401); // the fourth: 2 s
    clock.advance(1_000);
    expect(Number((await attempt(DEMO_PASSWORD).expect(429)).headers['retry-after'])).toBe(1);
    clock.advance(1_000);
    await attempt('wrong-password').expect(401); // the fifth: 4 s
    expect(Number((await attempt(DEMO_PASSWORD).expect(429)).headers['retry-after'])).toBe(4);
    clock.advance(4_000);
    await attempt(DEMO_PASSWORD).expect(200);
    await attempt('wrong-password').expect(401); // counted afresh after the success
    await attempt(DEMO_PASSWORD).expect(200);
  });

  it('answers unknown and known usernames the same way, throttled alike, in about the same time (issue 17: no oracle)', async () => {
    const answers: Record<string, { statuses: number[]; bodies: unknown[]; ms: number[] }> = {};
    for (const username of ['nobody.at.all', 'humas.jaktim']) {
      const seen = { statuses: [] as number[], bodies: [] as unknown[], ms: [] as number[] };
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const response = await from('203.0.113.20', username, 'wrong-password');
        seen.ms.push(performance.now() - started);
        seen.statuses.push(response.status);
        seen.bodies.push({ ...response.body, detail: response.body.detail?.replace(/\d+/g, 'N') });
      }
      answers[username] = seen;
    }
    expect(answers['nobody.at.all'].statuses).toEqual([401, 401, 401, 429, 429]);
    expect(answers['nobody.at.all']).toMatchObject({ statuses: answers['humas.jaktim'].statuses, bodies: answers['humas.jaktim'].bodies });
    // both verify an argon2 hash: the medians of the 401s stay within a factor of two
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    const [unknown, known] = [median(answers['nobody.at.all'].ms.slice(0, 3)), median(answers['humas.jaktim'].ms.slice(0, 3))];
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
    clock.advance(20 * 60_000);
  });

  it('audits failed logins for unknown usernames and attempts while throttled (issue 17: audit gaps)', async () => {
    clock.advance(20 * 60_000);
    await from('203.0.113.30', 'no.such.officer', 'wrong-password').expect(401);
    await from('203.0.113.30', 'pAssw0rd typed here!', 'x').expect(401);
    for (let i = 0; i < 3; i++) await from('203.0.113.30', 'humas.metro', 'wrong-password').expect(401);
    await from('203.0.113.30', 'humas.metro', DEMO_PASSWORD).expect(429);
    const events: { action: string; subject_id: string | null; details: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT action, subject_id, details FROM audit_event WHERE action IN ('auth.login_failed', 'auth.throttled') AND details->>'clientAddress' = '203.0.113.30' ORDER BY seq`);
    const [metro] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'humas.metro'`);
    expect(events.map((e) => [e.action, e.subject_id, e.details.username, e.details.knownAccount])).toEqual([
      ['auth.login_failed', null, 'no.such.officer', false],
      ['auth.login_failed', null, '(not a username)', false],
      ['auth.login_failed', metro.id, 'humas.metro', true],
      ['auth.login_failed', metro.id, 'humas.metro', true],
      ['auth.login_failed', metro.id, 'humas.metro', true],
      ['auth.throttled', metro.id, 'humas.metro', true],
    ]);
    expect(JSON.stringify(events)).not.toContain('pAssw0rd');
    clock.advance(20 * 60_000);
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

  it('lets only an interactive session create API tokens, each with a bounded lifetime, revoked with their session (issue 17)', async () => {
    const session = await t.login('humas.metro');
    const day = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'satu hari', expiresInDays: 1 }).expect(201);
    // a 1-day token minting a long-lived one: refused
    const minted = await t.http.post('/api/v1/auth/tokens').set(bearer(day.body.token)).send({ name: 'abadi' }).expect(403);
    expect(minted.body.code).toBe('session_required');
    // no token without an expiry, none beyond the maximum
    const plain = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'tanpa batas' }).expect(201);
    expect(new Date(plain.body.expiresAt).getTime() - clock.now().getTime()).toBe(90 * 86_400_000);
    const far = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'jauh', expiresInDays: 3650 }).expect(400);
    expect(far.body.errors[0].field).toBe('expiresInDays');
    // the parent session revoked (stolen, say): the tokens it made stop working
    const [{ id: sessionId }] = await t.dataSource.query(`SELECT parent_id AS id FROM api_token WHERE id = $1`, [plain.body.id]);
    const admin = await t.login('admin');
    await t.http.delete(`/api/v1/auth/tokens/${sessionId}`).set(bearer(admin)).expect(204);
    for (const token of [plain.body.token, day.body.token]) await t.http.get('/api/v1/auth/me').set(bearer(token)).expect(401);
    // logging out is not a revocation: an integration's token outlives the console visit
    const next = await t.login('humas.metro');
    const kept = await t.http.post('/api/v1/auth/tokens').set(bearer(next)).send({ name: 'integrasi' }).expect(201);
    await t.http.post('/api/v1/auth/logout').set(bearer(next)).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer(next)).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(kept.body.token)).expect(200);
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
