import { Client } from 'pg';
import { digitsOf, fixture, haveFixtures, personalValues } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { type Answer, call, Cluster, eventually, loginAt } from './support/cluster';
import { recordFigure } from './support/figures';

/**
 * The shared fixtures end to end on a real process (LOG_LEVEL=debug, its output captured):
 * intake -> drafts -> approval -> publishing. Afterwards no phone number, NIK, e-mail address
 * or plate from them (found by the independent extractor `personalValues`) appears in any
 * published draft, feed, press-room page, CSV export, error answer or log line. Feeds, press
 * room and export are checked when their routes exist (other modules add them).
 */
const describeWithFixtures = haveFixtures ? describe : describe.skip;
const KINDS = [['complaints', 'complaints'], ['feedback', 'feedback'], ['achievements', 'achievements']] as const;

describeWithFixtures('privacy of the fixtures, end to end', () => {
  let db: TestDatabase;
  let cluster: Cluster;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    cluster = await new Cluster(db.url, { LOG_LEVEL: 'debug', DISPATCH_INTERVAL_MS: '300' }).start(1);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await cluster?.stop();
    await db?.drop();
  });

  it('never shows their personal data in drafts, feeds, pages, exports, errors or logs', async () => {
    const [app] = cluster.instances;
    const admin = await loginAt(app.url, 'admin');
    const as = (token: string) => (method: string, route: string, body?: unknown) => call(app.url, method, route, { token, body });
    const byAdmin = as(admin);

    // the fixture units the demo organisation lacks, parents first
    const known = new Set((await pg.query(`SELECT code FROM unit`)).rows.map((r) => r.code));
    for (const unit of fixture<Record<string, unknown>[]>('units')) {
      if (known.has(unit.code as string)) continue;
      const { parentCode, ...rest } = unit;
      const made = await byAdmin('POST', '/api/v1/units', { ...rest, ...(parentCode ? { parentCode } : {}) });
      expect([unit.code, made.status]).toEqual([unit.code, 201]);
    }
    // a second administrator approves: the author of a story never approves it
    expect((await byAdmin('POST', '/api/v1/users', { username: 'admin.kedua', displayName: 'Admin Kedua', role: 'admin', password: 'second-admin-password' })).status).toBe(201);
    const approver = as(await call(app.url, 'POST', '/api/v1/auth/login', { body: { username: 'admin.kedua', password: 'second-admin-password' } }).then((a) => a.body.token));

    const secrets: string[] = [];
    const texts: { where: string; text: string }[] = [];
    const errors: Answer[] = [];
    const stories: string[] = [];
    for (const [name, route] of KINDS) {
      for (const item of fixture(name)) {
        for (const value of personalValues(item)) secrets.push(value, ...(digitsOf(value).length >= 8 ? [digitsOf(value)] : []));
        const created = await byAdmin('POST', `/api/v1/${route}`, item);
        expect([name, created.status]).toEqual([name, 201]);
        texts.push({ where: `${name} intake answer`, text: created.text });
        if (created.body.storyId) stories.push(created.body.storyId);
        // hostile variants: an unknown field and a bad enum carry the personal data back in
        errors.push(await byAdmin('POST', `/api/v1/${route}`, { ...item, externalRef: undefined, unitCode: 'POLSEK-TIDAK-ADA', extra: JSON.stringify(item) }));
        if (item.externalRef) errors.push(await byAdmin('POST', `/api/v1/${route}`, { ...item, summary: `${item.summary} (diubah)` }));
      }
    }
    for (const answer of errors) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      texts.push({ where: `error ${answer.status}`, text: answer.text });
    }

    const published: string[] = [];
    for (const id of stories) {
      if ((await byAdmin('POST', `/api/v1/stories/${id}/submit`)).status !== 200) continue;
      let approved = await approver('POST', `/api/v1/stories/${id}/approve`, { channels: ['website', 'x', 'whatsapp'] });
      // a blocking lint is overridden on purpose: the masking itself is under test, not the lint
      if (approved.status === 422) approved = await approver('POST', `/api/v1/stories/${id}/approve`, { channels: ['website', 'x', 'whatsapp'], override: true, reason: 'Uji privasi: penyamaran diperiksa' });
      if (approved.status !== 200) continue;
      expect((await approver('POST', `/api/v1/stories/${id}/schedule`, {})).status).toBe(200);
      published.push(id);
    }
    expect(published.length).toBeGreaterThan(stories.length / 2);
    await eventually('the website releases to be published', async () =>
      (await pg.query(`SELECT count(*)::int AS n FROM publication WHERE story_id = ANY($1::uuid[]) AND channel = 'website' AND status <> 'published'`, [published])).rows[0].n === 0, 60_000);

    for (const id of published) {
      const story = await byAdmin('GET', `/api/v1/stories/${id}`);
      for (const draft of story.body.drafts ?? []) texts.push({ where: `draft ${draft.channel} of ${id}`, text: `${draft.title ?? ''}\n${draft.body}` });
      if (story.body.slug) {
        const page = await call(app.url, 'GET', `/rilis/${story.body.slug}`);
        // only published stories have a public page; the others answer 404
        if (story.body.status === 'published') expect(page.status).toBe(200);
        if (page.status === 200) texts.push({ where: `press room /rilis/${story.body.slug}`, text: page.text });
      }
    }
    // Every published surface is read, and must answer: a surface that failed would silently leave the sweep.
    const surfaces = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/rilis'];
    for (const unit of ['POLDA-METRO', 'POLDA-KALBAR', 'POLDA-SUMUT', 'POLDA-SULSEL', 'POLDA-PAPUA']) {
      surfaces.push(`/feeds/units/${unit}/rss.xml`, `/api/v1/reports/stories.csv?unitCode=${unit}`);
    }
    const failed: string[] = [];
    for (const route of surfaces) {
      const answer = await call(app.url, 'GET', route, { token: route.startsWith('/api/') ? admin : undefined });
      if (answer.status === 200) texts.push({ where: route, text: answer.text });
      else failed.push(`${route}: ${answer.status}`);
    }
    expect(failed).toEqual([]);
    texts.push({ where: 'log output (LOG_LEVEL=debug)', text: app.proc.output() });
    recordFigure('privacy', { fixtures: stories.length, published: published.length, personalValues: secrets.length, surfacesChecked: texts.length });

    const leaks = texts.flatMap(({ where, text }) => secrets.filter((value) => text.includes(value)).map((value) => `${where}: ${value}`));
    expect([...new Set(leaks)]).toEqual([]);
  });
});
