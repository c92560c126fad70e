import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { FeedPoller } from '../../src/tracking/polling/feed-poller.service';
import { FeedServer } from '../support/feed-server';
import { fixture, haveFixtures } from '../support/fixtures';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const ENV = { FEED_FETCH_ALLOW_HOSTS: '127.0.0.1', FEED_FETCH_TIMEOUT_MS: '1500', FEED_FETCH_MAX_BYTES: String(1024 * 1024), PARTNER_POLL_MINUTES: '60', DISPATCH_INTERVAL_MS: '0' };
const HOUR = 3_600_000;

(haveFixtures ? describe : describe.skip)('partner-feed poller and pickups', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  const server = new FeedServer();
  let t: TestApp;
  let humas: string;
  let storyId: string;
  let slug: string;
  let release: string;
  let partnerId: string;

  const feedRow = async (url: string) => (await t.dataSource.query(`SELECT * FROM partner_feed WHERE url = $1`, [url]))[0];

  beforeAll(async () => {
    await server.start();
    t = await createTestApp({ clock, env: ENV });
    humas = await t.login('humas.kebayoran');
    const operator = await t.login('operator.kebayoran');
    const complaint = (fixture('complaints') as Record<string, unknown>[]).find((c) => c.unitCode === 'POLSEK-KEBAYORAN-BARU')!;
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint).expect(201);
    storyId = body.storyId;
    await t.http.post(`/api/v1/stories/${storyId}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${storyId}/approve`).set(bearer(humas)).send({ channels: ['website'] }).expect(200);
    await t.http.post(`/api/v1/stories/${storyId}/schedule`).set(bearer(humas)).send({}).expect(200);
    await t.app.get(Dispatcher).tick();
    const story = (await t.http.get(`/api/v1/stories/${storyId}`).set(bearer(humas)).expect(200)).body;
    expect(story.status).toBe('published');
    slug = story.slug;
    release = story.drafts.find((d: { channel: string }) => d.channel === 'website').body;
  });
  afterAll(async () => {
    await t?.close();
    await server.stop();
  });

  it('polls a partner feed, records new items once and the pickups among them', async () => {
    const paragraphs = release.split('\n\n');
    server.items = [
      { guid: 'kompas-1', title: 'Gerak Cepat Polisi Kebayoran Baru, Motor Warga Kembali dalam Hitungan Jam', link: 'https://kompas.example/1',
        description: `<p>JAKARTA, KOMPAS.com - Jajaran Polsek Kebayoran Baru kembali bergerak cepat.</p>${paragraphs.slice(1, -1).reverse().map((p) => `<p>${p}</p>`).join('')}` },
      { guid: 'kompas-2', title: 'Polisi Tangkap Pengedar Sabu di Tebet', link: 'https://kompas.example/2',
        description: 'JAKARTA, KOMPAS.com - Satresnarkoba Polres Metro Jakarta Selatan menangkap seorang pria berinisial DK (31) yang diduga mengedarkan sabu di kawasan Tebet. Dari tangan pelaku, petugas menyita 50 gram sabu.' },
      { guid: 'kompas-3', title: 'Kabar Baik Hari Ini', link: 'https://kompas.example/3', description: `Baca rilisnya: <a href="${t.config.publicBaseUrl}/rilis/${slug}">di sini</a>` },
    ];
    const { body: partner } = await t.http.post('/api/v1/partners').set(bearer(humas))
      .send({ name: 'Kompas Contoh', kind: 'mainstream', feeds: [`${server.base}/feed.xml`] }).expect(201);
    partnerId = partner.id;
    const first = (await t.http.post(`/api/v1/partners/${partnerId}/poll`).set(bearer(humas)).expect(200)).body;
    expect(first.feeds).toEqual([expect.objectContaining({ status: 'ok', items: 3, newItems: 3 })]);
    const found = first.feeds[0].pickups;
    expect(found).toHaveLength(2);
    expect(found.every((p: { storyId: string }) => p.storyId === storyId)).toBe(true);
    expect(found.map((p: { certain: boolean }) => p.certain).sort()).toEqual([false, true]);

    const second = (await t.http.post(`/api/v1/partners/${partnerId}/poll`).set(bearer(humas)).expect(200)).body;
    expect(second.feeds).toEqual([expect.objectContaining({ status: 'not_modified', newItems: 0, pickups: [] })]);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    server.etag = '"v2"'; // the feed answers in full again: nothing is duplicated
    const third = (await t.http.post(`/api/v1/partners/${partnerId}/poll`).set(bearer(humas)).expect(200)).body;
    expect(third.feeds).toEqual([expect.objectContaining({ status: 'ok', items: 3, newItems: 0, pickups: [] })]);
    const [{ items, pickups }] = await t.dataSource.query(`SELECT (SELECT count(*)::int FROM partner_item) AS items, (SELECT count(*)::int FROM pickup) AS pickups`);
    expect([items, pickups]).toEqual([3, 2]);
    expect(await feedRow(`${server.base}/feed.xml`)).toMatchObject({ etag: '"v2"', failures: 0, last_error: null });
  });

  it('lists pickups with score and evidence, scoped by the story unit', async () => {
    const { body } = await t.http.get(`/api/v1/pickups?storyId=${storyId}`).set(bearer(humas)).expect(200);
    expect(body.total).toBe(2);
    const byLink = body.items.find((p: { certain: boolean }) => p.certain);
    const byText = body.items.find((p: { certain: boolean }) => !p.certain);
    expect(byLink).toMatchObject({ storyId, partnerId, partnerName: 'Kompas Contoh', score: 1, evidence: { signal: 'link' }, item: { link: 'https://kompas.example/3' } });
    expect(byText.score).toBeGreaterThanOrEqual(0.25);
    expect(byText.evidence.sharedPhrases.length).toBeGreaterThan(0);
    expect((await t.http.get(`/api/v1/pickups?partnerId=${partnerId}`).set(bearer(humas)).expect(200)).body.total).toBe(2);
    const sibling = await t.login('humas.jaktim');
    expect((await t.http.get(`/api/v1/pickups?storyId=${storyId}`).set(bearer(sibling)).expect(200)).body).toMatchObject({ total: 0, items: [] });
    const bad = await t.http.get('/api/v1/pickups?storyId=nope&pageSize=1000').set(bearer(humas)).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'storyId']);
    await t.http.get('/api/v1/pickups').set(bearer(await t.login('operator.kebayoran'))).expect(403);
  });

  it('survives hostile feeds within their bounds, records each error and backs off', async () => {
    const hostile = ['/huge', '/huge-declared', '/gzip-bomb', '/drip', '/redirect/6', '/to-metadata', '/to-ftp', '/malformed.xml', '/bomb.xml', '/not-xml', '/error'];
    const urls = [...hostile, '/proto.xml'].map((path) => `${server.base}${path}`);
    const { body: partner } = await t.http.post('/api/v1/partners').set(bearer(humas)).send({ name: 'Mitra Nakal', kind: 'community', feeds: urls }).expect(201);
    const started = Date.now();
    const { body } = await t.http.post(`/api/v1/partners/${partner.id}/poll`).set(bearer(humas)).expect(200);
    // 12 feeds, 4 at a time, none may take much longer than the 1.5 s limit
    expect(Date.now() - started).toBeLessThan(12_000);
    const byPath = Object.fromEntries(body.feeds.map((f: { url: string }) => [new URL(f.url).pathname, f]));
    const expected: Record<string, string> = {
      '/huge': 'too_large', '/huge-declared': 'too_large', '/gzip-bomb': 'too_large', '/drip': 'timeout', '/redirect/6': 'too_many_redirects',
      '/to-metadata': 'address_refused', '/to-ftp': 'scheme_not_allowed', '/malformed.xml': 'malformed', '/bomb.xml': 'entities_refused', '/not-xml': 'malformed', '/error': 'http_status',
    };
    for (const path of hostile) {
      expect({ path, status: byPath[path].status, code: String(byPath[path].error).split(':')[0] }).toEqual({ path, status: 'failed', code: expected[path] });
      const row = await feedRow(`${server.base}${path}`);
      expect({ path, failures: row.failures, error: row.last_error?.split(':')[0] }).toEqual({ path, failures: 1, error: expected[path] });
      expect(new Date(row.next_poll_at).getTime() - clock.now().getTime()).toBe(2 * HOUR); // backed off: twice the period
      expect(row.last_error).not.toContain('127.0.0.1');
    }
    expect(server.sent.get('/huge')!).toBeLessThan(20 * 1024 * 1024);
    expect(byPath['/proto.xml']).toMatchObject({ status: 'ok', items: 1, newItems: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    await t.http.get('/health').expect(200);
    await t.http.get('/api/v1/partners').set(bearer(humas)).expect(200);
    // a second failure waits twice as long again
    clock.advance(2 * HOUR);
    await t.app.get(FeedPoller).tick();
    expect(await feedRow(`${server.base}/error`)).toMatchObject({ failures: 2, next_poll_at: new Date(clock.now().getTime() + 4 * HOUR) });
    await t.http.put(`/api/v1/partners/${partner.id}`).set(bearer(humas)).send({ name: 'Mitra Nakal', kind: 'community', feeds: urls, active: false }).expect(200);
  });

  it('polls each feed once per occurrence across two instances', async () => {
    const t2 = await createTestApp({ clock, env: ENV, shareDatabaseOf: t });
    try {
      await t.http.post('/api/v1/partners').set(bearer(humas)).send({ name: 'Detik Contoh', kind: 'online', feeds: [`${server.base}/feed-b.xml`] }).expect(201);
      const pollers = [t.app.get(FeedPoller), t2.app.get(FeedPoller)];
      const hits = () => server.hits.get('/feed-b.xml') ?? 0;
      const round = async () => (await Promise.all(pollers.map((p) => p.tick()))).flat().filter((r) => r.url.endsWith('/feed-b.xml'));
      expect(await round()).toHaveLength(1);
      expect(hits()).toBe(1);
      expect(await round()).toHaveLength(0); // not due again within the period
      expect(hits()).toBe(1);
      clock.advance(HOUR);
      expect(await round()).toHaveLength(1);
      expect(hits()).toBe(2);
    } finally {
      await t2.close();
    }
  });
});
