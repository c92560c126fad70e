import { EngagementJob } from '../../src/engagement/engagement.job';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { createMediaTestApp } from '../support/media';
import { publicationsOf, scheduledStory } from '../support/platforms/approved-stories';
import { connectThrough, platformEnv, type Platforms, startPlatforms } from '../support/platforms/connect-helpers';
import { bearer, type TestApp } from '../support/test-app';

const UNIT = 'POLSEK-KEBAYORAN-BARU';

/**
 * Issue 21, "Registry of official accounts" and "Engagement": /akun-resmi (API, filters, CSV,
 * page), and figures read back from the platforms on a slowing schedule, shown on the story
 * page, in the engagement report and in the monthly anev.
 */
describe('official accounts registry and engagement', () => {
  let p: Platforms;
  let t: TestApp & { cleanup(): Promise<void> };
  let admin: ConsoleSession;
  let tokens: { operator: string; humas: string };
  let story: string;

  beforeAll(async () => {
    p = await startPlatforms();
    t = await createMediaTestApp(platformEnv(p));
    admin = await consoleLogin(t, 'admin');
    tokens = { operator: await t.login('operator.kebayoran'), humas: await t.login('humas.kebayoran') };
    for (const channel of ['x', 'instagram']) expect((await connectThrough(t, admin, UNIT, channel)).status).toBe(303);
    await t.http.post(`/koneksi/${UNIT}/telegram`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, botToken: p.telegram.botToken, chatId: '@infopolsekkby' }).expect(303);
  });
  afterAll(async () => {
    await t.cleanup();
    await p.close();
  });

  it('lists every unit in scope with its accounts; filters find units without an account, unverified ones and those to reconnect; CSV export', async () => {
    const humasMetro = await t.login('humas.metro');
    const all = await t.http.get('/api/v1/official-accounts').set(bearer(humasMetro)).expect(200);
    const kby = all.body.items.find((u: { unitCode: string }) => u.unitCode === UNIT);
    const x = kby.accounts.find((a: { channel: string }) => a.channel === 'x');
    expect(x).toMatchObject({ handle: '@humaspolsekkby', state: 'connected', verified: true, verifiedSource: 'api' });
    expect(kby.accounts.find((a: { channel: string }) => a.channel === 'facebook')).toMatchObject({ state: 'none' });

    const withoutFacebook = await t.http.get('/api/v1/official-accounts?without=facebook').set(bearer(humasMetro)).expect(200);
    expect(withoutFacebook.body.items.map((u: { unitCode: string }) => u.unitCode)).toContain(UNIT);
    const unverified = await t.http.get('/api/v1/official-accounts?unverified=true').set(bearer(humasMetro)).expect(200);
    // Telegram has no badge in its API: unverified until an admin marks it
    expect(unverified.body.items.map((u: { unitCode: string }) => u.unitCode)).toContain(UNIT);
    const adminToken = await t.login('admin');
    await t.http.put(`/api/v1/units/${UNIT}/channels/telegram/verification`).set(bearer(adminToken)).send({ verified: true }).expect(200);
    await t.http.put(`/api/v1/units/${UNIT}/channels/instagram/verification`).set(bearer(adminToken)).send({ verified: true }).expect(200);
    const after = await t.http.get(`/api/v1/official-accounts?unitCode=${UNIT}`).set(bearer(humasMetro)).expect(200);
    expect(after.body.items[0].accounts.find((a: { channel: string }) => a.channel === 'telegram')).toMatchObject({ verified: true, verifiedSource: 'admin', verifiedCheckedAt: expect.any(String) });
    expect((await t.http.get('/api/v1/official-accounts?unverified=true').set(bearer(humasMetro))).body.items.map((u: { unitCode: string }) => u.unitCode)).not.toContain(UNIT);

    await t.dataSource.query(`UPDATE channel_account SET state = 'reconnect_needed' WHERE channel = 'telegram'`);
    const reconnect = await t.http.get('/api/v1/official-accounts?needsReconnect=true').set(bearer(humasMetro)).expect(200);
    expect(reconnect.body.items.map((u: { unitCode: string }) => u.unitCode)).toEqual([UNIT]);
    await t.dataSource.query(`UPDATE channel_account SET state = 'connected' WHERE channel = 'telegram'`);

    const csv = await t.http.get('/api/v1/official-accounts/export.csv').set(bearer(humasMetro)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFF"Kode Satuan","Satuan"')).toBe(true);
    // a handle starts with @, which spreadsheets run as a formula: neutralised like every export
    expect(csv.text).toContain(`"${UNIT}","Polsek Kebayoran Baru","polsek","x","'@humaspolsekkby","Terhubung","ya","API platform"`);
    expect(csv.text).not.toContain(p.telegram.botToken);

    // another Polda's humas sees none of it; commanders read; operators may not
    const outside = await t.http.get(`/api/v1/official-accounts?unitCode=${UNIT}`).set(bearer(await t.login('operator.kebayoran')));
    expect(outside.status).toBe(403);

    const humas = await consoleLogin(t, 'humas.metro');
    const page = await t.http.get('/akun-resmi?tanpa=facebook').set('Cookie', humas.cookie).expect(200);
    expect(page.text).toContain(`data-unit="${UNIT}"`);
    expect(page.text).toContain('@humaspolsekkby');
    expect(page.text).toMatch(/href="\/api\/v1\/official-accounts\/export\.csv\?without(=|&#x3D;)facebook"/);
  });

  it('reads figures back 1 h after publishing, then 6 h, 1 day and 7 days; shows them on the story page, in the report and the anev', async () => {
    story = await scheduledStory(t, ['x', 'instagram', 'telegram'], tokens);
    await t.app.get(Dispatcher).tick();
    const pubs = await publicationsOf(t, story);
    for (const channel of ['x', 'instagram', 'telegram']) expect(pubs[channel]).toMatchObject({ status: 'published' });
    const metrics = await t.dataSource.query(`SELECT channel, next_collect_at, collections FROM publication_metric ORDER BY channel`);
    expect(metrics.map((m: { channel: string }) => m.channel)).toEqual(['instagram', 'telegram', 'x']);
    const published = new Date(pubs.x.published_at as string).getTime();
    expect(new Date(metrics[2].next_collect_at).getTime() - published).toBe(3_600_000);

    const job = t.app.get(EngagementJob);
    expect(await job.run()).toEqual({ read: 0, failed: 0 });
    await t.dataSource.query(`UPDATE publication_metric SET next_collect_at = now() - interval '1 second'`);
    expect(await job.run()).toEqual({ read: 3, failed: 0 });
    const rows = Object.fromEntries((await t.dataSource.query(`SELECT * FROM publication_metric`)).map((r: { channel: string }) => [r.channel, r]));
    expect(rows.x).toMatchObject({ impressions: '1200', likes: '40', comments: '2', shares: '4', saves: '4', engagements: '50', reach: null, collections: 1 });
    expect(rows.x.unavailable).toEqual(['reach', 'views']);
    expect(new Date(rows.x.next_collect_at).getTime() - published).toBe(6 * 3_600_000);
    expect(rows.instagram).toMatchObject({ reach: '900', views: '1500', likes: '80', engagements: '99', saves: '9' });
    expect(rows.telegram).toMatchObject({ next_collect_at: null, collections: 1, engagements: null });
    expect(p.x.to('GET', '/2/tweets').at(-1)!.query.get('tweet.fields')).toBe('public_metrics');
    expect(p.meta.to('GET', /\/insights$/).at(-1)!.query.get('metric')).toBe('reach,views,likes,comments,shares,saved,total_interactions');

    // the schedule slows down and ends after the 7-day read
    for (const hours of [24, 7 * 24]) {
      await t.dataSource.query(`UPDATE publication_metric SET next_collect_at = now() - interval '1 second' WHERE next_collect_at IS NOT NULL`);
      await job.run();
      const x = (await t.dataSource.query(`SELECT next_collect_at, collections FROM publication_metric WHERE channel = 'x'`))[0];
      expect(new Date(x.next_collect_at).getTime() - published).toBe(hours * 3_600_000);
    }
    await t.dataSource.query(`UPDATE publication_metric SET next_collect_at = now() - interval '1 second' WHERE next_collect_at IS NOT NULL`);
    await job.run();
    expect((await t.dataSource.query(`SELECT next_collect_at, collections FROM publication_metric WHERE channel = 'x'`))[0]).toEqual({ next_collect_at: null, collections: 4 });

    const humas = await consoleLogin(t, 'humas.kebayoran');
    const page = await t.http.get(`/cerita/${story}`).set('Cookie', humas.cookie).expect(200);
    expect(page.text).toMatch(/data-engagement-channel="x"[\s\S]*1\.200[\s\S]*>50</);
    expect(page.text).toContain('Bot API Telegram tidak memberi jumlah tayangan');

    const report = await t.http.get('/api/v1/reports/engagement').set(bearer(tokens.humas)).expect(200);
    expect(report.body.byChannel).toEqual(expect.arrayContaining([
      { channel: 'x', posts: 1, measured: 1, impressions: 1200, reach: null, views: null, engagements: 50 },
      { channel: 'instagram', posts: 1, measured: 1, impressions: null, reach: 900, views: 1500, engagements: 99 },
    ]));
    expect(report.body.topPosts[0]).toMatchObject({ storyId: story, channel: 'instagram', engagements: 99 });
    expect(report.body.byUnit).toEqual([expect.objectContaining({ unitCode: UNIT, posts: 3, engagements: 149 })]);

    const month = new Date(pubs.x.published_at as string).toISOString().slice(0, 7);
    const anev = await t.http.get(`/api/v1/reports/monthly?unitCode=${UNIT}&month=${month}`).set(bearer(tokens.humas)).expect(200);
    expect(anev.text).toContain('Jangkauan dan interaksi di media sosial');
    expect(anev.text).toMatch(/<th scope="row">Instagram<\/th><td>1<\/td><td>1<\/td><td>900<\/td><td>1\.500<\/td><td>99<\/td>/);
    const json = await t.http.get(`/api/v1/reports/monthly?unitCode=${UNIT}&month=${month}&format=json`).set(bearer(tokens.humas)).expect(200);
    expect(json.body.engagement.byUnit[0]).toMatchObject({ unitCode: UNIT, engagements: 149 });
  });

  it('a revoked account\'s post is read again later, not lost', async () => {
    p.x.revokeAll();
    await t.dataSource.query(`UPDATE publication_metric SET next_collect_at = now() - interval '1 second', collections = 0 WHERE channel = 'x'`);
    expect(await t.app.get(EngagementJob).run()).toMatchObject({ failed: 1 });
    const x = (await t.dataSource.query(`SELECT next_collect_at, last_error FROM publication_metric WHERE channel = 'x'`))[0];
    expect(new Date(x.next_collect_at).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(x.last_error).toContain('HTTP 401');
  });
});
