import { TokenHealthJob } from '../../src/connections/token-health.job';
import { TokenKeeper } from '../../src/connections/token-keeper.service';
import { ConnectionsRepository } from '../../src/connections/connections.repository';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { createMediaTestApp } from '../support/media';
import { publicationsOf, scheduledStory } from '../support/platforms/approved-stories';
import { connectThrough, platformEnv, type Platforms, startPlatforms } from '../support/platforms/connect-helpers';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { describeRealPg } from '../support/test-database';

const UNIT = 'POLSEK-KEBAYORAN-BARU';

/**
 * Issue 21, "Keep alive and tell": refresh before expiry, three instances refreshing one
 * rotating refresh token at once, revocation found by the health job, a publication held in
 * awaiting_reconnect and sent after reconnecting, and quota delays, over HTTP against the
 * protocol fakes on real PostgreSQL.
 */
describeRealPg('channel connections: tokens, health, held publications, quotas', () => {
  let p: Platforms;
  let t: TestApp & { cleanup(): Promise<void> };
  let admin: ConsoleSession;
  let tokens: { operator: string; humas: string };
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    p = await startPlatforms();
    t = await createMediaTestApp(platformEnv(p));
    admin = await consoleLogin(t, 'admin');
    tokens = { operator: await t.login('operator.kebayoran'), humas: await t.login('humas.kebayoran') };
    dispatcher = t.app.get(Dispatcher);
    for (const channel of ['x', 'instagram', 'tiktok']) expect((await connectThrough(t, admin, UNIT, channel)).status).toBe(303);
    await t.http.post(`/koneksi/${UNIT}/telegram`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, botToken: p.telegram.botToken, chatId: '@infopolsekkby' }).expect(303);
  });
  afterAll(async () => {
    await t.cleanup();
    await p.close();
  });

  const account = async (channel: string) =>
    (await t.dataSource.query(`SELECT a.* FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE u.code = $1 AND a.channel = $2`, [UNIT, channel]))[0];
  const expireIn = (channel: string, ms: number) =>
    t.dataSource.query(`UPDATE channel_account a SET token_expires_at = $3 FROM unit u WHERE u.id = a.unit_id AND u.code = $1 AND a.channel = $2`, [UNIT, channel, new Date(Date.now() + ms)]);
  const row = async (app: TestApp, channel: string) => {
    const unitId = (await app.dataSource.query(`SELECT id FROM unit WHERE code = $1`, [UNIT]))[0].id;
    return (await app.app.get(ConnectionsRepository).account(unitId, channel))!;
  };

  it('refreshes an X token before it expires, then posts with the new one', async () => {
    await expireIn('x', 2 * 60_000);
    const before = await account('x');
    const refreshes = p.x.refreshCalls;
    const story = await scheduledStory(t, ['x'], tokens);
    await dispatcher.tick();
    expect((await publicationsOf(t, story)).x).toMatchObject({ status: 'published', attempts: 1 });
    expect(p.x.refreshCalls).toBe(refreshes + 1);
    const after = await account('x');
    expect(after.credentials_version).toBe(before.credentials_version + 1);
    expect(new Date(after.token_expires_at).getTime()).toBeGreaterThan(Date.now() + 7000_000);
    const posted = p.x.to('POST', '/2/tweets').at(-1)!;
    expect(p.x.accessTokens.get(posted.headers.authorization!.slice(7))).toBeDefined();
    expect(after.credentials_sealed).not.toContain(posted.headers.authorization!.slice(7));
  });

  it('three instances refreshing at once spend the rotating refresh token once; the connection survives', async () => {
    const others = [await createTestApp({ shareDatabaseOf: t, env: platformEnv(p) }), await createTestApp({ shareDatabaseOf: t, env: platformEnv(p) })];
    try {
      await expireIn('x', -60_000);
      const refreshes = p.x.refreshCalls;
      const instances = [t, ...others];
      const rows = await Promise.all(instances.map((app) => row(app, 'x')));
      const results = await Promise.all(instances.map((app, i) => app.app.get(TokenKeeper).fresh(rows[i])));
      expect(p.x.refreshCalls).toBe(refreshes + 1);
      expect(results.every((r) => r.ok)).toBe(true);
      const accessTokens = new Set(results.map((r) => (r.ok ? r.credentials.accessToken : '')));
      expect(accessTokens.size).toBe(1);
      const stored = await account('x');
      expect(stored.state).toBe('connected');
      // the refresh token we keep is the one X issued last, still live there
      const open = t.app.get(TokenKeeper).open(stored);
      expect(p.x.refreshTokens.has(open.refreshToken)).toBe(true);
      expect(p.x.refreshTokens.size).toBe(1);
    } finally {
      for (const other of others) await other.close();
    }
  });

  it('a publication over X\'s 24-hour user limit is delayed until the reset, not failed; the next one waits without a call', async () => {
    p.x.dailyRemaining = 0;
    const first = await scheduledStory(t, ['x'], tokens);
    await dispatcher.tick();
    const delayed = (await publicationsOf(t, first)).x;
    expect(delayed).toMatchObject({ status: 'scheduled', attempts: 0 });
    expect(new Date(delayed.due_at as string).getTime()).toBeGreaterThan(Date.now() + 2.9 * 3600_000);
    expect(delayed.last_error).toContain('quota');
    const calls = p.x.to('POST', '/2/tweets').length;
    const second = await scheduledStory(t, ['x'], tokens);
    await dispatcher.tick();
    expect((await publicationsOf(t, second)).x).toMatchObject({ status: 'scheduled', attempts: 0 });
    expect(p.x.to('POST', '/2/tweets')).toHaveLength(calls);
    p.x.dailyRemaining = null;
    await t.dataSource.query(`UPDATE channel_account SET quota_until = NULL`);
    await t.dataSource.query(`UPDATE publication SET status = 'cancelled' WHERE story_id = ANY($1)`, [[first, second]]);
  });

  it('Instagram\'s 24-hour publishing limit is read from the API: over it, the post is delayed and nothing is created', async () => {
    p.meta.quota = { usage: 50, total: 50 };
    const story = await scheduledStory(t, ['instagram'], tokens);
    const containers = p.meta.to('POST', /\/media$/).length;
    await dispatcher.tick();
    const ig = (await publicationsOf(t, story)).instagram;
    expect(ig).toMatchObject({ status: 'scheduled', attempts: 0 });
    expect(new Date(ig.due_at as string).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(p.meta.to('GET', /content_publishing_limit$/).at(-1)!.query.get('fields')).toBe('quota_usage,config');
    expect(p.meta.to('POST', /\/media$/)).toHaveLength(containers);
    expect((await account('instagram')).quota_until).not.toBeNull();
    // an hour later (the account's quota mark and the publication's due time both passed), a slot is free again
    p.meta.quota = { usage: 49, total: 50 };
    await t.dataSource.query(`UPDATE channel_account SET quota_until = now() - interval '1 second'`);
    await t.dataSource.query(`UPDATE publication SET due_at = now() WHERE id = $1`, [ig.id]);
    await dispatcher.tick();
    expect((await publicationsOf(t, story)).instagram).toMatchObject({ status: 'published' });
  });

  it('TikTok: photos go to the creator\'s inbox (awaiting the officer); a 7th post in a minute is delayed', async () => {
    const stories = [];
    for (let i = 0; i < 7; i++) stories.push(await scheduledStory(t, ['tiktok'], tokens));
    await dispatcher.tick();
    const states = await Promise.all(stories.map(async (s) => (await publicationsOf(t, s)).tiktok));
    const inbox = states.filter((s) => s.status === 'awaiting_manual');
    const delayed = states.filter((s) => s.status === 'scheduled');
    expect(inbox).toHaveLength(6);
    expect(delayed).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ waiting_for: 'tiktok_inbox', remote_ref: expect.stringMatching(/^p_pub_url~v2\./) });
    expect(new Date(delayed[0].due_at as string).getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(p.tiktok.to('POST', '/v2/post/publish/content/init/')).toHaveLength(6);
    expect(p.tiktok.publishes[0].body).toMatchObject({ media_type: 'PHOTO', post_mode: 'MEDIA_UPLOAD', source_info: { source: 'PULL_FROM_URL' } });
    await t.dataSource.query(`UPDATE publication SET status = 'cancelled' WHERE id = $1`, [delayed[0].id]);
  });

  it('a revoked X token holds the publication in awaiting_reconnect, tells humas and the admin, and sends it after reconnecting (still paused first)', async () => {
    p.x.revokeAll();
    const story = await scheduledStory(t, ['x'], tokens);
    await dispatcher.tick();
    expect((await publicationsOf(t, story)).x).toMatchObject({ status: 'awaiting_reconnect', attempts: 0 });
    expect(await account('x')).toMatchObject({ state: 'reconnect_needed' });
    const notices = await t.dataSource.query(`SELECT u.username FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'account_reconnect' ORDER BY u.username`);
    expect(notices.map((n: { username: string }) => n.username)).toEqual(expect.arrayContaining(['admin', 'humas.kebayoran']));
    // a second held publication adds no second notice
    const another = await scheduledStory(t, ['x'], tokens);
    await dispatcher.tick();
    expect((await publicationsOf(t, another)).x).toMatchObject({ status: 'awaiting_reconnect' });
    expect(await t.dataSource.query(`SELECT 1 FROM notification WHERE kind = 'account_reconnect'`)).toHaveLength(notices.length);

    await t.http.post('/api/v1/publishing/pause').set(bearer(tokens.humas)).send({ reason: 'uji jeda', unitCode: UNIT }).expect(200);
    expect((await connectThrough(t, admin, UNIT, 'x')).status).toBe(303);
    expect((await publicationsOf(t, story)).x).toMatchObject({ status: 'scheduled' });
    await dispatcher.tick();
    expect((await publicationsOf(t, story)).x).toMatchObject({ status: 'scheduled' });
    await t.http.post('/api/v1/publishing/resume').set(bearer(tokens.humas)).send({ unitCode: UNIT }).expect(200);
    await dispatcher.tick();
    expect((await publicationsOf(t, story)).x).toMatchObject({ status: 'published', attempts: 1 });
    expect((await publicationsOf(t, another)).x).toMatchObject({ status: 'published' });
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'publication.resumed'`);
    expect(audit[0].n).toBe(2);
  });

  it('the health job finds revocations (X), invalidated Facebook tokens and a demoted Telegram bot, once across instances', async () => {
    const other = await createTestApp({ shareDatabaseOf: t, env: platformEnv(p) });
    try {
      p.x.revokeAll();
      p.meta.invalidateAll();
      p.telegram.member = { status: 'member' };
      await t.dataSource.query(`DELETE FROM job_run WHERE job = 'token-health'`);
      const [mine, theirs] = await Promise.all([t.app.get(TokenHealthJob).run(), other.app.get(TokenHealthJob).run()]);
      expect([mine, theirs].filter((r) => r !== null)).toHaveLength(1);
      expect(await account('x')).toMatchObject({ state: 'revoked' });
      expect(await account('instagram')).toMatchObject({ state: 'reconnect_needed' });
      expect((await account('instagram')).state_reason).toContain('kata sandi');
      expect(await account('telegram')).toMatchObject({ state: 'reconnect_needed' });
      expect(await account('tiktok')).toMatchObject({ state: 'connected' });
    } finally {
      await other.close();
      p.telegram.member = { status: 'administrator', can_post_messages: true };
    }
  });
});
