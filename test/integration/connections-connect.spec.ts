import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { callback, connectThrough, consent, platformEnv, type Platforms, startConnect, startPlatforms } from '../support/platforms/connect-helpers';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const UNIT = 'POLSEK-KEBAYORAN-BARU';

/**
 * Issue 21, "Connect": the full OAuth flow per platform over HTTP on real PostgreSQL, against
 * local fakes of X, Facebook/Instagram, TikTok and Telegram that implement each one's
 * documented protocol (PKCE, state, single-use codes, error bodies).
 */
describe('channel connections: connect flows', () => {
  let p: Platforms;
  let t: TestApp;
  let admin: ConsoleSession;

  beforeAll(async () => {
    p = await startPlatforms();
    t = await createTestApp({ env: platformEnv(p) });
    admin = await consoleLogin(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await p.close();
  });
  beforeEach(() => {
    p.x.consent = p.meta.consent = p.tiktok.consent = 'approve';
  });

  const account = async (channel: string) =>
    (await t.dataSource.query(
      `SELECT a.* FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE u.code = $1 AND a.channel = $2`, [UNIT, channel]))[0];
  const errorCode = (html: string) => /data-connect-error="([a-z_]+)"/.exec(html)?.[1];

  it('X: authorization code with PKCE and offline.access; tokens sealed; the account verified from the API', async () => {
    const authorize = new URL(await startConnect(t, admin, UNIT, 'x'));
    expect(authorize.origin + authorize.pathname).toBe(`${p.x.url}/i/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toContain('offline.access');
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://gaung.test/koneksi/callback/x');
    const back = await callback(t, admin, await consent(authorize.toString()));
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe(`/koneksi?satuan=${UNIT}`);

    const [exchange] = p.x.to('POST', '/2/oauth2/token');
    expect(exchange.headers.authorization).toMatch(/^Basic /);
    expect(exchange.form.get('grant_type')).toBe('authorization_code');
    const row = await account('x');
    expect(row).toMatchObject({ mode: 'api', state: 'connected', connection_method: 'oauth', handle: '@humaspolsekkby', external_id: p.x.user.id, verified: true, verified_source: 'api' });
    expect(row.scopes).toEqual(expect.arrayContaining(['offline.access', 'tweet.write']));
    expect(new Date(row.token_expires_at).getTime()).toBeGreaterThan(Date.now() + 7000_000);
    const [access] = [...p.x.accessTokens.keys()];
    expect(row.credentials_sealed).not.toContain(access);
    expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'channel_account.connect'`))).not.toContain(access);
  });

  it('X: a wrong state is refused before any code exchange', async () => {
    const back = await consent(await startConnect(t, admin, UNIT, 'x'));
    back.searchParams.set('state', 'not-the-state-we-sent');
    const before = p.x.to('POST', '/2/oauth2/token').length;
    const answer = await callback(t, admin, back);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.text)).toBe('state_invalid');
    expect(p.x.to('POST', '/2/oauth2/token')).toHaveLength(before);
  });

  it('X: a replayed callback is refused by us, a replayed code by X', async () => {
    const first = await consent(await startConnect(t, admin, UNIT, 'x'));
    expect((await callback(t, admin, first)).status).toBe(303);
    // the same redirect again (browser back, a leaked URL): the state is spent
    expect(errorCode((await callback(t, admin, first)).text)).toBe('state_invalid');
    // a fresh attempt carrying the spent code: X refuses it (single-use codes)
    const second = await consent(await startConnect(t, admin, UNIT, 'x'));
    second.searchParams.set('code', first.searchParams.get('code')!);
    const answer = await callback(t, admin, second);
    expect(errorCode(answer.text)).toBe('code_rejected');
    expect(answer.text).not.toContain(first.searchParams.get('code')!);
  });

  it('X: a denied consent stores nothing new', async () => {
    const versionBefore = (await account('x')).credentials_version;
    p.x.consent = 'deny';
    const back = await consent(await startConnect(t, admin, UNIT, 'x'));
    expect(back.searchParams.get('error')).toBe('access_denied');
    const answer = await callback(t, admin, back);
    expect(errorCode(answer.text)).toBe('consent_denied');
    expect((await account('x')).credentials_version).toBe(versionBefore);
  });

  it('Facebook: code, long-lived token, Page token; with several Pages the officer picks one', async () => {
    const authorize = new URL(await startConnect(t, admin, UNIT, 'facebook'));
    expect(authorize.searchParams.get('scope')).toContain('pages_manage_posts');
    const back = await callback(t, admin, await consent(authorize.toString()));
    expect(back.status).toBe(303);
    expect(back.headers.location).toMatch(/^\/koneksi\/pilih\/[0-9a-f-]{36}$/);
    const page = await t.http.get(back.headers.location).set('Cookie', admin.cookie).expect(200);
    expect(page.text).toContain('Polsek Kebayoran Baru');
    expect(page.text).toContain('Humas Polres Jaksel');
    expect(page.text).not.toContain(p.meta.pages[0].token);
    const exchanges = p.meta.to('POST', '/v21.0/oauth/access_token');
    expect(exchanges.map((r) => r.form.get('grant_type'))).toEqual(['authorization_code', 'fb_exchange_token']);
    await t.http.post(back.headers.location).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, pageId: p.meta.pages[1].id }).expect(303);
    expect(await account('facebook')).toMatchObject({ state: 'connected', external_id: p.meta.pages[1].id, handle: '@humaspolresjaksel', verified: true, verified_source: 'api' });
    // the choice is spent
    await t.http.post(back.headers.location).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, pageId: p.meta.pages[0].id }).expect(404);
  });

  it('Instagram: the professional account linked to the only Page that has one', async () => {
    const answer = await connectThrough(t, admin, UNIT, 'instagram');
    expect(answer.status).toBe(303);
    expect(await account('instagram')).toMatchObject({ state: 'connected', external_id: p.meta.pages[0].ig!.id, handle: '@polsek_kby' });
  });

  it('Facebook: a replayed code is refused by the Graph API (code 100, subcode 36009); a declined dialog stores nothing', async () => {
    const first = await consent(await startConnect(t, admin, UNIT, 'instagram'));
    expect((await callback(t, admin, first)).status).toBe(303);
    const second = await consent(await startConnect(t, admin, UNIT, 'instagram'));
    second.searchParams.set('code', first.searchParams.get('code')!);
    expect(errorCode((await callback(t, admin, second)).text)).toBe('code_rejected');
    p.meta.consent = 'deny';
    const denied = await consent(await startConnect(t, admin, UNIT, 'instagram'));
    expect(denied.searchParams.get('error_reason')).toBe('user_denied');
    expect(errorCode((await callback(t, admin, denied)).text)).toBe('consent_denied');
  });

  it('TikTok: client_key, rotating refresh token; denied and replayed codes refused', async () => {
    const authorize = new URL(await startConnect(t, admin, UNIT, 'tiktok'));
    expect(authorize.searchParams.get('client_key')).toBe(p.tiktok.app.clientId);
    expect(authorize.searchParams.get('scope')).toContain('video.upload');
    const first = await consent(authorize.toString());
    expect((await callback(t, admin, first)).status).toBe(303);
    expect(p.tiktok.to('POST', '/v2/oauth/token/')[0].form.get('client_key')).toBe(p.tiktok.app.clientId);
    expect(await account('tiktok')).toMatchObject({ state: 'connected', handle: '@polsek.kby', external_id: p.tiktok.openId });
    expect((await account('tiktok')).refresh_expires_at).not.toBeNull();

    const second = await consent(await startConnect(t, admin, UNIT, 'tiktok'));
    second.searchParams.set('code', first.searchParams.get('code')!);
    expect(errorCode((await callback(t, admin, second)).text)).toBe('code_rejected');
    p.tiktok.consent = 'deny';
    expect(errorCode((await callback(t, admin, await consent(await startConnect(t, admin, UNIT, 'tiktok')))).text)).toBe('consent_denied');
  });

  it('Telegram: the bot must be an administrator of the channel with the right to post', async () => {
    p.telegram.member = { status: 'member' };
    const refused = await t.http.post(`/koneksi/${UNIT}/telegram`).set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, botToken: p.telegram.botToken, chatId: '@infopolsekkby' }).expect(303);
    expect(decodeURIComponent(refused.headers['set-cookie']?.toString() ?? '')).toContain('Bot belum menjadi admin');
    expect(await account('telegram')).toBeUndefined();
    p.telegram.member = { status: 'administrator', can_post_messages: true };
    await t.http.post(`/koneksi/${UNIT}/telegram`).set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, botToken: p.telegram.botToken, chatId: '@infopolsekkby' }).expect(303);
    expect(await account('telegram')).toMatchObject({ state: 'connected', handle: '@infopolsekkby', external_id: String(p.telegram.channel.id) });
    expect(p.telegram.to('POST', /getChatMember$/).at(-1)!.json).toEqual({ chat_id: '@infopolsekkby', user_id: p.telegram.bot.id });
  });

  it('pasted credentials are verified the same way: a bad token stores nothing', async () => {
    const token = await t.login('admin');
    const bad = await t.http.put(`/api/v1/units/POLRES-JAKSEL/channels/x`).set(bearer(token)).send({ mode: 'api', credentials: { accessToken: 'xat-not-a-live-token' } });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('credentials_invalid');
    expect(JSON.stringify(bad.body)).not.toContain('xat-not-a-live-token');
    expect(await t.dataSource.query(`SELECT 1 FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE u.code = 'POLRES-JAKSEL' AND a.channel = 'x'`)).toHaveLength(0);
    const live = [...p.x.accessTokens.keys()].at(-1)!;
    const ok = await t.http.put(`/api/v1/units/POLRES-JAKSEL/channels/x`).set(bearer(token)).send({ mode: 'api', credentials: { accessToken: live } }).expect(200);
    expect(ok.body).toMatchObject({ channel: 'x', mode: 'api', handle: '@humaspolsekkby', hasCredentials: true });
  });

  it('a humas officer connects only their own unit, and only once the admin allowed it', async () => {
    const humas = await consoleLogin(t, 'humas.kebayoran');
    const refused = await t.http.post(`/koneksi/${UNIT}/x/mulai`).set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf });
    expect(refused.status).toBe(403);
    await t.http.post(`/koneksi/${UNIT}/izin-humas`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, allowed: '1' }).expect(303);
    expect((await connectThrough(t, humas, UNIT, 'x')).status).toBe(303);
    // a state started by one officer cannot be finished by another
    const theirs = await consent(await startConnect(t, humas, UNIT, 'x'));
    expect(errorCode((await callback(t, admin, theirs)).text)).toBe('state_invalid');
  });
});
