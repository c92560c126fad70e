import { createHash, randomBytes } from 'node:crypto';
import { FixedClock } from '../../src/common/clock';
import { PartnerPullLog } from '../../src/feeds/partner-pull-log';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { FakeEndpoint } from '../support/fake-endpoint';
import { feedparser, jsonFeedErrors, xmllint } from '../support/feed-clients';
import { complaintFor, eventually, FeedStories } from '../support/feed-stories';
import { createTestApp, type TestApp } from '../support/test-app';

const BASE = 'https://humas.example.go.id';
const PUBLIC_FEEDS = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/units/POLSEK-KEBAYORAN-BARU/rss.xml', '/feeds/categories/curanmor/atom.xml'];

describe('partner feeds, embargo, refresh across instances, WebSub', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  const hub = new FakeEndpoint();
  let t: TestApp;
  let stories: FeedStories;
  let token: string;
  let partnerId: string;
  let hubUrl: string;

  const text = async (app: TestApp, path: string) => (await app.http.get(path).set('Accept-Encoding', 'identity').expect(200)).text;
  const addPartner = async (name: string, unitCode = 'POLDA-METRO') => {
    const secret = randomBytes(24).toString('base64url');
    const [unit] = await t.dataSource.query(`SELECT id FROM unit WHERE code = $1`, [unitCode]);
    const [row] = await t.dataSource.query(
      `INSERT INTO partner (unit_id, name, kind, feed_token_hash, feed_token_sealed) VALUES ($1, $2, 'online', $3, 'sealed-elsewhere') RETURNING id`,
      [unit.id, name, createHash('sha256').update(secret).digest('hex')]);
    return { secret, id: row.id as string };
  };

  beforeAll(async () => {
    hubUrl = `${await hub.start()}/hub`;
    t = await createTestApp({ clock, env: { DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '150', PUBLIC_BASE_URL: BASE, WEBSUB_HUB_URL: hubUrl } });
    stories = new FeedStories(t);
    ({ secret: token, id: partnerId } = await addPartner('Warta Kota Daring <b>&</b>'));
  });
  afterAll(async () => {
    await t.close();
    await hub.stop();
  });

  it('refuses an embargo in the past or malformed, writing nothing', async () => {
    const id = (await stories.create('complaints', complaintFor('POLSEK-KEBAYORAN-BARU')))!;
    await t.http.post(`/api/v1/stories/${id}/submit`).set(await stories.as('admin')).expect(200);
    for (const embargoUntil of ['2026-11-20T01:59:00Z', '2026-11-20 12:00', 'besok', '2028-01-01T00:00:00Z']) {
      const refused = await t.http.post(`/api/v1/stories/${id}/approve`).set(await stories.as('humas.kebayoran')).send({ embargoUntil }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'embargoUntil' })]);
    }
    const [row] = await t.dataSource.query(`SELECT status, embargo_until FROM story WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'in_review', embargo_until: null });
  });

  it('shows an embargoed release to partners at once, marked, and to the public only after the embargo and publication', async () => {
    const id = (await stories.create('complaints', complaintFor('POLSEK-KEBAYORAN-BARU', { category: 'curanmor' })))!;
    await stories.approve(id, 'POLSEK-KEBAYORAN-BARU', { embargoUntil: '2026-11-20T12:00:00+07:00' });
    const [row] = await t.dataSource.query(`SELECT status, embargo_until FROM story WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'approved', embargo_until: new Date('2026-11-20T05:00:00Z') });
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(await stories.as('humas.kebayoran')).send({}).expect(200);
    await t.app.get(Dispatcher).tick(); // not due before the embargo
    expect((await t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [id]))[0].status).toBe('approved');

    await eventually(async () => (await text(t, `/feeds/partners/${token}/rss.xml`)).includes(id));
    const rss = await text(t, `/feeds/partners/${token}/rss.xml`);
    expect(xmllint(rss)).toBe('');
    const parsed = feedparser(rss);
    expect(Number(parsed.bozo)).toBe(0);
    expect(parsed.feed.title).toBe('Siaran Pers Humas Polri untuk Warta Kota Daring <b>&</b>');
    const entry = parsed.entries.find((e) => e.id === `urn:uuid:${id}`)!;
    expect(entry.title).toMatch(/^\[EMBARGO hingga Jumat, 20\/11\/2026 pukul 12\.00 WIB\] /);
    expect(entry.summary).toMatch(/^EMBARGO: jangan disiarkan sebelum Jumat, 20\/11\/2026 pukul 12\.00 WIB\. /);
    expect(entry.embargo).toBe('2026-11-20T12:00:00+07:00');
    const atom = feedparser(await text(t, `/feeds/partners/${token}/atom.xml`));
    expect(atom.entries.find((e) => e.id === `urn:uuid:${id}`)!.embargo).toBe('2026-11-20T12:00:00+07:00');
    const json = JSON.parse(await text(t, `/feeds/partners/${token}/feed.json`));
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items.find((i: { id: string }) => i.id === `urn:uuid:${id}`)._gaung.embargo_until).toBe('2026-11-20T12:00:00+07:00');
    for (const path of PUBLIC_FEEDS) expect(await text(t, path)).not.toContain(id);
    // a partner managed by another region's Humas does not get Jakarta's embargoed release
    const makassar = await addPartner('Fajar Makassar', 'POLDA-SULSEL');
    expect(await text(t, `/feeds/partners/${makassar.secret}/rss.xml`)).not.toContain(id);

    // the embargo passes and the dispatcher publishes: public feeds have it, partners see it unmarked
    clock.set(new Date('2026-11-20T05:00:30Z'));
    await t.app.get(Dispatcher).tick();
    expect((await t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [id]))[0].status).toBe('published');
    await eventually(async () => (await Promise.all(PUBLIC_FEEDS.map((p) => text(t, p)))).every((body) => body.includes(id)));
    const after = feedparser(await text(t, `/feeds/partners/${token}/rss.xml`)).entries.find((e) => e.id === `urn:uuid:${id}`)!;
    expect(after.title).not.toContain('EMBARGO');
    expect(after.embargo).toBeFalsy();
  });

  it('answers 404 to unknown, rotated and deactivated tokens, and logs every pull', async () => {
    const pulls = t.app.get(PartnerPullLog);
    await pulls.flush();
    await t.dataSource.query(`DELETE FROM partner_pull`);
    await t.http.get(`/feeds/partners/${randomBytes(24).toString('base64url')}/rss.xml`).expect(404);
    await t.http.get('/feeds/partners/short/rss.xml').expect(404);
    await t.http.get(`/feeds/partners/${token}/feed.xml`).expect(404);

    const first = await t.http.get(`/feeds/partners/${token}/rss.xml`).set('Accept-Encoding', 'identity').expect(200);
    expect(first.headers['cache-control']).toBe('private, max-age=60');
    expect(first.headers['access-control-allow-origin']).toBeUndefined();
    expect(first.text).not.toContain('rel="hub"'); // the hub would learn the secret address
    await t.http.get(`/feeds/partners/${token}/rss.xml`).set('If-None-Match', first.headers.etag).expect(304);
    await t.http.get(`/feeds/partners/${token}/feed.json`).expect(200);
    await pulls.flush();
    const logged = await t.dataSource.query(`SELECT partner_id, feed, items, not_modified FROM partner_pull ORDER BY id`);
    const items = (first.text.match(/<item>/g) ?? []).length;
    expect(logged).toEqual([
      { partner_id: partnerId, feed: 'rss.xml', items, not_modified: false },
      { partner_id: partnerId, feed: 'rss.xml', items, not_modified: true },
      { partner_id: partnerId, feed: 'feed.json', items, not_modified: false },
    ]);

    // another partner's token keeps working while this one is rotated, then deactivated
    const other = await addPartner('Radio Suara Warga');
    await t.dataSource.query(`UPDATE partner SET feed_token_hash = $2 WHERE id = $1`, [partnerId, createHash('sha256').update('rotated-token-0123456789').digest('hex')]);
    await t.http.get(`/feeds/partners/${token}/rss.xml`).expect(404);
    await t.http.get('/feeds/partners/rotated-token-0123456789/rss.xml').expect(200);
    await t.dataSource.query(`UPDATE partner SET active = false WHERE id = $1`, [partnerId]);
    await t.http.get('/feeds/partners/rotated-token-0123456789/rss.xml').expect(404);
    await t.http.get(`/feeds/partners/${other.secret}/atom.xml`).expect(200);
    token = other.secret;
    partnerId = other.id;
  });

  it('drops a withdrawn release from every feed of every instance within the check interval', async () => {
    const second = await createTestApp({ clock, shareDatabaseOf: t, env: { DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '150', PUBLIC_BASE_URL: BASE } });
    try {
      const id = await stories.published('complaints', complaintFor('POLSEK-KEBAYORAN-BARU', { category: 'curanmor' }));
      const everywhere = [...PUBLIC_FEEDS, `/feeds/partners/${token}/rss.xml`];
      for (const app of [t, second]) await eventually(async () => (await Promise.all(everywhere.map((p) => text(app, p)))).every((b) => b.includes(id)));

      await stories.withdraw(id, 'POLSEK-KEBAYORAN-BARU');
      // nothing but each instance's own check (every 150 ms) can drop what both have cached
      for (const app of [t, second]) await eventually(async () => (await Promise.all(everywhere.map((p) => text(app, p)))).every((b) => !b.includes(id)), 10_000);
    } finally {
      await second.close();
    }
  });

  it('pings the WebSub hub once per change (whichever instance notices), for the public feeds that show the story only', async () => {
    expect(await text(t, '/feeds/rss.xml')).toContain(`<atom:link href="${hubUrl}" rel="hub"/>`);
    expect(JSON.parse(await text(t, '/feeds/feed.json')).hubs).toEqual([{ type: 'WebSub', url: hubUrl }]);
    const second = await createTestApp({ clock, shareDatabaseOf: t, env: { DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '150', PUBLIC_BASE_URL: BASE, WEBSUB_HUB_URL: hubUrl } });
    const topics = () => hub.received.filter((r) => r.path === '/hub').map((r) => new URLSearchParams(r.body));
    try {
      // settle what earlier tests changed, then start counting
      await new Promise((r) => setTimeout(r, 500));
      const before = topics().length;
      const id = await stories.published('complaints', complaintFor('POLSEK-DUREN-SAWIT', { category: 'tawuran' }));
      await eventually(async () => topics().slice(before).some((p) => p.get('hub.url') === `${BASE}/feeds/units/POLSEK-DUREN-SAWIT/rss.xml`));
      await new Promise((r) => setTimeout(r, 600)); // both instances have checked several times by now
      const pinged = topics().slice(before);
      expect(pinged.every((p) => p.get('hub.mode') === 'publish')).toBe(true);
      const urls = pinged.map((p) => p.get('hub.url'));
      for (const path of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/units/POLRES-JAKTIM/atom.xml', '/feeds/units/POLDA-METRO/rss.xml', '/feeds/categories/tawuran/feed.json']) {
        expect(urls.filter((u) => u === `${BASE}${path}`)).toHaveLength(1);
      }
      expect(urls.some((u) => u!.includes('POLRES-JAKSEL') || u!.includes('/partners/') || u!.includes('curanmor'))).toBe(false);
      expect(await text(second, '/feeds/rss.xml')).toContain(id);
    } finally {
      await second.close();
    }

    // a failing hub is logged, never in the way
    hub.respond = () => ({ status: 500 });
    const next = await stories.published('complaints', complaintFor('POLSEK-DUREN-SAWIT', { category: 'tawuran' }));
    await eventually(async () => (await text(t, '/feeds/categories/tawuran/rss.xml')).includes(next));
  });
});
